/**
 * `docker commit` (docker/cli cli/command/container/commit.go; the daemon's daemon/commit.go):
 * a new image from the container's writable layer, its config the container's with the
 * `--change` instructions applied. Prints the new image id.
 */
import { FlagSet, listOpts } from '../../cli-kit/flags'
import type { ContainerConfig } from '../engine/api-types'
import { commitContainer } from '../engine/container-observe'
import type { ContainerRecord } from '../engine/container-record'
import { DaemonError } from '../engine/errors'
import { dockerCommand, ok } from './command'

const COMMIT_CHANGES = new Set([
  'cmd',
  'entrypoint',
  'env',
  'expose',
  'healthcheck',
  'label',
  'onbuild',
  'stopsignal',
  'user',
  'volume',
  'workdir',
])

/** A Dockerfile instruction's arguments: JSON array form, else shell words. */
function words(rest: string): string[] | undefined {
  const text = rest.trim()
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text)
      if (Array.isArray(parsed) && parsed.every((p) => typeof p === 'string')) return parsed
    } catch {
      // Not JSON after all: the shell form, as the Dockerfile parser falls back to.
    }
  }
  return undefined
}

/** key=value pairs (`ENV a=1 b=2`, `LABEL x=y`) or the legacy `ENV key value`. */
function pairs(rest: string): Array<[string, string]> {
  const text = rest.trim()
  const first = text.split(/\s+/)[0] ?? ''
  if (!first.includes('=')) {
    const space = text.search(/\s/)
    return space === -1 ? [[text, '']] : [[text.slice(0, space), text.slice(space).trim()]]
  }
  return (text.match(/(?:[^\s"]+|"[^"]*")+/g) ?? []).map((pair) => {
    const eq = pair.indexOf('=')
    return [pair.slice(0, eq), pair.slice(eq + 1).replace(/^"(.*)"$/, '$1')]
  })
}

/** The container's config, cleaned for an image, with `--change` lines applied. */
function committedConfig(
  record: ContainerRecord,
  changes: readonly string[],
): ContainerConfig | DaemonError {
  const config: ContainerConfig = {
    ...record.config,
    Hostname: '',
    Domainname: '',
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
    Tty: false,
    OpenStdin: false,
    StdinOnce: false,
    Image: '',
    Env: [...record.config.Env],
    Labels: { ...record.config.Labels },
  }
  for (const change of changes) {
    const match = /^\s*(\S+)\s*(.*)$/s.exec(change)
    if (!match) continue
    const instruction = (match[1] ?? '').toLowerCase()
    const rest = match[2] ?? ''
    if (!COMMIT_CHANGES.has(instruction))
      return new DaemonError(400, `${instruction} is not a valid change command`)
    const shellForm = ['/bin/sh', '-c', rest.trim()]
    switch (instruction) {
      case 'cmd':
        config.Cmd = words(rest) ?? shellForm
        break
      case 'entrypoint':
        config.Entrypoint = words(rest) ?? shellForm
        break
      case 'env':
        for (const [key, value] of pairs(rest)) {
          config.Env = config.Env.filter((e) => !e.startsWith(`${key}=`))
          config.Env.push(`${key}=${value}`)
        }
        break
      case 'label':
        for (const [key, value] of pairs(rest)) config.Labels[key] = value
        break
      case 'expose':
        config.ExposedPorts = { ...config.ExposedPorts }
        for (const port of rest.trim().split(/\s+/))
          config.ExposedPorts[port.includes('/') ? port : `${port}/tcp`] = {}
        break
      case 'workdir':
        config.WorkingDir = rest.trim()
        break
      case 'user':
        config.User = rest.trim()
        break
      case 'stopsignal':
        config.StopSignal = rest.trim()
        break
      case 'volume':
        config.Volumes = { ...config.Volumes }
        for (const path of words(rest) ?? rest.trim().split(/\s+/)) config.Volumes[path] = {}
        break
    }
  }
  return config
}

export const containerCommit = dockerCommand({
  path: 'docker container commit',
  use: '[OPTIONS] CONTAINER [REPOSITORY[:TAG]]',
  short: "Create a new image from a container's changes",
  aliases: ['docker container commit', 'docker commit'],
  args: { kind: 'range', min: 1, max: 2 },
  flags: () =>
    new FlagSet([
      {
        name: 'author',
        shorthand: 'a',
        type: 'string',
        usage: 'Author (e.g., "John Hannibal Smith <hannibal@a-team.com>")',
      },
      listOpts({
        name: 'change',
        shorthand: 'c',
        usage: 'Apply Dockerfile instruction to the created image',
      }),
      { name: 'message', shorthand: 'm', type: 'string', usage: 'Commit message' },
      {
        name: 'pause',
        shorthand: 'p',
        type: 'bool',
        default: true,
        usage: 'Pause container during commit',
      },
    ] as const),
  run({ values, args }, { engine }) {
    const [ref = '', reference = ''] = args
    const record = engine.findContainer(ref)
    let config: ContainerConfig | undefined
    if (record) {
      const built = committedConfig(record, values.change)
      if (built instanceof DaemonError)
        return { stdout: '', stderr: `Error response from daemon: ${built.message}\n`, exitCode: 1 }
      config = built
    }
    const committed = commitContainer(engine, ref, {
      reference,
      author: values.author,
      comment: values.message,
      ...(config === undefined ? {} : { config }),
    })
    if (!committed.ok) {
      const prefix = committed.error instanceof DaemonError ? 'Error response from daemon: ' : ''
      return { stdout: '', stderr: `${prefix}${committed.error.message}\n`, exitCode: 1 }
    }
    return ok(`${committed.value.id}\n`)
  },
})
