/** `kubectl create namespace NAME` and `kubectl create serviceaccount NAME`. */
import { FlagSet, wordSepNormalize } from '../../cli-kit/flags'
import type { KubeObject } from '../api/object'
import { kubectlCommand } from './command'
import { createAndPrint, generatorFlags, nameFromArgs } from './create-generator'

export const createNamespace = kubectlCommand({
  path: 'kubectl create namespace',
  use: 'NAME [--dry-run=server|client|none]',
  aliases: ['ns'],
  short: 'Create a namespace with the specified name',
  long: 'Create a namespace with the specified name.',
  example: `  # Create a new namespace named my-namespace
  kubectl create namespace my-namespace`,
  args: { kind: 'any' },
  flags: () => new FlagSet([...generatorFlags()] as const, { normalizeName: wordSepNormalize }),
  run({ values, args, argsLenAtDash }, ctx) {
    const named = nameFromArgs(args, argsLenAtDash, 'kubectl create namespace')
    if (!named.ok) return named.output
    const object: KubeObject = {
      kind: 'Namespace',
      apiVersion: 'v1',
      metadata: { name: named.name, creationTimestamp: null } as unknown as KubeObject['metadata'],
      spec: {},
      status: {},
    }
    return createAndPrint(object, values, ctx, '')
  },
})

export const createServiceAccount = kubectlCommand({
  path: 'kubectl create serviceaccount',
  use: 'NAME [--dry-run=server|client|none]',
  aliases: ['sa'],
  short: 'Create a service account with the specified name',
  long: 'Create a service account with the specified name.',
  example: `  # Create a new service account named my-service-account
  kubectl create serviceaccount my-service-account`,
  args: { kind: 'any' },
  flags: () => new FlagSet([...generatorFlags()] as const, { normalizeName: wordSepNormalize }),
  run({ values, args, argsLenAtDash }, ctx) {
    const named = nameFromArgs(args, argsLenAtDash, 'kubectl create serviceaccount')
    if (!named.ok) return named.output
    const object: KubeObject = {
      kind: 'ServiceAccount',
      apiVersion: 'v1',
      metadata: {
        name: named.name,
        ...(ctx.namespaceExplicit ? { namespace: ctx.namespace } : {}),
        creationTimestamp: null,
      } as unknown as KubeObject['metadata'],
    }
    return createAndPrint(object, values, ctx, 'serviceaccount')
  },
})
