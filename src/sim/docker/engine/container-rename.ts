/**
 * `POST /containers/{id}/rename` with the daemon's checks (moby daemon/rename.go): the same
 * name, an invalid name and a taken one are refused in its words.
 */
import { err, type Result } from '../../core/errors'
import type { ContainerRecord } from './container-record'
import type { DockerEngine } from './engine'
import { DaemonError, daemonErrors } from './errors'

const VALID_NAME = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/

export function renameContainer(
  engine: DockerEngine,
  ref: string,
  newName: string,
): Result<ContainerRecord, DaemonError> {
  const found = engine.findContainer(ref)
  if (!found) return err(daemonErrors.noSuchContainer(ref))
  const wanted = newName.replace(/^\//, '')
  if (wanted === found.name)
    return err(
      daemonErrors.invalidParameter('Renaming a container with the same name as its current name'),
    )
  if (!VALID_NAME.test(newName))
    return err(
      daemonErrors.invalidParameter(
        `Error when allocating new name: Invalid container name (${newName}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`,
      ),
    )
  const taken = engine.findContainer(`/${wanted}`)
  if (taken && taken.name === wanted)
    return err(
      new DaemonError(
        409,
        `Error when allocating new name: ${daemonErrors.nameInUse(wanted, taken.id).message}`,
      ),
    )
  return engine.renameContainer(found.id, wanted)
}
