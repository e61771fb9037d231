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

/**
 * WithRootNodesAndDown: `down SERVICE…` takes the services named and every service depending
 * on them, directly or not (their dependents cannot outlive them); the others stay up.
 */
function downWith(
  named: readonly string[],
  dependencies: (service: string) => readonly string[],
  all: readonly string[],
): Set<string> {
  const wanted = new Set(named)
  for (let grew = true; grew;) {
    grew = false
    for (const s of all)
      if (!wanted.has(s) && dependencies(s).some((d) => wanted.has(d))) {
        wanted.add(s)
        grew = true
      }
  }
  return wanted
}

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
    // checkSelectedServices: with the files, a service they do not define is an error; by
    // name alone, compose cannot tell a typo from a service already gone, and skips it.
    if (project)
      for (const s of args)
        if (!project.services[s] && !project.disabledServices[s])
          return failed({ message: `no such service: ${s}`, exitCode: 1 })
    const dependencies = dependenciesOf(project, all)
    const candidates = [
      ...new Set([...all.map(serviceOf), ...Object.keys(project?.services ?? {})]),
    ]
    // By name alone, the services asked for that have no container are dropped; when none is
    // left, the walk has no root to start from and takes the whole project, as compose does.
    const named = args.filter((s) => candidates.includes(s))
    const selected = downWith(named, dependencies, candidates)
    const targets = all
      .filter(known)
      .filter((c) => named.length === 0 || selected.has(serviceOf(c)))
    // Dependents first, services that nothing waits for together, and within a service every
    // container at once, each stopped then removed on its own (pkg/compose/down.go).
    const stop: StopOptions & { volumes: boolean } = {
      ...(changed.includes('timeout') ? { timeoutS: values.timeout } : {}),
      volumes: values.volumes,
    }
    const services = [...new Set(targets.map(serviceOf))]
    const removed = await inReverseDependencyOrder(rt, services, dependencies, (service) =>
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
    // Networks: those created for the project, kept while a container still uses them (another
    // service's after `down SERVICE`, or one from outside the project).
    const networkNames = env.engine.networks
      .all()
      .filter((n) => n.resource.Labels[LABEL.project] === name)
      .map((n) => n.resource.Name)
      .sort()
    for (const networkName of networkNames) {
      const id = progressId.network(networkName)
      const network = env.engine.networks.find(networkName)
      writer.event(id, 'working', 'Removing')
      if (network && Object.keys(network.resource.Containers).length > 0) {
        writer.event(id, 'warning', 'Resource is still in use')
        continue
      }
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
