/**
 * `docker compose down` (pkg/compose/down.go): stop and remove the project's containers
 * (dependents first), then its networks, with `-v` its volumes, with `--rmi` its images. Works
 * from the files or from `-p NAME` alone. A network still used by another container is left
 * with compose's warning line (`Resource is still in use`).
 */
import { FlagSet } from '../../cli-kit/flags'
import { removeNetwork } from '../../docker/engine/network-ops'
import { removeImage } from '../../docker/engine/image-ops'
import type { CommandOutput } from '../../shell/command'
import { inReverseDependencyOrder, runTogether } from '../project/concurrent'
import { stopAndRemoveJob, type StopOptions } from '../project/container-ops'
import { dependenciesOf } from '../project/graph'
import { serviceImage } from '../project/images'
import { LABEL } from '../project/labels'
import { projectContainers, serviceOf } from '../project/observed'
import { removeProjectVolumes } from '../project/resources'
import { progressId } from '../project/runtime'
import { pass, stepMs } from '../project/timing'
import { composeCommand, DRY_RUN_FLAG, failed } from './command'

export const down = composeCommand({
  name: 'down',
  use: '[OPTIONS] [SERVICES]',
  short: 'Stop and remove containers, networks',
  args: { kind: 'any' },
  flags: () =>
    new FlagSet([
      DRY_RUN_FLAG,
      {
        name: 'remove-orphans',
        type: 'bool',
        usage: 'Remove containers for services not defined in the Compose file',
      },
      {
        name: 'rmi',
        type: 'string',
        usage:
          'Remove images used by services. "local" remove only images that don\'t have a custom tag ("local"|"all")',
      },
      {
        name: 'timeout',
        shorthand: 't',
        type: 'int',
        usage: 'Specify a shutdown timeout in seconds',
      },
      {
        name: 'volumes',
        shorthand: 'v',
        type: 'bool',
        usage:
          'Remove named volumes declared in the "volumes" section of the Compose file and anonymous volumes attached to containers',
      },
    ] as const),
  async run({ values, args, changed }, env): Promise<CommandOutput> {
    if (values.rmi !== '' && values.rmi !== 'all' && values.rmi !== 'local')
      return failed({ message: `invalid value for --rmi: ${values.rmi}`, exitCode: 1 })
    const target = await env.projectOrName()
    if (!target.ok) return failed(target.error)
    const { name, project } = target.value
    const writer = env.progress('Running')
    const rt = env.runtime(writer)
    const finish = (message?: string): CommandOutput => ({
      stdout: '',
      stderr: rt.warnings() + writer.finish() + (message === undefined ? '' : `${message}\n`),
      exitCode: message === undefined ? 0 : 1,
    })
    const all = projectContainers(env.engine, name, { oneoff: 'include' })
    const known = (c: (typeof all)[number]): boolean =>
      project === undefined ||
      project.services[serviceOf(c)] !== undefined ||
      project.disabledServices[serviceOf(c)] !== undefined
    const orphans = all.filter((c) => !known(c))
    if (orphans.length > 0 && !values['remove-orphans'] && args.length === 0)
      rt.warn(
        `Found orphan containers ([${orphans.map((c) => c.name).join(' ')}]) for this project. If you removed or renamed this service in your compose file, you can run this command with the --remove-orphans flag to clean it up.`,
      )
    const targets = all
      .filter(known)
      .filter((c) => args.length === 0 || args.includes(serviceOf(c)))
    // Dependents first, services that nothing waits for together, and within a service every
    // container at once, each stopped then removed on its own (pkg/compose/down.go).
    const stop: StopOptions & { volumes: boolean } = {
      ...(changed.includes('timeout') ? { timeoutS: values.timeout } : {}),
      volumes: values.volumes,
    }
    const services = [...new Set(targets.map(serviceOf))]
    const removed = await inReverseDependencyOrder(
      rt,
      services,
      dependenciesOf(project, all),
      (service) =>
        targets.filter((c) => serviceOf(c) === service).map((c) => stopAndRemoveJob(rt, c, stop)),
    )
    if (!removed.ok) return finish(removed.error.message)
    // Orphans go after the project's services, all together, their volumes kept.
    if (values['remove-orphans']) {
      const timeout = changed.includes('timeout') ? { timeoutS: values.timeout } : {}
      const gone = await runTogether(
        rt,
        orphans.map((c) => stopAndRemoveJob(rt, c, timeout)),
      )
      if (!gone.ok) return finish(gone.error.message)
    }
    if (args.length > 0) return finish()
    // Networks: those created for the project, kept when an outside container still uses them.
    const networkNames = env.engine.networks
      .all()
      .filter((n) => n.resource.Labels[LABEL.project] === name)
      .map((n) => n.resource.Name)
      .sort()
    for (const networkName of networkNames) {
      const id = progressId.network(networkName)
      const network = env.engine.networks.find(networkName)
      if (network && Object.keys(network.resource.Containers).length > 0) {
        writer.event(id, 'warning', 'Resource is still in use')
        continue
      }
      writer.event(id, 'working', 'Removing')
      await pass(rt, stepMs('network-remove', networkName))
      const removed = removeNetwork(env.engine, networkName)
      if (!removed.ok) return finish(`Error response from daemon: ${removed.error.message}`)
      writer.event(id, 'done', 'Removed')
    }
    if (values.volumes) {
      const removed = await removeProjectVolumes(rt, name, project)
      if (!removed.ok) return finish(removed.error.message)
    }
    if (values.rmi !== '' && project) {
      const images = new Set<string>()
      for (const service of Object.values(project.services)) {
        // "local": only the images compose built without a name of their own.
        if (values.rmi === 'local' && (service.image !== undefined || !service.build)) continue
        images.add(serviceImage(project, service))
      }
      for (const image of [...images].sort()) {
        if (!env.engine.findImage(image)) continue
        const id = progressId.image(image)
        writer.event(id, 'working', 'Removing')
        const removed = removeImage(env.engine, image, {})
        if (!removed.ok) return finish(`Error response from daemon: ${removed.error.message}`)
        writer.event(id, 'done', 'Removed')
      }
    }
    return finish()
  },
})
