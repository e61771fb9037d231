import type { ShellCommand } from '../command'
import { cat } from './cat'
import { chmod } from './chmod'
import { clear } from './clear'
import { cp } from './cp'
import { diff } from './diff'
import { du } from './du'
import { grep } from './grep'
import { head } from './head'
import { help } from './help'
import { history } from './history'
import { hostname } from './hostname'
import { ln } from './ln'
import { ls } from './ls'
import { mkdir } from './mkdir'
import { mv } from './mv'
import { realpath } from './realpath'
import { rm } from './rm'
import { rmdir } from './rmdir'
import { sort } from './sort'
import { stat } from './stat'
import { tail } from './tail'
import { touch } from './touch'
import { tree } from './tree'
import { uniq } from './uniq'
import { wc } from './wc'
import { whoami } from './whoami'

/** The shell commands Quai provides itself, over the interpreter's own. */
export const builtinCommands: readonly ShellCommand[] = [
  cat,
  chmod,
  clear,
  cp,
  diff,
  du,
  grep,
  head,
  help,
  history,
  hostname,
  ln,
  ls,
  mkdir,
  mv,
  realpath,
  rm,
  rmdir,
  sort,
  stat,
  tail,
  touch,
  tree,
  uniq,
  wc,
  whoami,
]
