/**
 * Splits a `command:` / `entrypoint:` / healthcheck string into words as go-shellwords does
 * for Compose: whitespace separates, single quotes are literal, double quotes keep spaces and
 * honour backslash escapes, a backslash outside quotes escapes the next character.
 */
export function splitShellWords(line: string): string[] | undefined {
  const words: string[] = []
  let current = ''
  let inWord = false
  let quote: "'" | '"' | undefined
  for (let i = 0; i < line.length; i++) {
    const c = line[i] ?? ''
    if (quote === "'") {
      if (c === "'") quote = undefined
      else current += c
      continue
    }
    if (quote === '"') {
      if (c === '"') quote = undefined
      else if (c === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1] ?? '')) {
        current += line[++i] ?? ''
      } else current += c
      continue
    }
    if (c === '\\' && i + 1 < line.length) {
      current += line[++i] ?? ''
      inWord = true
      continue
    }
    if (c === "'" || c === '"') {
      quote = c
      inWord = true
      continue
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (inWord) words.push(current)
      current = ''
      inWord = false
      continue
    }
    current += c
    inWord = true
  }
  // An unclosed quote is an error in go-shellwords ("invalid command line string").
  if (quote !== undefined) return undefined
  if (inWord) words.push(current)
  return words
}
