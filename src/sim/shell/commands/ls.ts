import type { CommandContext, ShellCommand } from '../command'
import { compareCodepoints, compareVersions } from './collate'
import { inspect, joinPath, parentOf, strerror, type FileFacts } from './file-facts'
import { blocksText, columns, commas, longLines, singleColumn, type Entry } from './ls-format'
import { globToRegExp, settingsFrom, type Settings, type SortKey } from './ls-options'
import { quoteFileName } from './quoting'

/**
 * GNU ls (coreutils 9.1). What to list and in which order lives here; the command line in
 * ls-options.ts; how it looks in ls-format.ts. Exit status: 0; 1 for a problem inside a
 * listing; 2 when an operand is missing or the command line is wrong.
 */

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot <= 0 ? '' : name.slice(dot)
}

function sortEntries(entries: Entry[], settings: Settings): Entry[] {
  const byName = (a: Entry, b: Entry): number => compareCodepoints(a.name, b.name)
  const compare: Record<SortKey, (a: Entry, b: Entry) => number> = {
    name: byName,
    none: () => 0,
    time: (a, b) => b.facts.mtimeMs - a.facts.mtimeMs || byName(a, b),
    size: (a, b) => b.facts.size - a.facts.size || byName(a, b),
    extension: (a, b) =>
      compareCodepoints(extensionOf(a.name), extensionOf(b.name)) || byName(a, b),
    version: (a, b) => compareVersions(a.name, b.name),
  }
  const cmp = compare[settings.sort]
  const sorted = settings.sort === 'none' ? [...entries] : [...entries].sort(cmp)
  if (settings.reverse && settings.sort !== 'none') sorted.reverse()
  if (settings.groupDirectoriesFirst) {
    const isDir = (e: Entry): boolean => (e.target ?? e.facts).kind === 'directory'
    return [...sorted.filter(isDir), ...sorted.filter((e) => !isDir(e))]
  }
  return sorted
}

class Lister {
  stdout = ''
  stderr = ''
  status = 0
  private printedSomething = false

  constructor(
    private readonly ctx: CommandContext,
    private readonly settings: Settings,
  ) {}

  private fail(message: string, status: number): void {
    this.stderr += `ls: ${message}\n`
    this.status = Math.max(this.status, status)
  }

  /** A symlink's final target, for -F marks, -L and the long format. */
  private async targetOf(facts: FileFacts): Promise<FileFacts | undefined> {
    if (facts.kind !== 'symlink') return undefined
    const followed = await inspect(this.ctx.fs, facts.path, true)
    return 'facts' in followed ? followed.facts : undefined
  }

  private async entry(name: string, path: string, follow: boolean): Promise<Entry | string> {
    const found = await inspect(this.ctx.fs, path, false)
    if ('errno' in found) return found.errno
    const target = await this.targetOf(found.facts)
    if (follow && target) return { name, facts: { ...target, path } }
    if (follow && found.facts.kind === 'symlink') return 'ENOENT'
    return target ? { name, facts: found.facts, target } : { name, facts: found.facts }
  }

  private render(entries: Entry[], sizing: readonly Entry[] = entries): string {
    const display = this.settings.display
    switch (this.settings.format) {
      case 'long':
        return longLines(entries, display, sizing)
          .map((l) => l + '\n')
          .join('')
      case 'columns':
        return columns(entries, display, false)
      case 'across':
        return columns(entries, display, true)
      case 'commas':
        return commas(entries, display)
      case 'single':
        return singleColumn(entries, display)
    }
  }

  /** Whether the listing shows anything but names, so that a dangling -L link is an error. */
  private needsStat(): boolean {
    const { format, sort, display } = this.settings
    return (
      format === 'long' ||
      sort === 'time' ||
      sort === 'size' ||
      display.blocks ||
      display.inode ||
      display.color ||
      display.indicator !== 'none'
    )
  }

  private hidden(name: string): boolean {
    const { show, ignore, hide } = this.settings
    if (show === 'all') return false
    if (name === '.' || name === '..') return true
    if (ignore.some((g) => globToRegExp(g).test(name))) return true
    if (show === 'almost-all') return false
    return name.startsWith('.') || hide.some((g) => globToRegExp(g).test(name))
  }

