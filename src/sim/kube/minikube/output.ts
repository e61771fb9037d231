/**
 * minikube's console output (pkg/minikube/out + style): every step is one line with an emoji
 * prefix followed by two spaces when the terminal takes colour, or a 7-bit prefix (`* `, `  - `,
 * `! `, `X `) when it does not (a pipe, `MINIKUBE_IN_STYLE=false`). Steps go to stdout,
 * warnings and the "Exiting due to" block to stderr. Lines reach the terminal as they are
 * written, so a long `minikube start` shows its phases one after the other.
 */
import type { CommandContext, CommandOutput } from '../../shell/command'
import { CommandStreams } from '../../docker/cli/streams'

/** The style names of pkg/minikube/style, with their emoji prefix and their low-fi prefix. */
const STYLES = {
  happy: ['😄  ', '* '],
  enabling: ['🔌  ', '* '],
  sparkle: ['✨  ', '* '],
  notice: ['📌  ', '* '],
  thumbsUp: ['👍  ', '* '],
  pulling: ['🚜  ', '* '],
  startingVm: ['🔥  ', '* '],
  docker: ['🐳  ', '* '],
  option: ['    ▪ ', '  - '],
  cni: ['🔗  ', '* '],
  healthCheck: ['🔎  ', '* '],
  addonEnable: ['🌟  ', '* '],
  addonDisable: ['🌑  ', '* '],
  ready: ['🏄  ', '* '],
  restarting: ['🔄  ', '* '],
  running: ['🏃  ', '* '],
  stopping: ['✋  ', '* '],
  stopped: ['🛑  ', '* '],
  deletingHost: ['🔥  ', '* '],
  deleted: ['💀  ', '* '],
  shrug: ['🤷  ', '* '],
  workaround: ['👉  ', '  '],
  url: ['👉  ', '  '],
  internet: ['🌐  ', '* '],
  warning: ['❗  ', '! '],
  failure: ['❌  ', 'X '],
  unmet: ['⛔  ', 'X '],
  check: ['✅  ', '* '],
  pause: ['⏸️  ', '* '],
  unpause: ['⏯️  ', '* '],
  celebrate: ['🎉  ', '* '],
  tip: ['💡  ', '* '],
  usage: ['💡  ', '* '],
  verifying: ['🤔  ', '* '],
  running2: ['🏃  ', '* '],
  documentation: ['📘  ', '* '],
  launch: ['🚀  ', '* '],
  waiting: ['⌛  ', '* '],
  empty: ['', ''],
  indent: ['    ', '  '],
  sad: ['😿  ', '* '],
  meh: ['🙄  ', '! '],
  permissions: ['🔑  ', '* '],
  kubectl: ['💗  ', '* '],
  dryRun: ['🌵  ', '* '],
  conflict: ['💢  ', '! '],
  notAllowed: ['🚫  ', 'X '],
  new: ['🆕  ', '* '],
} as const satisfies Record<string, readonly [string, string]>

export type Style = keyof typeof STYLES

/** minikube's decision (out.wantsColor): MINIKUBE_IN_STYLE wins, else a colour TERM on a tty. */
export function wantsStyle(ctx: CommandContext): boolean {
  const override = ctx.env.get('MINIKUBE_IN_STYLE')
  if (override !== undefined && override !== '') {
    const v = override.toLowerCase()
    if (['1', 't', 'true'].includes(v)) return true
    if (['0', 'f', 'false'].includes(v)) return false
  }
  const term = ctx.env.get('TERM') ?? ''
  const colorTerm = ctx.env.get('COLORTERM') ?? ''
  const colour =
    term.includes('color') || ['truecolor', '24bit', 'yes'].some((c) => colorTerm.includes(c))
  return colour && ctx.tty !== undefined
}

/** A "Exiting due to" failure: minikube's reason id (MK_USAGE…) and its exit code. */
export interface ExitReason {
  readonly id: string
  readonly code: number
  readonly style?: Style
}

export const REASONS = {
  usage: { id: 'MK_USAGE', code: 14 },
  guestNodeRetrieve: { id: 'GUEST_NODE_RETRIEVE', code: 85 },
  insufficientMemory: { id: 'RSRC_INSUFFICIENT_REQ_MEMORY', code: 23, style: 'unmet' },
  overAllocMemory: { id: 'RSRC_OVER_ALLOC_MEM', code: 23, style: 'unmet' },
  insufficientCores: { id: 'RSRC_INSUFFICIENT_CORES', code: 29, style: 'unmet' },
  overAllocCores: { id: 'RSRC_OVER_ALLOC_CORES', code: 29, style: 'unmet' },
  k8sOld: { id: 'K8S_OLD_UNSUPPORTED', code: 106 },
  k8sDowngrade: { id: 'K8S_DOWNGRADE_UNSUPPORTED', code: 106 },
  k8sNew: { id: 'K8S_NEWER_UNSUPPORTED', code: 106 },
  driverUnsupported: { id: 'DRV_UNSUPPORTED_OS', code: 56 },
  driverNotFound: { id: 'DRV_NOT_FOUND', code: 55 },
  driverNotDetected: { id: 'DRV_NOT_DETECTED', code: 56 },
  svcNotFound: { id: 'SVC_NOT_FOUND', code: 115 },
  svcUnreachable: { id: 'SVC_UNREACHABLE', code: 119 },
  addonNotFound: { id: 'MK_ADDON_ENABLE', code: 10 },
  guestNotRunning: { id: 'GUEST_NOT_RUNNING', code: 83 },
  guestNodeDelete: { id: 'GUEST_NODE_DELETE', code: 80 },
  profileNotFound: { id: 'MK_USAGE', code: 14 },
  configUnset: { id: 'MK_CONFIG_UNSET', code: 18 },
} as const satisfies Record<string, ExitReason>

/** minikube's output for one command run, collected or live on the terminal. */
export class MinikubeOut {
  readonly streams: CommandStreams
  readonly styled: boolean

  constructor(ctx: CommandContext) {
    this.streams = new CommandStreams(ctx.tty)
    this.styled = wantsStyle(ctx)
  }

  /** The line as minikube styles it, with its newline. */
  line(style: Style, text: string): string {
    const [emoji, low] = STYLES[style]
    return `${this.styled ? emoji : low}${text}\n`
  }

  /** out.Step: a styled line on stdout. */
  step(style: Style, text: string): void {
    this.streams.out(this.line(style, text))
  }

  /** out.ErrT: a styled line on stderr. */
  err(style: Style, text: string): void {
    this.streams.err(this.line(style, text))
  }

  /** out.WarningT: `❗  text` on stderr. */
  warning(text: string): void {
    this.err('warning', text)
  }

  out(text: string): void {
    this.streams.out(text)
  }

  /** From now on, lines reach the terminal as they are written. */
  live(): void {
    this.streams.goLive()
  }

  result(exitCode = 0): CommandOutput {
    return this.streams.result(exitCode)
  }

  /** exit.Message: a blank line, `❌  Exiting due to ID: message` on stderr, a blank line. */
  exit(reason: ExitReason, message: string): CommandOutput {
    this.streams.out('\n')
    this.err(reason.style ?? 'failure', `Exiting due to ${reason.id}: ${message}`)
    this.streams.out('\n')
    return this.result(reason.code)
  }
}

/** ExampleCmd: `minikube start`, or `minikube start -p dev` for another profile. */
export function exampleCommand(profile: string, action: string): string {
  return profile === 'minikube' ? `minikube ${action}` : `minikube ${action} -p ${profile}`
}
