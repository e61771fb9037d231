import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, test } from 'vitest'
import { LAUNCHER, ensureBundle, tempDir } from './helpers'

/**
 * The interactive host on a real pseudo-terminal: tmux runs `quai` in a 100x30 pane, sends
 * keys, and reads the screen back. A private tmux server (-L) keeps the user's sessions apart.
 */
const hasTmux = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0
if (!hasTmux) console.log('interactive tmux test skipped: no tmux on PATH')

const SOCKET = `quai-test-${process.pid}`
const SESSION = 'quai'

function tmux(...args: string[]): { status: number; stdout: string } {
  const result = spawnSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' })
  return { status: result.status ?? -1, stdout: result.stdout }
}

function screen(): string {
  return tmux('capture-pane', '-p', '-t', SESSION).stdout
}

/** Polls until `ready()` holds, failing with the last screen after `timeoutMs`. */
async function waitFor(what: string, ready: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!ready()) {
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; screen:\n${screen()}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe.skipIf(!hasTmux)('quai on a terminal (tmux)', () => {
  let dir = ''

  beforeAll(ensureBundle, 120_000)

  afterEach(() => {
    tmux('kill-server')
    if (dir !== '') rmSync(dir, { recursive: true, force: true })
  })

  test('runs typed lines, shows the prompt with the cwd, and ends on `exit`', async () => {
    dir = tempDir('quai-tmux-')
    const statusFile = join(dir, 'status')
    const command = `"${process.execPath}" "${LAUNCHER}"; echo $? > "${statusFile}"`
    const started = tmux('new-session', '-d', '-s', SESSION, '-x', '100', '-y', '30', command)
    expect(started.status).toBe(0)

    await waitFor('the first prompt', () => screen().includes('student@quai:~$'))
    tmux('send-keys', '-t', SESSION, '-l', 'mkdir -p a/b && cd a/b && pwd')
    tmux('send-keys', '-t', SESSION, 'Enter')
    await waitFor('the new prompt', () => screen().includes('student@quai:~/a/b$'))

    const lines = screen().split('\n')
    const typed = lines.findIndex((l) =>
      l.endsWith('student@quai:~$ mkdir -p a/b && cd a/b && pwd'),
    )
    expect(typed).toBeGreaterThanOrEqual(0)
    expect(lines[typed + 1]).toBe('/home/student/a/b')
    expect(lines[typed + 2]).toBe('student@quai:~/a/b$')

    tmux('send-keys', '-t', SESSION, '-l', 'exit')
    tmux('send-keys', '-t', SESSION, 'Enter')
    await waitFor('the tmux session to end', () => tmux('has-session', '-t', SESSION).status !== 0)
    await waitFor(
      'the exit status',
      () => existsSync(statusFile) && readFileSync(statusFile, 'utf8') !== '',
    )
    expect(readFileSync(statusFile, 'utf8')).toBe('0\n')
  }, 30_000)
})
