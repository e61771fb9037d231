/**
 * intstr.GetScaledValueFromIntOrPercent: `3` stays 3, `25%` of `total` rounds up or down as the
 * caller asks (maxSurge up, maxUnavailable down).
 */
export function scaledValue(
  value: number | string | undefined,
  total: number,
  roundUp: boolean,
): number {
  if (value === undefined) return 0
  if (typeof value === 'number') return value
  const match = /^(\d+)%$/.exec(value)
  if (match === null) return Number.parseInt(value, 10) || 0
  const scaled = (Number(match[1]) * total) / 100
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled)
}