  async listOperands(operands: readonly string[]): Promise<void> {
    const files: Entry[] = []
    const dirs: Entry[] = []
    const { dereference, directoryOnly } = this.settings
    for (const operand of operands) {
      const path = this.ctx.resolve(operand)
      const found = await inspect(this.ctx.fs, path, false)
      if ('errno' in found) {
        this.fail(`cannot access ${quoteFileName(operand)}: ${strerror(found.errno)}`, 2)
        continue
      }
      let facts = found.facts
      const target = await this.targetOf(facts)
      const follow =
        dereference === 'always' ||
        dereference === 'command-line' ||
        operand.endsWith('/') ||
        (dereference === 'command-line-dirs' && target?.kind === 'directory')
      if (follow && target) facts = { ...target, path }
      else if (dereference === 'always' && facts.kind === 'symlink') {
        this.fail(`cannot access ${quoteFileName(operand)}: ${strerror('ENOENT')}`, 2)
        continue
      }
      if (operand.endsWith('/') && facts.kind !== 'directory') {
        this.fail(`cannot access ${quoteFileName(operand)}: ${strerror('ENOTDIR')}`, 2)
        continue
      }
      const entry: Entry = target ? { name: operand, facts, target } : { name: operand, facts }
      if (facts.kind === 'directory' && !directoryOnly) dirs.push(entry)
      else files.push(entry)
    }
    if (files.length > 0) {
      this.stdout += this.render(sortEntries(files, this.settings), [...files, ...dirs])
      this.printedSomething = true
    }
    const many = operands.length > 1 || this.settings.recursive
    for (const dir of sortEntries(dirs, this.settings)) await this.listDirectory(dir, many)
  }

  private async listDirectory(dir: Entry, header: boolean): Promise<void> {
    const fs = this.ctx.fs
    const path = dir.facts.path
    let names: string[]
    try {
      names = (await fs.readdirWithFileTypes(path)).map((e) => e.name)
    } catch {
      this.fail(`cannot open directory ${quoteFileName(dir.name)}: Permission denied`, 2)
      return
    }
    if (header) {
      if (this.printedSomething) this.stdout += '\n'
      this.stdout += `${dir.name}:\n`
    }
    this.printedSomething = true
    const entries: Entry[] = []
    const always = this.settings.dereference === 'always'
    for (const name of ['.', '..', ...names]) {
      if (this.hidden(name)) continue
      const child = name === '.' ? path : name === '..' ? parentOf(path) : joinPath(path, name)
      const entry = await this.entry(name, child, always && this.needsStat())
      if (typeof entry === 'string') {
        const shown = dir.name === '.' ? name : joinPath(dir.name, name)
        this.fail(`cannot access ${quoteFileName(shown)}: ${strerror(entry)}`, 1)
        // A dangling link under -L still gets a line, of question marks.
        const bare = await inspect(this.ctx.fs, child, false)
        if ('facts' in bare) entries.push({ name, facts: bare.facts, unknown: true })
        continue
      }
      entries.push(entry)
    }
    const sorted = sortEntries(entries, this.settings)
    const display = this.settings.display
    if (this.settings.format === 'long' || display.blocks) {
      const total = sorted.reduce((sum, e) => sum + (e.unknown === true ? 0 : e.facts.blocks), 0)
      this.stdout += `total ${blocksText(total, display.human)}\n`
    }
    this.stdout += this.render(sorted)
    if (!this.settings.recursive) return
    for (const entry of sorted) {
      if (entry.name === '.' || entry.name === '..') continue
      if (entry.facts.kind !== 'directory') continue
      const name = dir.name.endsWith('/') ? dir.name + entry.name : `${dir.name}/${entry.name}`
      await this.listDirectory({ ...entry, name }, true)
    }
  }
}

export const ls: ShellCommand = {
  name: 'ls',
  summary: 'list directory contents',
  run: async (args, ctx) => {
    const result = settingsFrom(args, ctx)
    if ('error' in result) return result.error
    const lister = new Lister(ctx, result.settings)
    const operands = result.operands
    await lister.listOperands(operands.length > 0 ? operands : ['.'])
    // GNU resets the terminal's colours once, just before the first coloured name.
    const color = result.settings.display.color
    const stdout = color ? lister.stdout.replace('\x1b[', '\x1b[0m\x1b[') : lister.stdout
    return { stdout, stderr: lister.stderr, exitCode: lister.status }
  },
}
