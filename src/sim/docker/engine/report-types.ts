/**
 * More Engine API shapes (API 1.50): image delete and history items and prune reports. Kept apart
 * from api-types.ts, which holds the container, image, network and volume objects themselves;
 * /version, /info and /system/df are in system-info.ts.
 * https://docs.docker.com/reference/api/engine/version/v1.50/
 */

/** An item of DELETE /images/{name} (and of an image prune's ImagesDeleted). */
export interface ImageDeleteResponseItem {
  Untagged?: string
  Deleted?: string
}

/** An item of GET /images/{name}/history, newest first. */
export interface HistoryResponseItem {
  Id: string
  /** Unix seconds. */
  Created: number
  CreatedBy: string
  Tags: string[] | null
  Size: number
  Comment: string
}

/** POST /images/prune */
export interface ImagesPruneReport {
  ImagesDeleted: ImageDeleteResponseItem[] | null
  SpaceReclaimed: number
}

/** POST /containers/prune */
export interface ContainersPruneReport {
  ContainersDeleted: string[] | null
  SpaceReclaimed: number
}

/** POST /networks/prune */
export interface NetworksPruneReport {
  NetworksDeleted: string[] | null
}

/** POST /volumes/prune */
export interface VolumesPruneReport {
  VolumesDeleted: string[] | null
  SpaceReclaimed: number
}
