/**
 * `docker events` / `docker system events` (docker/cli cli/command/system/events.go; the
 * daemon's filters in moby daemon/events/filter.go). Past events are shown from --since; in the
 * interactive terminal new ones stream until Ctrl-C (or --until); without a terminal the command
 * prints what the log holds in the window and returns.
 */
import { FlagSet } from '../../cli-kit/flags'
import { DOCKER_FUNCS, GoTemplate } from '../../cli-kit/go-template'
import { GoStruct, goInt64, goTyped } from '../../cli-kit/go-value'
import type { CommandOutput } from '../../shell/command'
import type { EventMessage } from '../engine/api-types'
import { dockerCommand } from './command'
import { filterFlag, parseFilters, type Filters } from './filters'
import { parseSinceUntil } from './logs'
import { rfc3339NanoFixed } from './timestamps'

const EVENTS_FORMAT_USAGE =
  "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates"

const ACCEPTED = new Set([
  'config',
  'container',
  'daemon',
  'event',
  'image',
  'label',
  'network',
  'node',
  'plugin',
  'scope',
  'secret',
  'service',
  'type',
  'volume',
])

const POLL_MS = 250

/** docker/cli prettyPrintEvent: time, type, action, actor, then the sorted attributes. */
export function prettyEvent(event: EventMessage): string {
  let line = `${rfc3339NanoFixed(event.timeNano / 1_000_000)} ${event.Type} ${event.Action} ${event.Actor.ID}`
  const keys = Object.keys(event.Actor.Attributes).sort()
  if (keys.length > 0)
    line += ` (${keys.map((k) => `${k}=${event.Actor.Attributes[k] ?? ''}`).join(', ')})`
  return `${line}\n`
}

/**
 * events.Message as a Go struct: templates see Go's field names (`{{.Status}}`, `{{.Actor.ID}}`),
 * `{{json .}}` the JSON names, with the deprecated status/id/from the daemon still fills.
 */
function eventValue(event: EventMessage | undefined): GoStruct {
  const deprecated = event !== undefined && (event.Type === 'container' || event.Type === 'image')
  const from = event?.Type === 'container' ? (event.Actor.Attributes.image ?? '') : ''
  const attributes = goTyped('map[string]string', { ...(event?.Actor.Attributes ?? {}) })
  const actor = new GoStruct(
    'events.Actor',
    { ID: event?.Actor.ID ?? '', Attributes: attributes },
    {},
    { pointer: false },
  )
  // encoding/json writes struct fields in declaration order, leaving out empty omitempty ones.
  const json = (): GoStruct => {
    if (event === undefined)
      return new GoStruct('events.Message', {
        Type: '',
        Action: '',
        Actor: new GoStruct('events.Actor', { ID: '', Attributes: null }),
      })
    return new GoStruct('events.Message', {
      ...(deprecated ? { status: event.Action, id: event.Actor.ID } : {}),
      ...(from !== '' ? { from } : {}),
      Type: event.Type,
      Action: event.Action,
      Actor: new GoStruct('events.Actor', { ID: event.Actor.ID, Attributes: attributes }),
      scope: event.scope,
      time: goInt64(event.time),
      timeNano: goInt64(event.timeNano),
    })
  }
  return new GoStruct(
    '*events.Message',
    {
      Status: deprecated ? event.Action : '',
      ID: deprecated ? event.Actor.ID : '',
      From: from,
      Type: event?.Type ?? '',
      Action: event?.Action ?? '',
      Actor: actor,
      Scope: event?.scope ?? '',
      Time: goInt64(event?.time ?? 0),
      TimeNano: goInt64(event?.timeNano ?? 0),
    },
    {},
    { json },
  )
}

const fuzzy = (values: readonly string[] | undefined, source: string): boolean =>
  values === undefined || values.some((v) => source === v || source.startsWith(v))

const exact = (values: readonly string[] | undefined, source: string): boolean =>
  values === undefined || values.includes(source)

const stripTag = (image: string): string => image.replace(/:[^:/]+$/, '')

