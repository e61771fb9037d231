import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { Session } from '../../../../src/sim/shell/session'

/** `docker … --help` recorded from the real docker 28.2.2 client, one file per command path. */
const GOLDEN = join(__dirname, 'golden', 'help-28.2.2')

const golden = (name: string): string => readFileSync(join(GOLDEN, `${name}.txt`), 'utf8')

async function run(session: Session, line: string) {
  const r = await session.run(line)
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
}

describe('docker help', () => {
  test('docker --help and plain docker print docker 28.2.2’s root help', async () => {
    const session = await Session.create()
    expect(await run(session, 'docker --help')).toEqual({
      stdout: golden('root'),
      stderr: '',
      exitCode: 0,
    })
    expect((await run(session, 'docker')).stdout).toBe(golden('root'))
  })

  test.each(
    readdirSync(GOLDEN)
      .map((f) => f.replace(/\.txt$/, ''))
      .filter((name) => name !== 'root'),
  )('docker %s --help is the real text', async (name) => {
    const session = await Session.create()
    const line = `docker ${name.replace(/-/g, ' ')} --help`
    expect(await run(session, line)).toEqual({ stdout: golden(name), stderr: '', exitCode: 0 })
  })

  test('a management command alone prints its help, -h too', async () => {
    const session = await Session.create()
    expect(await run(session, 'docker network')).toEqual({
      stdout: golden('network'),
      stderr: '',
      exitCode: 0,
    })
    expect((await run(session, 'docker volume -h')).stdout).toBe(golden('volume'))
  })

  test('an unknown subcommand asking for --help gets the group help, as cobra answers', async () => {
    const session = await Session.create()
    expect((await run(session, 'docker network foo --help')).stdout).toBe(golden('network'))
  })

  test('unknown commands and subcommands fail as docker 28.2.2 words it', async () => {
    const session = await Session.create()
    expect(await run(session, 'docker foo')).toEqual({
      stdout: '',
      stderr: "docker: unknown command: docker foo\n\nRun 'docker --help' for more information\n",
      exitCode: 1,
    })
    expect(await run(session, 'docker image foo')).toEqual({
      stdout: '',
      stderr:
        "docker: unknown command: docker image foo\n\nUsage:  docker image\n\nRun 'docker image --help' for more information\n",
      exitCode: 1,
    })
    expect((await run(session, 'docker system dff')).stderr).toBe(
      "docker: unknown command: docker system dff\n\nUsage:  docker system\n\nRun 'docker system --help' for more information\n",
    )
  })

  test('a real command the simulation lacks says so instead of "unknown command"', async () => {
    const session = await Session.create()
    expect(await run(session, 'docker swarm init')).toEqual({
      stdout: '',
      stderr:
        "Quai: 'docker swarm' is a real docker command, but this simulated Docker does not implement it.\nRun 'docker --help' for the commands you can use here.\n",
      exitCode: 1,
    })
    expect((await run(session, 'docker volume update v')).stderr).toBe(
      "Quai: 'docker volume update' is a real docker command, but this simulated Docker does not implement it.\nRun 'docker --help' for the commands you can use here.\n",
    )
  })

  test('an alias path is named by the command’s own name in errors', async () => {
    const session = await Session.create()
    expect(await run(session, 'docker image list --bad')).toEqual({
      stdout: '',
      stderr:
        "unknown flag: --bad\n\nUsage:  docker image ls [OPTIONS] [REPOSITORY[:TAG]]\n\nRun 'docker image ls --help' for more information\n",
      exitCode: 125,
    })
    expect((await run(session, 'docker images --bad')).stderr).toBe(
      "unknown flag: --bad\n\nUsage:  docker images [OPTIONS] [REPOSITORY[:TAG]]\n\nRun 'docker images --help' for more information\n",
    )
    expect((await run(session, 'docker network list -x')).stderr).toBe(
      "unknown shorthand flag: 'x' in -x\n\nUsage:  docker network ls [OPTIONS]\n\nRun 'docker network ls --help' for more information\n",
    )
  })

  test('argument counts are checked with cobra’s messages, "SRun" quirk included', async () => {
    const session = await Session.create()
    const cases: Array<[string, string]> = [
      [
        'docker image ls a b',
        "docker: 'docker image ls' requires at most 1 argument\n\nUsage:  docker image ls [OPTIONS] [REPOSITORY[:TAG]]\n\nSRun 'docker image ls --help' for more information\n",
      ],
      [
        'docker rmi',
        "docker: 'docker rmi' requires at least 1 argument\n\nUsage:  docker rmi [OPTIONS] IMAGE [IMAGE...]\n\nSee 'docker rmi --help' for more information\n",
      ],
      [
        'docker tag a',
        "docker: 'docker tag' requires 2 arguments\n\nUsage:  docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]\n\nRun 'docker tag --help' for more information\n",
      ],
      [
        'docker network create',
        "docker: 'docker network create' requires 1 argument\n\nUsage:  docker network create [OPTIONS] NETWORK\n\nRun 'docker network create --help' for more information\n",
      ],
      [
        'docker network connect a',
        "docker: 'docker network connect' requires 2 arguments\n\nUsage:  docker network connect [OPTIONS] NETWORK CONTAINER\n\nRun 'docker network connect --help' for more information\n",
      ],
      [
        'docker volume create a b',
        "docker: 'docker volume create' requires at most 1 argument\n\nUsage:  docker volume create [OPTIONS] [VOLUME]\n\nSRun 'docker volume create --help' for more information\n",
      ],
      [
        'docker version x',
        "docker: 'docker version' accepts no arguments\n\nUsage:  docker version [OPTIONS]\n\nRun 'docker version --help' for more information\n",
      ],
      [
        'docker system df x',
        "docker: 'docker system df' accepts no arguments\n\nUsage:  docker system df [OPTIONS]\n\nRun 'docker system df --help' for more information\n",
      ],
    ]
    for (const [line, stderr] of cases)
      expect(await run(session, line)).toEqual({ stdout: '', stderr, exitCode: 1 })
  })
})
