/**
 * `minikube image ls`: the images in the node's runtime — minikube's preload for the cluster's
 * Kubernetes version and what pods pulled since — fully qualified, in minikube's order (sorted,
 * last first).
 */
import type { CommandOutput } from '../../shell/command'
import { servedType } from '../api/resources'
import { familiarReference, preloadedImages } from '../kubelet/images'
import {
  isProfile,
  loadRunning,
  type Invocation,
  type MinikubeCommand,
  type MinikubeContext,
} from './command'

const PODS = servedType('Pod')

/** `nginx:latest` → `docker.io/library/nginx:latest`. */
function qualified(reference: string): string {
  const first = reference.split('/')[0] ?? ''
  if (reference.includes('/') && (first.includes('.') || first.includes(':'))) return reference
  return reference.includes('/') ? `docker.io/${reference}` : `docker.io/library/${reference}`
}

async function list(_inv: Invocation, mctx: MinikubeContext): Promise<CommandOutput> {
  const profile = loadRunning(mctx)
  if (!isProfile(profile)) return profile
  const images = new Set(preloadedImages(profile.kubernetesVersion).map(qualified))
  for (const pod of profile.cluster.store.list(PODS)) {
    const statuses =
      (pod['status'] as { containerStatuses?: { image?: string; imageID?: string }[] } | undefined)
        ?.containerStatuses ?? []
    for (const s of statuses)
      if (s.image !== undefined && s.imageID !== undefined && s.imageID !== '')
        images.add(qualified(familiarReference(s.image)))
  }
  mctx.out.out(
    [...images]
      .sort()
      .reverse()
      .map((i) => `${i}\n`)
      .join(''),
  )
  return mctx.out.result(0)
}

export const imageCommand: MinikubeCommand = {
  name: 'image',
  short: 'Manage images',
  long: 'Manage images',
  use: 'image COMMAND [flags]',
  subcommands: [
    {
      name: 'ls',
      aliases: ['list'],
      short: 'List images',
      long: 'List images',
      use: 'image ls [flags]',
      flags: () => [
        {
          name: 'format',
          type: 'string',
          default: 'short',
          usage: 'Format output. One of: short|table|json|yaml',
        },
      ],
      run: list,
    },
  ],
}
