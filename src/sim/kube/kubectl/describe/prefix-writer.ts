/**
 * kubectl describe's output machinery: a PrefixWriter (two spaces per level) over Go's
 * text/tabwriter as describe's tabbedString sets it up, `NewWriter(out, 0, 8, 2, ' ', 0)`. Every
 * line goes through the tabwriter, so `Label:\tvalue` lines align within a block and a line
 * without a tab ends the block, as in the real output.
 */
import { Tabwriter, type TabwriterOptions } from '../../../cli-kit/tabwriter'

export const LEVEL_0 = 0
export const LEVEL_1 = 1
export const LEVEL_2 = 2
export const LEVEL_3 = 3
export const LEVEL_4 = 4

const DESCRIBE_TABWRITER: TabwriterOptions = {
  minwidth: 0,
  tabwidth: 8,
  padding: 2,
  padchar: ' ',
}

/** cli-runtime's printers.WriteEscaped: terminal escapes and carriage returns made visible. */
const escapeTerminal = (text: string): string =>
  text.replaceAll('\x1b', '^[').replaceAll('\r', '\\r')

export interface PrefixWriter {
  /** Writes `text` indented by `level` steps of two spaces (the caller formats, like Sprintf). */
  write(level: number, text: string): void
  /** fmt.Sprintln(text): the text and a newline, no indentation. */
  writeLine(text: string): void
  /** Formats what is buffered, so what follows aligns on its own (DescribeEvents does this). */
  flush(): void
}

class TabbedPrefixWriter implements PrefixWriter {
  out = ''
  constructor(private readonly tw: Tabwriter) {}

  write(level: number, text: string): void {
    this.out += this.tw.write(escapeTerminal('  '.repeat(level) + text))
  }

  writeLine(text: string): void {
    this.out += this.tw.write(escapeTerminal(text + '\n'))
  }

  flush(): void {
    this.out += this.tw.flush()
  }
}

/** Go's nestedPrefixWriter: every level shifted by `indent`. */
export function nestedPrefixWriter(w: PrefixWriter, indent: number): PrefixWriter {
  return {
    write: (level, text) => w.write(level + indent, text),
    writeLine: (text) => w.write(indent, text + '\n'),
    flush: () => w.flush(),
  }
}

/** describe.go's tabbedString: runs `fill` against a fresh writer and returns the aligned text. */
export function tabbedString(fill: (w: PrefixWriter) => void): string {
  const w = new TabbedPrefixWriter(new Tabwriter(DESCRIBE_TABWRITER))
  fill(w)
  w.flush()
  return w.out
}
