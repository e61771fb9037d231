/**
 * `docker update` (docker/cli cli/command/container/update.go): resources and the restart
 * policy of one or more containers, changed while they run. Prints each name it updated;
 * every failure is reported, one line each, after the successes.
 */
import { FlagSet } from '../../cli-kit/flags'
import type { RestartPolicy } from '../engine/api-types'
import { updateContainer } from '../engine/container-observe'
import { dockerCommand } from './command'

/** opts.ParseRestartPolicy: `name[:max-retries]`; the daemon judges the name. */
function parseRestartPolicy(text: string): RestartPolicy | string {
  const colon = text.indexOf(':')
  const name = colon === -1 ? text : text.slice(0, colon)
  const count = colon === -1 ? '' : text.slice(colon + 1)
  if (colon !== -1 && name === '')
    return 'invalid restart policy format: no policy provided before colon'
  if (count !== '' && !/^[+-]?\d+$/.test(count))
    return 'invalid restart policy format: maximum retry count must be an integer'
  return {
    Name: name as RestartPolicy['Name'],
    MaximumRetryCount: count === '' ? 0 : Number(count),
  }
}

export const containerUpdate = dockerCommand({
  path: 'docker container update',
  use: '[OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Update configuration of one or more containers',
  aliases: ['docker container update', 'docker update'],
  args: { kind: 'min', count: 1 },
  flags: () =>
    new FlagSet([
      {
        name: 'blkio-weight',
        type: 'uint16',
        usage: 'Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)',
      },
      {
        name: 'cpu-period',
        type: 'int64',
        usage: 'Limit CPU CFS (Completely Fair Scheduler) period',
      },
      {
        name: 'cpu-quota',
        type: 'int64',
        usage: 'Limit CPU CFS (Completely Fair Scheduler) quota',
      },
      {
        name: 'cpu-rt-period',
        type: 'int64',
        usage: 'Limit the CPU real-time period in microseconds',
      },
      {
        name: 'cpu-rt-runtime',
        type: 'int64',
        usage: 'Limit the CPU real-time runtime in microseconds',
      },
      {
        name: 'cpu-shares',
        shorthand: 'c',
        type: 'int64',
        usage: 'CPU shares (relative weight)',
      },
      { name: 'cpus', type: 'decimal', usage: 'Number of CPUs' },
      {
        name: 'cpuset-cpus',
        type: 'string',
        usage: 'CPUs in which to allow execution (0-3, 0,1)',
      },
      {
        name: 'cpuset-mems',
        type: 'string',
        usage: 'MEMs in which to allow execution (0-3, 0,1)',
      },
      {
        name: 'kernel-memory',
        type: 'bytes',
        usage: 'Kernel memory limit (deprecated)',
        deprecated: 'and no longer supported by the kernel',
      },
      { name: 'memory', shorthand: 'm', type: 'bytes', usage: 'Memory limit' },
      { name: 'memory-reservation', type: 'bytes', usage: 'Memory soft limit' },
      {
        name: 'memory-swap',
        type: 'bytes',
        usage: 'Swap limit equal to memory plus swap: -1 to enable unlimited swap',
      },
      {
        name: 'pids-limit',
        type: 'int64',
        usage: 'Tune container pids limit (set -1 for unlimited)',
      },
      {
        name: 'restart',
        type: 'string',
        usage: 'Restart policy to apply when a container exits',
      },
    ] as const),
  run({ values, args, changed }, { engine }) {
    if (changed.length === 0)
      return {
        stdout: '',
        stderr: 'you must provide one or more flags when using this command\n',
        exitCode: 1,
      }
    let restartPolicy: RestartPolicy | undefined
    if (values.restart !== '') {
      const parsed = parseRestartPolicy(values.restart)
      if (typeof parsed === 'string') return { stdout: '', stderr: `${parsed}\n`, exitCode: 1 }
      restartPolicy = parsed
    }
    let stdout = ''
    const errors: string[] = []
    for (const ref of args) {
      const result = updateContainer(engine, ref, {
        Memory: values.memory,
        NanoCpus: values.cpus,
        ...(restartPolicy === undefined ? {} : { RestartPolicy: restartPolicy }),
      })
      if (result.ok) stdout += `${ref}\n`
      else errors.push(`Error response from daemon: ${result.error.message}`)
    }
    return {
      stdout,
      stderr: errors.map((e) => `${e}\n`).join(''),
      exitCode: errors.length > 0 ? 1 : 0,
    }
  },
})
