import { textWidth } from './text-width'

/** The ^G screen. Written for this sandbox; it lists only what works here. */
const PARAGRAPHS: readonly string[] = [
  'Main nano help text',
  '',
  'nano is a small text editor. The top line shows the file name, and "Modified" once the ' +
    'text differs from what is on disk. The line above the two shortcut lines shows messages ' +
    'and prompts.',
  '',
  'In the shortcut lines, ^ means Ctrl: ^X is Ctrl+X. M- means Alt (or Esc, then the key).',
  '',
  'Moving around',
  '  Arrows        move the cursor; ^B ^F ^P ^N do the same',
  '  Home, End     start and end of the line (also ^A and ^E)',
  '  PgUp, PgDn    one screen up or down (also ^Y and ^V)',
  '  ^/ or ^_      go to a line number (and optionally a column: 12,5)',
  '  ^C            show where the cursor is',
  '',
  'Editing',
  '  Type to insert text; Enter breaks the line, Backspace and Delete remove characters.',
  '  ^K            cut the current line (several ^K in a row cut several lines)',
  '  ^U            paste what was cut, at the cursor',
  '  ^W            search (Enter on an empty answer repeats the last search)',
  '  M-W           find the next occurrence',
  '  ^\\            search and replace',
  '  ^R            insert another file at the cursor',
  '',
  'Files',
  '  ^O            write the file (Enter to accept the name, ^C to cancel)',
  '  ^S            save without asking for the name',
  '  ^X            exit; if there are unsaved changes nano asks whether to save them',
  '                (Y saves, N discards them, ^C goes back to editing)',
  '',
  'In this help screen: arrows and PgUp/PgDn scroll, ^X closes it.',
]

/** The help text wrapped to `cols` columns. */
export function nanoHelpLines(cols: number): string[] {
  const width = Math.max(10, cols)
  const lines: string[] = []
  for (const paragraph of PARAGRAPHS) {
    if (textWidth(paragraph) <= width) {
      lines.push(paragraph)
      continue
    }
    const indent = /^ */.exec(paragraph)?.[0] ?? ''
    let line = ''
    for (const word of paragraph.trim().split(' ')) {
      const candidate = line === '' ? indent + word : `${line} ${word}`
      if (textWidth(candidate) > width && line !== '') {
        lines.push(line)
        line = indent + word
      } else {
        line = candidate
      }
    }
    if (line !== '') lines.push(line)
  }
  return lines
}
