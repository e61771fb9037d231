import { type Frame, Styles } from './screen-buffer'
import { clipToWidth, splitClusters, textWidth } from './text-width'

/**
 * The fixed parts of nano's screen, laid out as GNU nano 7.2 does (src/winio.c: titlebar(),
 * statusline(), bottombars(), post_one_key(); src/prompt.c: the prompt bar and yes/no prompt).
 */

export const NANO_BRANDING = 'GNU nano 7.2'

export interface Shortcut {
  readonly key: string
  readonly label: string
}

const s = (key: string, label: string): Shortcut => ({ key, label })

/** The main menu in nano's order; how many show depends on the width (see shortcutCount). */
export const MAIN_MENU: readonly Shortcut[] = [
  s('^G', 'Help'),
  s('^X', 'Exit'),
  s('^O', 'Write Out'),
  s('^R', 'Read File'),
  s('^W', 'Where Is'),
  s('^\\', 'Replace'),
  s('^K', 'Cut'),
  s('^U', 'Paste'),
  s('^T', 'Execute'),
  s('^J', 'Justify'),
  s('^C', 'Location'),
  s('^/', 'Go To Line'),
  s('M-U', 'Undo'),
  s('M-E', 'Redo'),
  s('M-A', 'Set Mark'),
  s('M-6', 'Copy'),
  s('M-]', 'To Bracket'),
  s('^Q', 'Where Was'),
  s('M-Q', 'Previous'),
  s('M-W', 'Next'),
  s('^B', 'Back'),
  s('^F', 'Forward'),
  s('^\u25c2', 'Prev Word'),
  s('^\u25b8', 'Next Word'),
  s('^A', 'Home'),
  s('^E', 'End'),
]

export const WRITE_MENU: readonly Shortcut[] = [
  s('^G', 'Help'),
  s('^C', 'Cancel'),
  s('M-D', 'DOS Format'),
  s('M-M', 'Mac Format'),
  s('M-A', 'Append'),
  s('M-P', 'Prepend'),
  s('M-B', 'Backup File'),
  s('^T', 'Browse'),
]

export const SEARCH_MENU: readonly Shortcut[] = [
  s('^G', 'Help'),
  s('^C', 'Cancel'),
  s('M-C', 'Case Sens'),
  s('M-R', 'Reg.exp.'),
  s('M-B', 'Backwards'),
  s('^R', 'Replace'),
  s('^P', 'Older'),
  s('^N', 'Newer'),
  s('^T', 'Go To Line'),
]

export const REPLACE_SEARCH_MENU: readonly Shortcut[] = SEARCH_MENU.map((item) =>
  item.key === '^R' ? s('^R', 'No Replace') : item,
)

export const REPLACE_WITH_MENU: readonly Shortcut[] = [
  s('^G', 'Help'),
  s('^C', 'Cancel'),
  s('^P', 'Older'),
  s('^N', 'Newer'),
]

export const GOTO_MENU: readonly Shortcut[] = [
  s('^G', 'Help'),
  s('^C', 'Cancel'),
  s('^Y', 'First Line'),
  s('^V', 'Last Line'),
  s('^T', 'Go To Text'),
]

export const INSERT_MENU: readonly Shortcut[] = [
  s('^G', 'Help'),
  s('^C', 'Cancel'),
  s('^T', 'Browse'),
]

export const HELP_MENU: readonly Shortcut[] = [
  s('^L', 'Refresh'),
  s('^X', 'Close'),
  s('^Y', 'Prev Page'),
  s('^V', 'Next Page'),
  s('^P', 'Prev Line'),
  s('^N', 'Next Line'),
  s('M-\\', 'First Line'),
  s('M-/', 'Last Line'),
]

/** nano shows two rows of shortcuts, more of them on a wider terminal (global.c). */
export function shortcutCount(menu: readonly Shortcut[], cols: number): number {
  return Math.min(menu.length, Math.floor((cols + 40) / 20) * 2)
}

/** A key in reverse video, a space, then its label, within `width` columns. */
function postOneKey(frame: Frame, row: number, col: number, item: Shortcut, width: number): void {
  const key = clipToWidth(item.key, width)
  frame.write(row, col, key, Styles.reverse)
  const rest = width - textWidth(item.key)
  if (rest < 2) return
  frame.write(row, col + textWidth(key) + 1, clipToWidth(item.label, rest - 1))
}

