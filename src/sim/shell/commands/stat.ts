import type { ShellCommand } from '../command'
import { inspect, modeString, strerror, type FileFacts } from './file-facts'
import { parseCommandLine, type OptionSpec } from './options'
import { quoteFileName, shellEscape } from './quoting'
import { strftime } from './time-format'

/**
 * GNU stat. The filesystem keeps one time per file, so access, change and birth times all show
 * the modification time; device and inode numbers are plausible inventions (see file-facts.ts).
 */

const SPEC: OptionSpec = {
  short: 'c:fLt',
  long: {
    format: { short: 'c', arg: 'required' },
    printf: { arg: 'required' },
    dereference: { short: 'L' },
    'file-system': { short: 'f' },
    terse: { short: 't' },
    cached: { arg: 'required' },
    help: {},
    version: {},
  },
}

const HELP = `Usage: stat [OPTION]... FILE...
Display file or file system status.

  -L, --dereference     follow links
  -c  --format=FORMAT   use the specified FORMAT instead of the default;
                          output a newline after each use of FORMAT
      --printf=FORMAT   like --format, but interpret backslash escapes,
                          and do not output a mandatory trailing newline
  -t, --terse           print the information in terse form
      --help        display this help and exit
`

const TYPE_NAMES: Readonly<Record<FileFacts['kind'], string>> = {
  file: 'regular file',
  directory: 'directory',
  symlink: 'symbolic link',
  'char-device': 'character special file',
}

function typeName(f: FileFacts): string {
  return f.kind === 'file' && f.size === 0 ? 'regular empty file' : TYPE_NAMES[f.kind]
}

const fullTime = (ms: number): string => strftime(ms, '%Y-%m-%d %H:%M:%S.%N %z')
const sectors = (f: FileFacts): number => f.blocks * 2

function directive(letter: string, f: FileFacts, name: string): string | undefined {
  const seconds = String(Math.floor(f.mtimeMs / 1000))
  switch (letter) {
    case 'a':
      return (f.perms & 0o7777).toString(8)
    case 'A':
      return modeString(f.kind, f.perms)
    case 'b':
      return String(sectors(f))
    case 'B':
      return '512'
    case 'd':
      return String(f.kind === 'char-device' ? 6 : 65024)
    case 'D':
      return f.kind === 'char-device' ? '6' : 'fe00'
    case 'f':
      return (
        f.perms |
        { file: 0o100000, directory: 0o40000, symlink: 0o120000, 'char-device': 0o20000 }[f.kind]
      ).toString(16)
    case 'F':
      return typeName(f)
    case 'g':
      return String(f.gid)
    case 'G':
      return f.group
    case 'h':
      return String(f.links)
    case 'i':
      return String(f.inode)
    case 'n':
      return name
    case 'N':
      return f.kind === 'symlink'
        ? `${quoteFileName(name)} -> ${quoteFileName(f.target ?? '')}`
        : quoteFileName(name)
    case 'o':
      return '4096'
    case 's':
      return String(f.size)
    case 't':
      return f.device ? f.device[0].toString(16) : '0'
    case 'T':
      return f.device ? f.device[1].toString(16) : '0'
    case 'u':
      return String(f.uid)
    case 'U':
      return f.owner
    case 'w':
    case 'x':
    case 'y':
    case 'z':
      return fullTime(f.mtimeMs)
    case 'W':
    case 'X':
    case 'Y':
    case 'Z':
      return seconds
    case '%':
      return '%'
    default:
      return undefined
  }
}

function render(format: string, f: FileFacts, name: string): string {
  let out = ''
  for (let i = 0; i < format.length; i++) {
    const ch = format.charAt(i)
    if (ch !== '%' || i + 1 >= format.length) {
      out += ch
      continue
    }
    const letter = format.charAt(++i)
    out += directive(letter, f, name) ?? `?`
  }
  return out
}

function unescape(text: string): string {
  const map: Readonly<Record<string, string>> = {
    n: '\n',
    t: '\t',
    '\\': '\\',
    '"': '"',
    a: '\x07',
  }
  return text.replace(/\\(.)/g, (_, c: string) => map[c] ?? `\\${c}`)
}

function defaultReport(f: FileFacts, name: string): string {
  const shown =
    f.kind === 'symlink'
      ? `${shellEscape(name)} -> ${shellEscape(f.target ?? '')}`
      : shellEscape(name)
  const device = f.kind === 'char-device' ? '0,6' : '254,0'
  const deviceType = f.device ? `     Device type: ${f.device[0]},${f.device[1]}` : ''
  const id = (n: number, who: string): string => `(${String(n).padStart(5)}/${who.padStart(8)})`
  const time = fullTime(f.mtimeMs)
  return (
    `  File: ${shown}\n` +
    `  Size: ${String(f.size).padEnd(10)}\tBlocks: ${String(sectors(f)).padEnd(10)} IO Block: 4096   ${typeName(f)}\n` +
    `Device: ${device}\tInode: ${String(f.inode).padEnd(11)} Links: ${f.links}${deviceType}\n` +
    `Access: (${(f.perms & 0o7777).toString(8).padStart(4, '0')}/${modeString(f.kind, f.perms)})  Uid: ${id(f.uid, f.owner)}   Gid: ${id(f.gid, f.group)}\n` +
    `Access: ${time}\nModify: ${time}\nChange: ${time}\n Birth: ${time}\n`
  )
}

export const stat: ShellCommand = {
  name: 'stat',
  summary: 'display file or file system status',
  run: async (args, ctx) => {
    const parsed = parseCommandLine('stat', args, SPEC)
    if (!parsed.ok) return { stdout: '', stderr: parsed.error, exitCode: 1 }
    let format: string | undefined
    let printf = false
    let follow = false
    let terse = false
    for (const { name, value } of parsed.options) {
      if (name === 'help') return { stdout: HELP, stderr: '', exitCode: 0 }
      if (name === 'version')
        return { stdout: 'stat (GNU coreutils) 9.1\n', stderr: '', exitCode: 0 }
      if (name === 'c') [format, printf] = [value, false]
      if (name === 'printf') [format, printf] = [value, true]
      if (name === 'L') follow = true
      if (name === 't') terse = true
    }
    if (parsed.operands.length === 0)
      return {
        stdout: '',
        stderr: "stat: missing operand\nTry 'stat --help' for more information.\n",
        exitCode: 1,
      }
    let stdout = ''
    let stderr = ''
    let exitCode = 0
    for (const operand of parsed.operands) {
      const found = await inspect(ctx.fs, ctx.resolve(operand), follow)
      if ('errno' in found) {
        stderr += `stat: cannot statx ${quoteFileName(operand)}: ${strerror(found.errno)}\n`
        exitCode = 1
        continue
      }
      const f = found.facts
      if (format !== undefined)
        stdout += printf ? unescape(render(format, f, operand)) : render(format, f, operand) + '\n'
      else if (terse)
        stdout += render('%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o', f, operand) + '\n'
      else stdout += defaultReport(f, operand)
    }
    return { stdout, stderr, exitCode }
  },
}
