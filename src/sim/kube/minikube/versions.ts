/**
 * The Kubernetes versions minikube v1.35.0 knows (constants.DefaultKubernetesVersion,
 * OldestKubernetesVersion, NewestKubernetesVersion) and how `--kubernetes-version` is read:
 * `stable`, `latest`, `v1.31.4`, `1.31.4`, or `1.31` (the newest patch of that minor).
 */
export const DEFAULT_K8S = 'v1.32.0'
export const NEWEST_K8S = 'v1.32.0'
export const OLDEST_K8S = 'v1.20.0'
export const KICBASE = 'v0.0.46'
export const KICBASE_IMAGE = 'gcr.io/k8s-minikube/kicbase:v0.0.46'
export const DOCKER_VERSION = '27.4.1'

/** The newest patch of each minor when v1.35.0 shipped. */
const LATEST_PATCH: Record<number, number> = {
  20: 15,
  21: 14,
  22: 17,
  23: 17,
  24: 17,
  25: 16,
  26: 15,
  27: 16,
  28: 15,
  29: 12,
  30: 8,
  31: 4,
  32: 0,
  33: 0,
}

export type VersionChoice =
  | { kind: 'ok'; version: string; patchNote?: string; newer?: boolean }
  | { kind: 'old'; version: string }
  | { kind: 'unknown'; version: string }
  | { kind: 'invalid'; input: string }

const parts = (v: string): [number, number, number] => {
  const [a, b, c] = v.replace(/^v/, '').split('.').map(Number)
  return [a ?? 0, b ?? 0, c ?? 0]
}

export function compareVersions(a: string, b: string): number {
  const [x, y] = [parts(a), parts(b)]
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0)
  return 0
}

/** Reads `--kubernetes-version` as minikube's getKubernetesVersion does. */
export function chooseVersion(input: string): VersionChoice {
  if (input === '' || input === 'stable') return { kind: 'ok', version: DEFAULT_K8S }
  if (input === 'latest') return { kind: 'ok', version: NEWEST_K8S }
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?$/.exec(input)
  if (m === null) return { kind: 'invalid', input }
  const major = Number(m[1])
  const minor = Number(m[2])
  let patchNote: string | undefined
  let patch = m[3] === undefined ? undefined : Number(m[3])
  if (patch === undefined) {
    patch = LATEST_PATCH[minor] ?? 0
    patchNote = `Using Kubernetes ${major}.${minor}.${patch} since patch version was unspecified`
  }
  const version = `v${major}.${minor}.${patch}`
  if (compareVersions(version, OLDEST_K8S) < 0) return { kind: 'old', version }
  if (compareVersions(version, NEWEST_K8S) > 0) {
    const known = major === 1 && patch <= (LATEST_PATCH[minor] ?? -1)
    if (!known) return { kind: 'unknown', version }
    return { kind: 'ok', version, newer: true, ...(patchNote ? { patchNote } : {}) }
  }
  return { kind: 'ok', version, ...(patchNote ? { patchNote } : {}) }
}
