/**
 * The client half of `kubectl get`'s table printing (cli-runtime's TablePrinter): the server's
 * Table decorated with a NAMESPACE column (-A), the kind prefix on names (`pod/web`), -L label
 * columns, --show-labels, wide columns, headers in upper case; rows come out as tab-separated
 * lines for kubectl's tabwriter.
 */
import type { Table, TableCell, TableColumnDefinition } from '../../printers'
import { formatLabels } from '../../printers/table'

export interface TableOptions {
  wide: boolean
  withNamespace: boolean
  /** `pod`, `deployment.apps`: prefixed to names as `pod/web`; undefined for none. */
  kindPrefix?: string
  labelColumns: readonly string[]
  showLabels: boolean
  noHeaders: boolean
}

const cellText = (cell: TableCell | undefined): string => {
  if (cell === null || cell === undefined) return '<none>'
  if (typeof cell === 'string') return cell
  return String(cell)
}

/** `app.kubernetes.io/name` → `NAME`: a label column is headed by the key's last segment. */
const labelHeader = (key: string): string => (key.split('/').pop() ?? key).toUpperCase()

/** The visible columns: priority-0 ones, plus the wide ones with -o wide. */
function visible(columns: readonly TableColumnDefinition[], wide: boolean): number[] {
  const out: number[] = []
  columns.forEach((c, i) => {
    if (c.priority === 0 || wide) out.push(i)
  })
  return out
}

export function headerLine(table: Table, options: TableOptions): string {
  const cells: string[] = []
  if (options.withNamespace) cells.push('NAMESPACE')
  for (const i of visible(table.columnDefinitions, options.wide))
    cells.push((table.columnDefinitions[i]?.name ?? '').toUpperCase())
  for (const l of options.labelColumns) cells.push(labelHeader(l))
  if (options.showLabels) cells.push('LABELS')
  return cells.join('\t') + '\n'
}

/** One line per row, each cell followed by a tab but the last. */
export function rowLines(table: Table, options: TableOptions): string {
  const columns = table.columnDefinitions
  const nameColumn = columns.findIndex((c) => c.format === 'name')
  let out = ''
  for (const row of table.rows) {
    const meta = row.object.metadata
    const cells: string[] = []
    if (options.withNamespace) cells.push(meta.namespace ?? '')
    for (const i of visible(columns, options.wide)) {
      let text = cellText(row.cells[i])
      if (i === nameColumn && options.kindPrefix !== undefined)
        text = `${options.kindPrefix}/${text}`
      cells.push(text)
    }
    for (const l of options.labelColumns) cells.push(meta.labels?.[l] ?? '')
    if (options.showLabels) cells.push(formatLabels(meta.labels))
    out += cells.join('\t') + '\n'
  }
  return out
}

export function tableText(table: Table, options: TableOptions): string {
  return (options.noHeaders ? '' : headerLine(table, options)) + rowLines(table, options)
}