/** moby daemon/events/filter.go Include. */
export function eventMatches(event: EventMessage, filters: Filters): boolean {
  const attrs = event.Actor.Attributes
  const byName = (type: string): boolean => {
    const values = filters.get(type)
    return (
      fuzzy(values, event.Actor.ID) || (values !== undefined && fuzzy(values, attrs.name ?? '\0'))
    )
  }
  const wanted = filters.get('event')
  const fuzzyEvents = wanted?.some((v) =>
    ['health_status', 'exec_create', 'exec_start'].includes(v),
  )
  const image = event.Type === 'image' ? (attrs.name ?? '') : (attrs.image ?? '')
  const images = filters.get('image')
  return (
    (fuzzyEvents ? fuzzy(wanted, event.Action) : exact(wanted, event.Action)) &&
    exact(filters.get('type'), event.Type) &&
    exact(filters.get('scope'), event.scope) &&
    byName('container') &&
    byName('volume') &&
    byName('network') &&
    (images === undefined ||
      [event.Actor.ID, image, stripTag(event.Actor.ID), stripTag(image)].some((s) =>
        images.includes(s),
      )) &&
    (filters.get('label') ?? []).every((label) => {
      const eq = label.indexOf('=')
      return eq === -1 ? label in attrs : attrs[label.slice(0, eq)] === label.slice(eq + 1)
    })
  )
}

function eventsCommand(path: string) {
  return dockerCommand({
    path,
    use: '[OPTIONS]',
    short: 'Get real time events from the server',
    aliases: ['docker system events', 'docker events'],
    args: { kind: 'none' },
    flags: () =>
      new FlagSet([
        filterFlag('Filter output based on conditions provided'),
        { name: 'format', type: 'string', usage: EVENTS_FORMAT_USAGE },
        { name: 'since', type: 'string', usage: 'Show all events created since timestamp' },
        { name: 'until', type: 'string', usage: 'Stream events until this timestamp' },
      ] as const),
    async run({ values }, ctx): Promise<CommandOutput> {
      let template: GoTemplate | undefined
      if (values.format !== '') {
        const text = values.format === 'json' ? '{{json .}}' : values.format
        const parsed = GoTemplate.parse(text, { funcs: DOCKER_FUNCS })
        const refuse = (message: string): CommandOutput => ({
          stdout: '',
          stderr: `Error parsing format: ${message}\n`,
          exitCode: 64,
        })
        if (!parsed.ok) return refuse(parsed.error.message)
        // docker/cli runs a new template on an empty message first, to fail early.
        const checked = parsed.template.execute(eventValue(undefined))
        if (!checked.ok) return refuse(checked.error.message)
        template = parsed.template
      }
      const times = parseSinceUntil(values, ctx.shell.clock.now())
      if (!times.ok)
        return {
          stdout: '',
          stderr: `${times.error.replace(/^invalid value for "\w+": /, '')}\n`,
          exitCode: 1,
        }
      if (
        times.sinceMs !== undefined &&
        times.untilMs !== undefined &&
        times.sinceMs > times.untilMs
      )
        return {
          stdout: '',
          stderr: `Error response from daemon: \`since\` time (${values.since}) cannot be after \`until\` time (${values.until})\n`,
          exitCode: 1,
        }
      const filters = parseFilters(values.filter)
      if (!filters.ok) return { stdout: '', stderr: `${filters.error}\n`, exitCode: 1 }
      for (const key of filters.value.keys())
        if (!ACCEPTED.has(key))
          return {
            stdout: '',
            stderr: `Error response from daemon: invalid filter '${key}'\n`,
            exitCode: 1,
          }
      const format = (event: EventMessage): string => {
        if (!template) return prettyEvent(event)
        const r = template.execute(eventValue(event))
        return `${r.output}\n`
      }
      const inWindow = (event: EventMessage): boolean => {
        const ms = event.timeNano / 1_000_000
        return (
          (times.untilMs === undefined || ms <= times.untilMs) && eventMatches(event, filters.value)
        )
      }
      // The daemon replays its buffer when either bound is given (from the start without --since).
      const past =
        times.sinceMs === undefined && times.untilMs === undefined
          ? []
          : ctx.engine.events.since(times.sinceMs ?? 0).filter(inWindow)
      const tty = ctx.shell.tty
      const ended = times.untilMs !== undefined && times.untilMs <= ctx.shell.clock.now()
      if (tty === undefined || ended)
        return { stdout: past.map(format).join(''), stderr: '', exitCode: 0 }
      const write = (event: EventMessage): void => tty.write(format(event).replace(/\n/g, '\r\n'))
      for (const event of past) write(event)
      const stop = ctx.engine.events.subscribe((event) => {
        if (inWindow(event)) write(event)
      })
      try {
        for (;;) {
          if (times.untilMs !== undefined && ctx.shell.clock.now() >= times.untilMs)
            return { stdout: '', stderr: '', exitCode: 0 }
          const waited = await ctx.shell.sleep(POLL_MS)
          if (!waited || ctx.shell.signal.aborted) return { stdout: '', stderr: '', exitCode: 130 }
        }
      } finally {
        stop()
      }
    },
  })
}

export const systemEvents = eventsCommand('docker system events')
