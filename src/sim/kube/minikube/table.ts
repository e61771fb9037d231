/**
 * minikube's tables (olekukonko/tablewriter as minikube configures it): `|---|` borders above and
 * below the header and at the end, headers centred, numbers right-aligned, other cells
 * left-aligned, cells longer than `wrap` broken at spaces onto extra rows.
 */

/**
 * Width as tablewriter measures a cell: minikube's ✅ is counted four columns wide when sizing
 * the column, but the terminal draws it two wide, hence the two spaces after `enabled ✅`.
 */
const measured = (s: string): number => [...s].length + (s.match(/✅/g)?.length ?? 0) * 3
const drawn = (s: string): number => [...s].length + (s.match(/✅/g)?.length ?? 0)

function wrapCell(text: string, limit: number): string[] {
  if (limit <= 0 || measured(text) <= limit) return [text]
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    const next = line === '' ? word : `${line} ${word}`
    if (measured(next) > limit && line !== '') {
      lines.push(line)
      line = word
    } else line = next
  }
  if (line !== '') lines.push(line)
  return lines
}

export function pipeTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  options: { wrap?: number } = {},
): string {
  const wrapped = rows.map((r) => r.map((c) => wrapCell(c, options.wrap ?? 0)))
  const widths = headers.map((h, i) =>
    Math.max(measured(h), ...wrapped.map((r) => Math.max(...(r[i] ?? ['']).map(measured)))),
  )
  const border = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n`
  const centre = (s: string, w: number): string => {
    const gap = w - drawn(s)
    const left = Math.floor(gap / 2)
    return ' '.repeat(left) + s + ' '.repeat(gap - left)
  }
  const cell = (s: string, w: number): string =>
    /^-?\d+(\.\d+)?$/.test(s) ? ' '.repeat(w - drawn(s)) + s : s + ' '.repeat(w - drawn(s))
  let out = border
  out += `|${headers.map((h, i) => ` ${centre(h, widths[i] ?? 0)} `).join('|')}|\n`
  out += border
  for (const row of wrapped) {
    const height = Math.max(...row.map((c) => c.length))
    for (let line = 0; line < height; line++)
      out += `|${widths.map((w, i) => ` ${cell(row[i]?.[line] ?? '', w)} `).join('|')}|\n`
  }
  return out + border
}
