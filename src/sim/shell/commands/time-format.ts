/**
 * strftime in the C locale, in UTC (Quai's machine runs on UTC, as most servers and containers
 * do). Enough of it for `ls --time-style`, `stat` and `date`-like output.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

const pad = (n: number, width = 2, fill = '0'): string => String(n).padStart(width, fill)

export function strftime(ms: number, format: string, nanos = (ms % 1000) * 1_000_000): string {
  const d = new Date(ms)
  const field = (letter: string): string => {
    switch (letter) {
      case 'a':
        return DAYS[d.getUTCDay()] ?? ''
      case 'A':
        return DAY_NAMES[d.getUTCDay()] ?? ''
      case 'b':
      case 'h':
        return MONTHS[d.getUTCMonth()] ?? ''
      case 'B':
        return MONTH_NAMES[d.getUTCMonth()] ?? ''
      case 'C':
        return pad(Math.floor(d.getUTCFullYear() / 100))
      case 'd':
        return pad(d.getUTCDate())
      case 'D':
        return `${field('m')}/${field('d')}/${field('y')}`
      case 'e':
        return pad(d.getUTCDate(), 2, ' ')
      case 'F':
        return `${d.getUTCFullYear()}-${field('m')}-${field('d')}`
      case 'H':
        return pad(d.getUTCHours())
      case 'I':
        return pad(d.getUTCHours() % 12 || 12)
      case 'j': {
        const start = Date.UTC(d.getUTCFullYear(), 0, 1)
        return pad(Math.floor((ms - start) / 86_400_000) + 1, 3)
      }
      case 'k':
        return pad(d.getUTCHours(), 2, ' ')
      case 'l':
        return pad(d.getUTCHours() % 12 || 12, 2, ' ')
      case 'm':
        return pad(d.getUTCMonth() + 1)
      case 'M':
        return pad(d.getUTCMinutes())
      case 'n':
        return '\n'
      case 'N':
        return pad(nanos, 9)
      case 'p':
        return d.getUTCHours() < 12 ? 'AM' : 'PM'
      case 'R':
        return `${field('H')}:${field('M')}`
      case 's':
        return String(Math.floor(ms / 1000))
      case 'S':
        return pad(d.getUTCSeconds())
      case 't':
        return '\t'
      case 'T':
        return `${field('H')}:${field('M')}:${field('S')}`
      case 'u':
        return String(d.getUTCDay() || 7)
      case 'w':
        return String(d.getUTCDay())
      case 'y':
        return pad(d.getUTCFullYear() % 100)
      case 'Y':
        return String(d.getUTCFullYear())
      case 'z':
        return '+0000'
      case 'Z':
        return 'UTC'
      case '%':
        return '%'
      default:
        return `%${letter}`
    }
  }
  let out = ''
  for (let i = 0; i < format.length; i++) {
    const ch = format.charAt(i)
    if (ch !== '%' || i + 1 >= format.length) {
      out += ch
      continue
    }
    out += field(format.charAt(++i))
  }
  return out
}
