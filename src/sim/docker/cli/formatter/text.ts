/** docker/cli formatter.Ellipsis: cut to `width` display columns, ending in "…". */
export function ellipsis(text: string, width: number): string {
  const chars = [...text]
  if (chars.length <= width) return text
  if (width <= 0) return ''
  return chars.slice(0, width - 1).join('') + '…'
}

/** Go's strconv.Quote for the printable text docker puts in COMMAND. */
export function goQuote(text: string): string {
  return JSON.stringify(text).replace(/\\u00([0-7][0-9a-f])/g, '\\x$1')
}

/** A short image or container id: the first 12 hex digits, without `sha256:`. */
export function shortId(id: string): string {
  return (id.startsWith('sha256:') ? id.slice(7) : id).slice(0, 12)
}
