/**
 * Volume operations of the simulated daemon: create, remove, usage and prune, with moby's checks
 * and messages (volume/service, volume/local/local.go as of docker 28.2) and their events.
 */
import { err, ok, type Result } from '../../core/errors'
import type { Volume } from './api-types'
import type { DockerEngine } from './engine'
import { DaemonError, daemonErrors } from './errors'
import type { VolumesPruneReport } from './report-types'

const VALID_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/

/** Ids of the containers (running or not) that mount the volume, oldest first. */
export function volumeUsers(engine: DockerEngine, name: string): string[] {
  return engine
    .allContainers()
    .filter((c) => c.mounts.some((m) => m.Type === 'volume' && m.Name === name))
    .map((c) => c.id)
    .reverse()
}

/** The bytes stored in the volume (its files), as UsageData.Size reports them. */
export function volumeSize(engine: DockerEngine, name: string): number {
  const record = engine.volumes.get(name)
  if (!record) return 0
  let size = 0
  for (const content of record.files.values()) size += new TextEncoder().encode(content).length
  return size
}

/** `POST /volumes/create`: a named volume (an existing one is returned as is) or a new 64-hex one. */
export function createVolume(
  engine: DockerEngine,
  options: { name?: string; driver?: string; labels?: Record<string, string> } = {},
): Result<Volume, DaemonError> {
  const driver = options.driver === undefined || options.driver === '' ? 'local' : options.driver
  const name =
    options.name === undefined || options.name === ''
      ? engine.services.random.hex(64)
      : options.name
  if (driver !== 'local')
    return err(
      new DaemonError(
        404,
        `create ${name}: error looking up volume plugin ${driver}: plugin "${driver}" not found`,
      ),
    )
  if (name.length === 1)
    return err(
      daemonErrors.invalidParameter(
        `create ${name}: volume name is too short, names should be at least two alphanumeric characters`,
      ),
    )
  if (!VALID_NAME.test(name))
    return err(
      daemonErrors.invalidParameter(
        `create ${name}: "${name}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`,
      ),
    )
  const existing = engine.volumes.get(name)
  if (existing) return ok(existing.volume)
  // The API's create request carries (possibly empty) maps: inspect then shows {} where a volume
  // made implicitly by `run -v name:/path` shows null.
  const record = engine.volumes.create(name, engine.services.clock.now(), {
    driver,
    labels: { ...options.labels },
  })
  record.volume.Options = {}
  engine.events.emit('volume', 'create', name, { driver })
  engine.services.changed()
  return ok(record.volume)
}

/** `DELETE /volumes/{name}`: refused while a container uses it; `force` ignores a missing one. */
export function removeVolume(
  engine: DockerEngine,
  name: string,
  options: { force?: boolean } = {},
): Result<void, DaemonError> {
  const record = engine.volumes.get(name)
  if (!record) return options.force ? ok(undefined) : err(daemonErrors.noSuchVolume(name))
  const users = volumeUsers(engine, name)
  if (users.length > 0) return err(daemonErrors.volumeInUse(name, users))
  engine.volumes.remove(name)
  engine.events.emit('volume', 'destroy', name, { driver: record.volume.Driver })
  engine.services.changed()
  return ok(undefined)
}

/**
 * `POST /volumes/prune`: unused anonymous volumes, or every unused local one with `all`,
 * narrowed by labels (`key` or `key=value`).
 */
export function pruneVolumes(
  engine: DockerEngine,
  options: { all: boolean; labels?: readonly string[]; notLabels?: readonly string[] },
): VolumesPruneReport {
  const has = (labels: Readonly<Record<string, string>> | null, wanted: string): boolean => {
    const present = labels ?? {}
    const eq = wanted.indexOf('=')
    return eq === -1 ? wanted in present : present[wanted.slice(0, eq)] === wanted.slice(eq + 1)
  }
  const deleted: string[] = []
  let reclaimed = 0
  for (const record of engine.volumes.all()) {
    const name = record.volume.Name
    if (!options.all && !record.anonymous) continue
    if (volumeUsers(engine, name).length > 0) continue
    if (!(options.labels ?? []).every((l) => has(record.volume.Labels, l))) continue
    if ((options.notLabels ?? []).some((l) => has(record.volume.Labels, l))) continue
    const size = volumeSize(engine, name)
    if (removeVolume(engine, name).ok) {
      deleted.push(name)
      reclaimed += size
    }
  }
  engine.events.emit('volume', 'prune', '', { reclaimed: String(reclaimed) })
  return { VolumesDeleted: deleted.length === 0 ? null : deleted, SpaceReclaimed: reclaimed }
}

const VOLUME_FILTERS = new Set(['dangling', 'driver', 'label', 'name'])

/**
 * `GET /volumes` with its filters (moby volume/service): `dangling` means no container mounts
 * it, `name` is a substring or regular expression, `label` is `key` or `key=value`.
 */
export function listVolumes(
  engine: DockerEngine,
  filters: ReadonlyMap<string, readonly string[]>,
): Result<Volume[], DaemonError> {
  for (const key of filters.keys())
    if (!VOLUME_FILTERS.has(key))
      return err(daemonErrors.invalidParameter(`invalid filter '${key}'`))
  let dangling: boolean | undefined
  for (const value of filters.get('dangling') ?? []) {
    if (['true', '1'].includes(value.toLowerCase())) dangling = true
    else if (['false', '0'].includes(value.toLowerCase())) dangling = false
    else return err(daemonErrors.invalidParameter(`invalid filter 'dangling=${value}'`))
  }
  const matches = (values: readonly string[] | undefined, subject: string): boolean =>
    values === undefined ||
    values.some((v) => {
      if (v === subject) return true
      try {
        return new RegExp(v).test(subject)
      } catch {
        return false
      }
    })
  return ok(
    engine.volumes
      .all()
      .map((record) => record.volume)
      .filter((v) => {
        if (dangling !== undefined && dangling !== (volumeUsers(engine, v.Name).length === 0))
          return false
        const drivers = filters.get('driver')
        if (drivers && !drivers.includes(v.Driver)) return false
        return (
          matches(filters.get('name'), v.Name) &&
          (filters.get('label') ?? []).every((l) => {
            const labels = v.Labels ?? {}
            const eq = l.indexOf('=')
            return eq === -1 ? l in labels : labels[l.slice(0, eq)] === l.slice(eq + 1)
          })
        )
      }),
  )
}