/** The two help lines at the bottom: items go down the columns, two per column. */
export function drawShortcuts(frame: Frame, firstRow: number, menu: readonly Shortcut[]): void {
  const cols = frame.cols
  const number = shortcutCount(menu, cols)
  const itemWidth = Math.floor(cols / Math.floor((number + 1) / 2))
  if (itemWidth === 0) return
  for (let index = 0; index < number; index++) {
    const item = menu[index]
    if (item === undefined) break
    let width = itemWidth
    // When the number is uneven, the penultimate item can be double wide.
    if (number % 2 === 1 && index + 2 === number) width += itemWidth
    // The last two items also get the slack.
    if (index + 2 >= number) width += cols % itemWidth
    postOneKey(frame, firstRow + (index % 2), Math.floor(index / 2) * itemWidth, item, width)
  }
}

/** The Y/N (and A) choices nano offers under a yes/no question. */
export function drawYesNoChoices(frame: Frame, firstRow: number, withAll: boolean): void {
  const width = frame.cols < 32 ? Math.floor(frame.cols / 2) : 16
  postOneKey(frame, firstRow, 0, s(' Y', 'Yes'), width)
  postOneKey(frame, firstRow + 1, 0, s(' N', 'No'), width)
  if (withAll) postOneKey(frame, firstRow, width, s(' A', 'All'), width)
  postOneKey(frame, firstRow + 1, width, s('^C', 'Cancel'), width)
}

/**
 * The title bar: branding on the left, the file name centred, "Modified" on the right. When
 * space is short nano drops the branding, then the side spaces, then shortens the name.
 */
export function drawTitleBar(
  frame: Frame,
  branding: string,
  path: string,
  state: string,
  reserveState: boolean,
): void {
  const cols = frame.cols
  frame.fill(0, Styles.reverse)
  let verlen = textWidth(branding) + 3
  let pathlen = textWidth(path)
  let statelen = textWidth(state) + 2
  // While unmodified, room for "Modified" is kept so the name does not shift when it appears.
  let pluglen = state === '' && reserveState ? textWidth('Modified') + 1 : 0
  if (statelen > 2) pathlen++
  if (verlen + pathlen + pluglen + statelen <= cols) {
    frame.write(0, 2, branding, Styles.reverse)
  } else {
    verlen = 2
    if (verlen + pathlen + pluglen + statelen > cols) pluglen = 0
    if (verlen + pathlen + pluglen + statelen > cols) {
      verlen = 0
      statelen -= 2
    }
  }
  const offset =
    verlen > 0 ? verlen + Math.floor((cols - (verlen + pluglen + statelen) - pathlen) / 2) : 0
  if (pathlen + pluglen + statelen <= cols) {
    frame.write(0, offset, path, Styles.reverse)
  } else if (5 + statelen <= cols) {
    const room = cols - statelen - 3
    const clusters = splitClusters(path)
    let tail = ''
    for (let i = clusters.length - 1; i >= 0; i--) {
      const next = (clusters[i] ?? '') + tail
      if (textWidth(next) > room) break
      tail = next
    }
    frame.write(0, offset, '...' + tail, Styles.reverse)
  }
  if (statelen > 0 && statelen <= cols) frame.write(0, cols - statelen, state, Styles.reverse)
  else if (statelen > 0) frame.write(0, 0, clipToWidth(state, cols), Styles.reverse)
}

/** A status message, centred between "[ " and " ]". */
export function drawStatus(frame: Frame, row: number, text: string, alert: boolean): void {
  const message = clipToWidth(text, frame.cols)
  const start = Math.floor((frame.cols - textWidth(message)) / 2)
  const bracketed = start > 1
  const style = alert ? Styles.alert : Styles.reverse
  frame.write(row, bracketed ? start - 2 : start, bracketed ? `[ ${message} ]` : message, style)
}

/**
 * The prompt bar: `label` (which ends in ": ") then the answer, in reverse video over the whole
 * row. A long answer scrolls so the cursor stays in view. Returns the cursor column.
 */
export function drawPromptBar(
  frame: Frame,
  row: number,
  label: string,
  answer: readonly string[],
  cursor: number,
): number {
  frame.fill(row, Styles.reverse)
  const cols = frame.cols
  const shown = clipToWidth(label, Math.max(0, cols - 1))
  const start = frame.write(row, 0, shown, Styles.reverse)
  const room = Math.max(1, cols - start - 1)
  let first = 0
  while (textWidth(answer.slice(first, cursor).join('')) >= room) first++
  const visible = clipToWidth(answer.slice(first).join(''), room)
  frame.write(row, start, visible, Styles.reverse)
  return Math.min(cols - 1, start + textWidth(answer.slice(first, cursor).join('')))
}
