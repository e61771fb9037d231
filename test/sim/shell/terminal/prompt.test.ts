import { describe, expect, test } from 'vitest'
import {
  continuationPrompt,
  expandPrompt,
  primaryPrompt,
  searchPrompt,
  type PromptContext,
} from '../../../../src/sim/shell/terminal/prompt'
import { initialEnv } from '../../../../src/sim/shell/user-environment'

const ctx = (cwd: string, env: Record<string, string> = initialEnv()): PromptContext => ({
  cwd,
  env,
  historyNumber: 7,
  nowMs: Date.UTC(2026, 0, 5, 14, 3, 9),
})

describe('prompt', () => {
  test("Debian's colour prompt with the home directory shown as ~", () => {
    expect(primaryPrompt(ctx('/home/student'))).toEqual({
      ansi: '\x1b[01;32mstudent@quai\x1b[00m:\x1b[01;34m~\x1b[00m$ ',
      plain: 'student@quai:~$ ',
    })
    expect(primaryPrompt(ctx('/home/student/a/b')).plain).toBe('student@quai:~/a/b$ ')
    expect(primaryPrompt(ctx('/home/studentx')).plain).toBe('student@quai:/home/studentx$ ')
    expect(primaryPrompt(ctx('/')).plain).toBe('student@quai:/$ ')
  })

  test('a PS1 the student sets is used, with bash escapes', () => {
    const env = { ...initialEnv(), PS1: '[\\t \\W] \\[\\e[1m\\]\\!\\[\\e[0m\\]\\$ ' }
    expect(primaryPrompt(ctx('/var/log', env))).toEqual({
      ansi: '[14:03:09 log] \x1b[1m7\x1b[0m$ ',
      plain: '[14:03:09 log] 7$ ',
    })
  })

  test('escape sequences outside \\[ \\] take no room on screen', () => {
    expect(expandPrompt('\\e[31m>\\e[0m ', ctx('/')).plain).toBe('> ')
  })

  test('a multi-line prompt ends its lines with CR LF', () => {
    expect(expandPrompt('\\w\\n\\$ ', ctx('/tmp')).ansi).toBe('/tmp\r\n$ ')
  })

  test('the continuation and search prompts', () => {
    expect(continuationPrompt(ctx('/')).plain).toBe('> ')
    expect(searchPrompt('ech', false).plain).toBe("(reverse-i-search)`ech': ")
    expect(searchPrompt('x', true).plain).toBe("(failed reverse-i-search)`x': ")
  })
})
