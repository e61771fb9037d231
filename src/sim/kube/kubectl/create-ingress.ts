/** `kubectl create ingress NAME --rule=host/path=svc:port[,tls[=secret]]` (create_ingress.go). */
import { FlagSet, wordSepNormalize } from '../../cli-kit/flags'
import type { KubeObject } from '../api/object'
import { kubectlCommand } from './command'
import { createAndPrint, generatorFlags, nameFromArgs } from './create-generator'
import { errorLine } from './write-kit'

const RULE = /^([\w*\-.]*)(\/.*)=([\w-]+):([\w-]+)(,(tls)=?([\w-]+)?)?/

const backendPort = (port: string): Record<string, unknown> =>
  /^-?\d+$/.test(port) ? { number: Number(port) } : { name: port }

const backend = (service: string): Record<string, unknown> => {
  const [name = '', port = ''] = service.split(':')
  return { service: { name, port: backendPort(port) } }
}

function httpPath(pathAndService: string): Record<string, unknown> {
  const [pathPart = '', service = ''] = pathAndService.split('=')
  let path = `/${pathPart}`
  let pathType = 'Exact'
  // A trailing `*` asks for a prefix match.
  if (path.endsWith('*')) {
    pathType = 'Prefix'
    path = path.slice(0, -1)
  }
  return { path, pathType, backend: backend(service) }
}

function tlsEntries(rules: readonly string[]): Record<string, unknown>[] {
  const seen = new Set<string>()
  const out: { hosts?: string[]; secretName?: string }[] = []
  for (const rule of rules) {
    const parts = rule.split(',')
    if (parts.length !== 2) continue
    const host = rule.split('/')[0] ?? ''
    const secret = (parts[1] ?? '').split('=')[1] ?? ''
    if (seen.has(host)) continue
    const same = out.find((t) => (t.secretName ?? '') === secret)
    if (same !== undefined) {
      same.hosts = [...(same.hosts ?? []), host]
      seen.add(host)
      continue
    }
    const entry: { hosts?: string[]; secretName?: string } = {}
    if (host !== '') entry.hosts = [host]
    if (secret !== '') entry.secretName = secret
    if (entry.hosts !== undefined || entry.secretName !== undefined) out.push(entry)
    seen.add(host)
  }
  return out
}

function ingressRules(rules: readonly string[]): Record<string, unknown>[] {
  const out: { host?: string; http: { paths: Record<string, unknown>[] } }[] = []
  for (const rule of rules) {
    const withoutTls = rule.split(',')[0] ?? ''
    const slash = withoutTls.indexOf('/')
    const host = withoutTls.slice(0, slash)
    const path = httpPath(withoutTls.slice(slash + 1))
    const same = out.find((r) => (r.host ?? '') === host)
    if (same !== undefined) {
      same.http.paths.push(path)
      continue
    }
    out.push({ ...(host !== '' ? { host } : {}), http: { paths: [path] } })
  }
  return out
}

export const createIngress = kubectlCommand({
  path: 'kubectl create ingress',
  use: 'NAME --rule=host/path=service:port[,tls[=secret]] ',
  aliases: ['ing'],
  short: 'Create an ingress with the specified name',
  long: 'Create an ingress with the specified name.',
  args: { kind: 'any' },
  flags: () =>
    new FlagSet(
      [
        ...generatorFlags(),
        {
          name: 'annotation',
          type: 'stringArray',
          usage: 'Annotation to insert in the ingress object, in the format annotation=value',
        },
        { name: 'class', type: 'string', usage: 'Ingress Class to be used' },
        {
          name: 'default-backend',
          type: 'string',
          usage: 'Default service for backend, in format of svcname:port',
        },
        {
          name: 'rule',
          type: 'stringArray',
          usage:
            "Rule in format host/path=service:port[,tls=secretname]. Paths containing the leading character '*' are considered pathType=Prefix. tls argument is optional.",
        },
      ] as const,
      { normalizeName: wordSepNormalize },
    ),
  run({ values, args, argsLenAtDash }, ctx) {
    const named = nameFromArgs(args, argsLenAtDash, 'kubectl create ingress')
    if (!named.ok) return named.output
    const rules = values.rule
    const fallback = values['default-backend']
    if (fallback === '' && rules.length === 0)
      return errorLine(
        'not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)',
      )
    for (const rule of rules)
      if (!RULE.test(rule))
        return errorLine(
          `rule ${rule} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`,
        )
    const annotations: Record<string, string> = {}
    for (const a of values.annotation) {
      const eq = a.indexOf('=')
      if (eq < 0) return errorLine(`annotation ${a} is invalid and should be in format key=[value]`)
      annotations[a.slice(0, eq)] = a.slice(eq + 1)
    }
    if (fallback !== '' && fallback.split(':').length !== 2)
      return errorLine('default-backend should be in format servicename:serviceport')
    const sortedAnnotations = Object.fromEntries(
      Object.keys(annotations)
        .sort()
        .map((k) => [k, annotations[k]]),
    )
    const tls = tlsEntries(rules)
    const built = ingressRules(rules)
    const object: KubeObject = {
      kind: 'Ingress',
      apiVersion: 'networking.k8s.io/v1',
      metadata: {
        name: named.name,
        ...(ctx.namespaceExplicit ? { namespace: ctx.namespace } : {}),
        creationTimestamp: null,
        ...(Object.keys(annotations).length > 0 ? { annotations: sortedAnnotations } : {}),
      } as unknown as KubeObject['metadata'],
      spec: {
        ...(values.class !== '' ? { ingressClassName: values.class } : {}),
        ...(fallback !== '' ? { defaultBackend: backend(fallback) } : {}),
        ...(tls.length > 0 ? { tls } : {}),
        ...(built.length > 0 ? { rules: built } : {}),
      },
      status: { loadBalancer: {} },
    }
    return createAndPrint(object, values, ctx, 'ingress')
  },
})
