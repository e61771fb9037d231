/**
 * The real kubectl as an oracle for `kubectl explain`: a loopback API server serving discovery
 * and OpenAPI v3 documents built from Quai's generated schema (explain-openapi.ts), so kubectl's
 * own template renders the same data Quai's renderer does.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { RESOURCE_TYPES } from '../../../../src/sim/kube/api/resources'
import {
  explainComponents,
  explainPaths,
} from '../../../../src/sim/kube/api/schema/explain-openapi'

export const REAL_KUBECTL = '/usr/bin/kubectl'
export const realKubectlPresent = existsSync(REAL_KUBECTL)

const groupVersions = (): { group: string; version: string }[] => {
  const out: { group: string; version: string }[] = []
  for (const t of RESOURCE_TYPES)
    if (!out.some((g) => g.group === t.group && g.version === t.version))
      out.push({ group: t.group, version: t.version })
  return out
}

function resourceList(group: string, version: string): unknown {
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group === '' ? version : `${group}/${version}`,
    resources: RESOURCE_TYPES.filter((t) => t.group === group && t.version === version).map(
      (t) => ({
        name: t.resource,
        singularName: t.singular,
        namespaced: t.namespaced,
        kind: t.kind,
        verbs: t.verbs,
        ...(t.shortNames.length > 0 ? { shortNames: t.shortNames } : {}),
      }),
    ),
  }
}

function route(path: string): unknown {
  const components = explainComponents()
  if (path === '/api') return { kind: 'APIVersions', versions: ['v1'] }
  if (path === '/apis')
    return {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: groupVersions()
        .filter((g) => g.group !== '')
        .map((g) => ({
          name: g.group,
          versions: [{ groupVersion: `${g.group}/${g.version}`, version: g.version }],
          preferredVersion: { groupVersion: `${g.group}/${g.version}`, version: g.version },
        })),
    }
  if (path === '/openapi/v3') {
    const paths: Record<string, unknown> = {}
    for (const g of groupVersions()) {
      const key = g.group === '' ? `api/${g.version}` : `apis/${g.group}/${g.version}`
      paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=0123456789ABCDEF` }
    }
    return { paths }
  }
  for (const g of groupVersions()) {
    const key = g.group === '' ? `api/${g.version}` : `apis/${g.group}/${g.version}`
    if (path === `/${key}`) return resourceList(g.group, g.version)
    if (path === `/openapi/v3/${key}`)
      return {
        openapi: '3.0.0',
        info: { title: 'Kubernetes', version: 'v1.32.0' },
        paths: explainPaths(g.group, g.version),
        components: { schemas: components },
      }
  }
  return undefined
}

export async function startOracleServer(): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/'
    const body = route(path)
    if (body === undefined) {
      response.writeHead(404, { 'Content-Type': 'application/json' })
      response.end(
        JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code: 404 }),
      )
      return
    }
    response.writeHead(200, { 'Content-Type': 'application/json' })
    response.end(JSON.stringify(body))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, server }
}

export interface RealRun {
  stdout: string
  stderr: string
  exitCode: number
}

/** Runs the real kubectl against `url`, with no kubeconfig and a throwaway cache. */
export function runRealKubectl(
  url: string,
  args: readonly string[],
  cache: string,
): Promise<RealRun> {
  return new Promise((resolve) => {
    execFile(
      REAL_KUBECTL,
      ['--server', url, '--cache-dir', cache, ...args],
      { env: { HOME: cache, KUBECONFIG: '/dev/null', PATH: '/usr/bin:/bin' } },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : error ? 1 : 0
        resolve({ stdout, stderr, exitCode: code })
      },
    )
  })
}
