/**
 * What minikube writes into the kubeconfig (pkg/minikube/kubeconfig): a cluster, a context and a
 * user named after the profile, the certificates under ~/.minikube, the `cluster_info` and
 * `context_info` extensions stamped with the time of the write, and the context made current.
 * `minikube stop` and `delete` take the current context (and on delete the entries) away again.
 */
import type { CommandContext } from '../../shell/command'
import { HOME } from '../../shell/user-environment'
import {
  readKubeconfigFile,
  removeCluster,
  removeContext,
  removeUser,
  setCluster,
  setContext,
  setUser,
  useContext,
  writeKubeconfig,
  type Kubeconfig,
} from '../kubeconfig'
import { MINIKUBE_VERSION } from '../nodes'

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** Go's time.RFC1123 in UTC: `Mon, 02 Jan 2006 15:04:05 UTC`. */
export function rfc1123(ms: number): string {
  const d = new Date(ms)
  const two = (n: number): string => String(n).padStart(2, '0')
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC`
}

export const homeOf = (ctx: CommandContext): string => ctx.env.get('HOME') ?? HOME

/** minikube writes to the first $KUBECONFIG entry, else ~/.kube/config. */
export function kubeconfigPath(ctx: CommandContext): string {
  const env = ctx.env.get('KUBECONFIG')
  const first = env
    ?.split(':')
    .map((p) => p.trim())
    .find((p) => p !== '')
  return first !== undefined ? ctx.resolve(first) : `${homeOf(ctx)}/.kube/config`
}

async function edit(
  ctx: CommandContext,
  change: (config: Kubeconfig) => Kubeconfig,
): Promise<void> {
  const path = kubeconfigPath(ctx)
  const current = await readKubeconfigFile(ctx.fs, path)
  // A kubeconfig minikube cannot parse is left as it is (real minikube would stop there).
  if (!current.ok) return
  await writeKubeconfig(ctx.fs, path, change(current.value))
}

const extension = (name: string, nowMs: number) => ({
  name,
  extension: {
    'last-update': rfc1123(nowMs),
    provider: 'minikube.sigs.k8s.io',
    version: MINIKUBE_VERSION,
  },
})

/** `minikube start` / `update-context`: the profile's entries, current context = profile. */
export async function writeProfileEntries(
  ctx: CommandContext,
  profile: string,
  server: string,
): Promise<void> {
  const home = homeOf(ctx)
  const now = ctx.clock.now()
  await edit(ctx, (config) =>
    useContext(
      setUser(
        setContext(
          setCluster(config, profile, {
            'certificate-authority': `${home}/.minikube/ca.crt`,
            extensions: [extension('cluster_info', now)],
            server,
          }),
          profile,
          {
            cluster: profile,
            extensions: [extension('context_info', now)],
            namespace: 'default',
            user: profile,
          },
        ),
        profile,
        {
          'client-certificate': `${home}/.minikube/profiles/${profile}/client.crt`,
          'client-key': `${home}/.minikube/profiles/${profile}/client.key`,
        },
      ),
      profile,
    ),
  )
}

/** `minikube stop`: the current context, if it is the profile's, is unset. */
export async function unsetCurrentContext(ctx: CommandContext, profile: string): Promise<void> {
  await edit(ctx, (config) => (config.currentContext === profile ? useContext(config, '') : config))
}

/** `minikube delete`: the profile's cluster, context and user go. */
export async function removeProfileEntries(ctx: CommandContext, profile: string): Promise<void> {
  await edit(ctx, (config) => {
    const cleaned = removeUser(removeContext(removeCluster(config, profile), profile), profile)
    return cleaned.currentContext === profile ? useContext(cleaned, '') : cleaned
  })
}

/** Whether the kubeconfig points the profile's context at its server (status: Configured). */
export async function kubeconfigConfigured(
  ctx: CommandContext,
  profile: string,
  server: string,
): Promise<boolean> {
  const current = await readKubeconfigFile(ctx.fs, kubeconfigPath(ctx))
  if (!current.ok) return false
  return current.value.clusters.some((c) => c.name === profile && c.value.server === server)
}
