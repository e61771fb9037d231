/** Helpers for vim's ex commands: `:set` options and `:s` replacements. */

/** :set options that exist in vim and are accepted here without effect. */
const IGNORED = `hlsearch hls incsearch is paste autoindent ai expandtab et ruler ru showcmd sc
  showmode smd wrap list cursorline cul smartindent si relativenumber rnu mouse syntax tabstop ts
  shiftwidth sw softtabstop sts background bg compatible cp smartcase scs`

export const IGNORED_OPTIONS = new Set(IGNORED.split(/\s+/))

/** Stands for a line break inside a replacement until the result is split into lines. */
export const LINE_BREAK = '\uE000'

/** Expands vim's replacement specials: & and \0 the match, \1..\9 groups, \& a literal &. */
export function expandReplacement(replacement: string, args: readonly unknown[]): string {
  const groups = args.slice(0, -2).map((g) => (typeof g === 'string' ? g : ''))
  let out = ''
  for (let i = 0; i < replacement.length; i++) {
    const char = replacement.charAt(i)
    if (char === '&') out += groups[0] ?? ''
    else if (char === '\\' && i + 1 < replacement.length) {
      const next = replacement.charAt(++i)
      if (/[0-9]/.test(next)) out += groups[Number(next)] ?? ''
      else if (next === 'r') out += LINE_BREAK
      else if (next === 'n') out += '\0'
      else if (next === 't') out += '\t'
      else out += next
    } else out += char
  }
  return out
}
