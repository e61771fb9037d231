import { UMASK } from './file-ops'

/**
 * chmod's MODE argument: octal (`755`, `0644`, `4755`) or symbolic clauses such as `u+x`,
 * `go-w`, `a=r`, `+x`, `u=rwx,go=` (coreutils modechange.c). Without a who-letter, + - = act on
 * all of ugo except the bits the umask clears.
 */

const WHO: Readonly<Record<string, number>> = { u: 0o4700, g: 0o2070, o: 0o1007, a: 0o7777 }

/** The new permission bits, or undefined when the text is not a mode. */
export function parseMode(text: string, current: number, isDirectory: boolean): number | undefined {
  if (/^[0-7]+$/.test(text)) {
    if (text.length > 5 && !/^0+/.test(text)) return undefined
    const value = parseInt(text, 8)
    if (value > 0o7777) return undefined
    // A directory keeps its set-id bits unless five digits say otherwise.
    if (isDirectory && text.length < 5) return value | (current & 0o6000)
    return value
  }
  let mode = current & 0o7777
  for (const clause of text.split(',')) {
    const match = /^([ugoa]*)((?:[-+=](?:[rwxXst]*|[ugo]))+)$/.exec(clause)
    if (match === null) return undefined
    const whoText = match[1] ?? ''
    const explicitWho = whoText !== ''
    let who = 0
    for (const w of whoText) who |= WHO[w] ?? 0
    if (!explicitWho) who = 0o7777
    const ops = match[2] ?? ''
    for (const op of ops.matchAll(/([-+=])([rwxXst]*|[ugo])/g)) {
      const operator = op[1] ?? '+'
      const perms = op[2] ?? ''
      let bits = 0
      if (/^[ugo]$/.test(perms)) {
        // Copy another class's bits: g=u and the like.
        const shift = perms === 'u' ? 6 : perms === 'g' ? 3 : 0
        const rwx = (mode >> shift) & 7
        bits = (rwx << 6) | (rwx << 3) | rwx
      } else {
        for (const p of perms) {
          if (p === 'r') bits |= 0o444
          else if (p === 'w') bits |= 0o222
          else if (p === 'x') bits |= 0o111
          else if (p === 'X') {
            if (isDirectory || (mode & 0o111) !== 0) bits |= 0o111
          } else if (p === 's') bits |= 0o6000
          else if (p === 't') bits |= 0o1000
        }
      }
      let affected = bits & who
      if (!explicitWho) affected &= ~UMASK
      if (operator === '+') mode |= affected
      else if (operator === '-') mode &= ~affected
      else {
        const cleared = explicitWho ? who & ~(isDirectory ? 0o6000 : 0) : 0o7777 & ~UMASK
        mode = (mode & ~(cleared & 0o7777)) | affected
      }
    }
  }
  return mode
}
