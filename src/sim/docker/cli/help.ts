import { flagUsagesWrapped } from '../../cli-kit/flag-help'
import type { ArgRule, DockerCommand } from './command'

/** `docker X --help`, in docker 28's layout; `path` is the one the user typed. */
export function commandHelp(command: DockerCommand, path: string): string {
  const parts = [`Usage:  ${path} ${command.use}`, '', command.long ?? command.short, '']
  if (command.aliases && command.aliases.length > 0)
    parts.push('Aliases:', `  ${command.aliases.join(', ')}`, '')
  const options = flagUsagesWrapped(command.flags(), 79)
  if (options.trim() !== '') parts.push('Options:', options.replace(/\n$/, ''), '')
  // Every section ends in a blank entry, so the text ends with exactly one newline, as docker's.
  return parts.join('\n')
}

const plural = (n: number): string => (n === 1 ? 'argument' : 'arguments')

/** cobra's argument-count message, framed as docker 28 frames it; undefined when fine. */
export function argumentError(
  command: DockerCommand,
  path: string,
  count: number,
): string | undefined {
  const rule: ArgRule = command.args
  let problem: string | undefined
  if (rule.kind === 'none' && count > 0) problem = `'${path}' accepts no arguments`
  if (rule.kind === 'min' && count < rule.count)
    problem = `'${path}' requires at least ${rule.count} ${plural(rule.count)}`
  if (rule.kind === 'max' && count > rule.count)
    problem = `'${path}' requires at most ${rule.count} ${plural(rule.count)}`
  if (rule.kind === 'exact' && count !== rule.count)
    problem = `'${path}' requires ${rule.count} ${plural(rule.count)}`
  if (rule.kind === 'range' && (count < rule.min || count > rule.max))
    problem = `'${path}' requires at least ${rule.min} and at most ${rule.max} ${plural(rule.max)}`
  if (problem === undefined) return undefined
  // docker/cli's RequiresMinArgs says "See"; the other validators say "Run", and docker 28.2.2
  // prints RequiresMaxArgs' with a stray "S" in front of it ("SRun 'docker image ls --help'").
  const verb = rule.kind === 'min' ? 'See' : rule.kind === 'max' ? 'SRun' : 'Run'
  return `docker: ${problem}\n\nUsage:  ${path} ${command.use}\n\n${verb} '${path} --help' for more information\n`
}
