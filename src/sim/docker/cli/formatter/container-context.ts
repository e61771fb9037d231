import { humanDuration, humanSizeWithPrecision } from '../../../cli-kit/go-units'
import { GoFunc, GoStruct } from '../../../cli-kit/go-value'
import type { ContainerSummary } from '../../engine/api-types'
import { displayablePorts } from './ports'
import { ellipsis, goQuote, shortId } from './text'

export const CONTAINER_HEADERS: Readonly<Record<string, string>> = {
  ID: 'CONTAINER ID',
  Image: 'IMAGE',
  Command: 'COMMAND',
  CreatedAt: 'CREATED AT',
  RunningFor: 'CREATED',
  Ports: 'PORTS',
  State: 'STATE',
  Status: 'STATUS',
  Size: 'SIZE',
  Names: 'NAMES',
  Labels: 'LABELS',
  Label: 'LABEL',
  Mounts: 'MOUNTS',
  LocalVolumes: 'LOCAL VOLUMES',
  Networks: 'NETWORKS',
  Image_ID: 'IMAGE ID',
}

export const DEFAULT_PS_FORMAT =
  'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}'

/** Go's time.Time.String() for a UTC instant: `2026-01-05 09:00:00 +0000 UTC`. */
export function goTimeString(epochMs: number): string {
  const iso = new Date(epochMs).toISOString()
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000 UTC`
}

/** docker/cli formatter.ContainerContext, as a Go struct the templates can call into. */
export function containerContext(
  c: ContainerSummary,
  options: { trunc: boolean; nowMs: number },
): GoStruct {
  const labelList = (): string =>
    Object.keys(c.Labels)
      .sort()
      .map((k) => `${k}=${c.Labels[k] ?? ''}`)
      .join(',')
  const createdMs = c.Created * 1000
  return new GoStruct(
    '*formatter.ContainerContext',
    {},
    {
      ID: () => (options.trunc ? shortId(c.Id) : c.Id),
      Names: () => c.Names.map((n) => n.replace(/^\//, '')).join(','),
      Image: () => {
        if (!options.trunc) return c.Image
        if (c.Image.startsWith('sha256:')) return shortId(c.Image)
        return c.Image.replace(/@sha256:[0-9a-f]+$/, '')
      },
      Command: () => goQuote(options.trunc ? ellipsis(c.Command, 20) : c.Command),
      CreatedAt: () => goTimeString(createdMs),
      RunningFor: () => `${humanDuration(options.nowMs - createdMs)} ago`,
      Ports: () => displayablePorts(c.Ports),
      State: () => c.State,
      Status: () => c.Status,
      Size: () =>
        c.SizeRw === undefined
          ? '0B'
          : `${humanSizeWithPrecision(c.SizeRw, 3)} (virtual ${humanSizeWithPrecision(c.SizeRootFs ?? 0, 3)})`,
      Labels: labelList,
      Label: new GoFunc(['string'], (key) => c.Labels[key as string] ?? ''),
      Mounts: () =>
        c.Mounts.map((m) =>
          m.Name !== undefined && options.trunc ? ellipsis(m.Name, 15) : (m.Name ?? m.Source),
        ).join(','),
      LocalVolumes: () => String(c.Mounts.filter((m) => m.Driver === 'local').length),
      Networks: () => Object.keys(c.NetworkSettings.Networks).sort().join(','),
      // The image manifest's platform; the graphdriver store docker 28 defaults to sends none.
      Platform: () => null,
    },
    { json: () => containerJson(c, options), jsonEscapesHTML: true },
  )
}

function containerJson(c: ContainerSummary, options: { trunc: boolean; nowMs: number }): unknown {
  const ctx = containerContext(c, { ...options, trunc: options.trunc })
  const out: Record<string, unknown> = {}
  for (const key of [
    'Command',
    'CreatedAt',
    'ID',
    'Image',
    'Labels',
    'LocalVolumes',
    'Mounts',
    'Names',
    'Networks',
    'Platform',
    'Ports',
    'RunningFor',
    'Size',
    'State',
    'Status',
  ]) {
    const m = ctx.method(key)
    out[key] = m ? m.fn() : ''
  }
  return out
}
