/**
 * Sizes as `ls -h`, `du -h` and `df -h` print them (gnulib human.c with human_ceiling): values
 * under one unit as they are, under ten units with one decimal, rounded up, else whole units,
 * rounded up: 5001 → 4.9K, 4096 → 4.0K, 10241 → 11K.
 */
const UNITS = ['K', 'M', 'G', 'T', 'P', 'E']

export function humanSize(bytes: number, base: 1024 | 1000 = 1024): string {
  if (bytes < base) return String(bytes)
  let exponent = 0
  let unit = 1
  while (bytes >= unit * base && exponent < UNITS.length) {
    unit *= base
    exponent++
  }
  const tenths = Math.ceil((bytes * 10) / unit)
  const suffix = (e: number): string => {
    const letter = UNITS[e - 1] ?? 'E'
    return base === 1000 && letter === 'K' ? 'k' : letter
  }
  if (tenths < 100) return `${Math.floor(tenths / 10)}.${tenths % 10}${suffix(exponent)}`
  const whole = Math.ceil(bytes / unit)
  if (whole >= base && exponent < UNITS.length) return `1.0${suffix(exponent + 1)}`
  return `${whole}${suffix(exponent)}`
}
