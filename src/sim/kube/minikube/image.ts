/**
 * `minikube image ls`: the images in the node's runtime — minikube's preload for the cluster's
 * Kubernetes version, what pods pulled since, and what was loaded or built there — fully
 * qualified, in minikube's order (sorted, last first).
 *
 * `minikube image load IMAGE`: copies an image of the host's Docker (a student's `docker build`)
 * into the node's runtime, where pods naming it find it "already present on machine"
 * (network/node-images.ts). An image the host does not have is fetched from the registry, as
 * minikube's --remote fallback does: the offline catalog has it, or the load fails.
 */
import { resolveImage } from '../../docker/images/catalog'
import type { LocalImage } from '../../docker/engine/image-store'
import type { CommandOutput } from '../../shell/command'
import { servedType } from '../api/resources'
import { familiarReference, preloadedImages } from '../kubelet/images'
import { addNodeImage, familiarOf, nodeImages } from '../network/node-images'
import { REASONS, type ExitReason } from './output'
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
  for (const loaded of nodeImages(profile.cluster.store)) images.add(qualified(loaded.reference))
  mctx.out.out(
    [...images]
      .sort()
      .reverse()
      .map((i) => `${i}\n`)
      .join(''),
  )
  return mctx.out.result(0)
}

/** reason.GuestImageLoad: a guest error (ExGuestError). */
const GUEST_IMAGE_LOAD: ExitReason = { id: 'GUEST_IMAGE_LOAD', code: 80 }

/** The cache file minikube writes an image to before loading it: `myapp_1` for `myapp:1`. */
const cachePath = (home: string, familiar: string): string =>
  `${home}/.minikube/cache/images/amd64/${familiar.replace(':', '_')}`

async function load(inv: Invocation, mctx: MinikubeContext): Promise<CommandOutput> {
  const { out } = mctx
  if (inv.args.length === 0)
    return out.exit(
      REASONS.usage,
      'Please provide an image in your local daemon to load into minikube via <minikube image load IMAGE_NAME>',
    )
  const profile = loadRunning(mctx)
  if (!isProfile(profile)) return profile
  const home = mctx.shell.env.get('HOME') ?? '/home/student'
  for (const reference of inv.args) {
    const familiar = familiarOf(reference)
    const local: LocalImage | undefined = mctx.world.docker.findImage(reference)
    if (familiar !== undefined && local !== undefined) {
      addNodeImage(profile.cluster.store, familiar, local)
      continue
    }
    // Not in the host's daemon: the registry (the offline catalog) is asked instead.
    const resolved = resolveImage(reference)
    if (resolved.kind === 'found') continue
    const name = resolved.kind === 'invalid-reference' ? reference : resolved.familiar
    const repository = name.replace(/[:@].*$/, '')
    const path = repository.includes('/') ? repository : `library/${repository}`
    const tag = name.slice(repository.length + 1) || 'latest'
    return out.exit(
      GUEST_IMAGE_LOAD,
      `Failed to load image: save to dir: caching images: caching image "${cachePath(home, name)}": write: unable to calculate manifest: GET https://index.docker.io/v2/${path}/manifests/${tag}: UNAUTHORIZED: authentication required; [map[Action:pull Class: Name:${path} Type:repository]]`,
    )
  }
  return out.result(0)
}

export const imageCommand: MinikubeCommand = {
  name: 'image',
  short: 'Manage images',
  long: 'Manage images',
  use: 'image COMMAND [flags]',
  subcommands: [
    {
      name: 'load',
      short: 'Load an image into minikube',
      long: 'Load an image into minikube',
      use: 'load IMAGE | ARCHIVE | - [flags]',
      flags: () => [
        { name: 'daemon', type: 'bool', usage: 'Cache image from docker daemon' },
        { name: 'remote', type: 'bool', usage: 'Cache image from remote registry' },
        { name: 'pull', type: 'bool', usage: 'Pull the remote image (no caching)' },
        {
          name: 'overwrite',
          type: 'bool',
          default: true,
          usage: 'Overwrite image even if same image:tag name exists',
        },
      ],
      run: load,
    },
    {
      name: 'ls',
      aliases: ['list'],
      short: 'List images',
      long: 'List images',
      use: 'ls [flags]',
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
