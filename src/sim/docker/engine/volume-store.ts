import type { Volume } from './api-types'
import { rfc3339Nano } from './time'

export interface VolumeRecord {
  volume: Volume
  /** The volume's contents, by path relative to its root. */
  files: Map<string, string>
  /** Anonymous volumes (from VOLUME or `-v /path`) go with their container on `rm -v`. */
  anonymous: boolean
}

export class VolumeStore {
  private readonly byName = new Map<string, VolumeRecord>()

  create(
    name: string,
    nowMs: number,
    options: { driver?: string; labels?: Record<string, string>; anonymous?: boolean } = {},
  ): VolumeRecord {
    const existing = this.byName.get(name)
    if (existing) return existing
    const record: VolumeRecord = {
      anonymous: options.anonymous ?? false,
      files: new Map(),
      volume: {
        CreatedAt: rfc3339Nano(nowMs).replace(/\.\d+Z$/, 'Z'),
        Driver: options.driver ?? 'local',
        Labels: options.labels ?? null,
        Mountpoint: `/var/lib/docker/volumes/${name}/_data`,
        Name: name,
        Options: null,
        Scope: 'local',
      },
    }
    if (record.anonymous) record.volume.Labels = { 'com.docker.volume.anonymous': '' }
    this.byName.set(name, record)
    return record
  }

  get(name: string): VolumeRecord | undefined {
    return this.byName.get(name)
  }

  remove(name: string): void {
    this.byName.delete(name)
  }

  all(): VolumeRecord[] {
    return [...this.byName.values()].sort((a, b) => a.volume.Name.localeCompare(b.volume.Name))
  }
}
