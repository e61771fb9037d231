/** `kubectl create deployment NAME --image=IMAGE [-- COMMAND…]` (create_deployment.go). */
import { FlagSet, wordSepNormalize } from '../../cli-kit/flags'
import type { KubeObject } from '../api/object'
import { kubectlCommand } from './command'
import { createAndPrint, generatorFlags, nameFromArgs } from './create-generator'
import { errorLine, requiredFlagMissing } from './write-kit'

/** The container name kubectl derives from an image reference (buildPodSpec). */
export function containerNameFromImage(image: string, suffix: () => string): string {
  let name = image.split('/').pop() ?? image
  if (name.includes(':')) name = name.split(':')[0] ?? name
  if (name.includes('@')) name = name.split('@')[0] ?? name
  // sanitizeAndUniquify: a DNS-1123 name, made unique with a random suffix when it had to change.
  if (/[_.]/.test(name)) name = `${name.replace(/[_.]/g, '-')}-${suffix()}`
  return name
}

export function deploymentObject(options: {
  name: string
  namespace?: string
  images: readonly string[]
  command: readonly string[]
  replicas: number
  port: number
  suffix: () => string
}): KubeObject {
  const labels = { app: options.name }
  const containers = options.images.map((image, i) => ({
    name: containerNameFromImage(image, options.suffix),
    image,
    ...(options.command.length > 0 ? { command: [...options.command] } : {}),
    ...(i === 0 && options.port >= 0 ? { ports: [{ containerPort: options.port }] } : {}),
    resources: {},
  }))
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: {
      name: options.name,
      ...(options.namespace === undefined ? {} : { namespace: options.namespace }),
      creationTimestamp: null,
      labels,
    } as unknown as KubeObject['metadata'],
    spec: {
      replicas: options.replicas,
      selector: { matchLabels: { ...labels } },
      template: {
        metadata: { creationTimestamp: null, labels: { ...labels } },
        spec: { containers },
      },
      strategy: {},
    },
    status: {},
  }
}

export const createDeployment = kubectlCommand({
  path: 'kubectl create deployment',
  use: 'NAME --image=image -- [COMMAND] [args...]',
  aliases: ['deploy'],
  short: 'Create a deployment with the specified name',
  long: 'Create a deployment with the specified name.',
  example: `  # Create a deployment named my-dep that runs the busybox image
  kubectl create deployment my-dep --image=busybox
  
  # Create a deployment with a command
  kubectl create deployment my-dep --image=busybox -- date
  
  # Create a deployment named my-dep that runs the nginx image with 3 replicas
  kubectl create deployment my-dep --image=nginx --replicas=3
  
  # Create a deployment named my-dep that runs the busybox image and expose port 5701
  kubectl create deployment my-dep --image=busybox --port=5701
  
  # Create a deployment named my-dep that runs multiple containers
  kubectl create deployment my-dep --image=busybox:latest --image=ubuntu:latest --image=nginx`,
  args: { kind: 'any' },
  flags: () =>
    new FlagSet(
      [
        ...generatorFlags(),
        {
          name: 'image',
          type: 'stringSlice',
          usage:
            'Image names to run. A deployment can have multiple images set for multi-container pod.',
        },
        {
          name: 'port',
          type: 'int32',
          default: -1,
          usage: 'The containerPort that this deployment exposes.',
        },
        {
          name: 'replicas',
          shorthand: 'r',
          type: 'int32',
          default: 1,
          usage: 'Number of replicas to create. Default is 1.',
        },
      ] as const,
      { normalizeName: wordSepNormalize },
    ),
  run({ values, args, changed, argsLenAtDash }, ctx) {
    if (!changed.includes('image')) return requiredFlagMissing(ctx.shell.clock.now(), 'image')
    const named = nameFromArgs(args, argsLenAtDash, 'kubectl create deployment')
    if (!named.ok) return named.output
    const command = args.slice(1)
    if (values.image.length > 1 && command.length > 0)
      return errorLine('cannot specify multiple --image options and command')
    const object = deploymentObject({
      name: named.name,
      ...(ctx.namespaceExplicit ? { namespace: ctx.namespace } : {}),
      images: values.image,
      command,
      replicas: values.replicas,
      port: values.port,
      suffix: () => ctx.shell.random.kubeSuffix(5),
    })
    return createAndPrint(object, values, ctx, 'deployment')
  },
})
