import { tabwrite, type TabwriterOptions } from '../../cli-kit/tabwriter'

/** compose's PrintPrettySection: headers and rows through tabwriter(20, 1, 3, ' '). */
export const COMPOSE_TABWRITER: TabwriterOptions = {
  minwidth: 20,
  tabwidth: 1,
  padding: 3,
  padchar: ' ',
}

export function prettyTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const text = [headers, ...rows].map((r) => `${r.join('\t')}\n`).join('')
  return tabwrite(text, COMPOSE_TABWRITER)
}
