/** minikube's Tab completion: commands, subcommands, addons, profiles after -p, node names. */
import { beforeAll, describe, expect, test } from 'vitest'
import { Session } from '../../../../src/sim/shell/session'

async function complete(session: Session, line: string): Promise<string[] | undefined> {
  const words = line.split(' ')
  const minikube = session.commands.get('minikube')
  const result = await minikube?.complete?.({ words, cwd: session.cwd, fs: session.fs })
  const typed = words[words.length - 1] ?? ''
  return result?.filter((c) => c.startsWith(typed))
}

describe('minikube Tab completion', () => {
  let s: Session
  beforeAll(async () => {
    s = await Session.create({ seed: 1 })
    expect((await s.run('minikube start', { history: false })).exitCode).toBe(0)
    expect((await s.run('minikube node add', { history: false })).exitCode).toBe(0)
    expect((await s.run('minikube start -p dev', { history: false })).exitCode).toBe(0)
  })

  test('minikube <Tab> lists the top-level commands', async () => {
    const commands = (await complete(s, 'minikube ')) ?? []
    for (const c of ['addons', 'dashboard', 'ip', 'node', 'service', 'start', 'stop', 'tunnel'])
      expect(commands).toContain(c)
    expect(commands).toEqual([...commands].sort())
    expect(await complete(s, 'minikube sta')).toEqual(['start', 'status'])
  })

  test('minikube node <Tab> lists node’s subcommands', async () => {
    expect(await complete(s, 'minikube node ')).toEqual(['add', 'delete', 'list', 'start', 'stop'])
  })

  test('minikube addons enable <Tab> lists addon names', async () => {
    const addons = (await complete(s, 'minikube addons enable ')) ?? []
    expect(addons).toContain('ingress')
    expect(addons).toContain('metrics-server')
    expect(await complete(s, 'minikube addons enable metrics')).toEqual(['metrics-server'])
  })

  test('minikube -p <Tab> lists the profiles', async () => {
    expect(await complete(s, 'minikube -p ')).toEqual(['dev', 'minikube'])
    expect(await complete(s, 'minikube status --profile ')).toEqual(['dev', 'minikube'])
  })

  test('minikube node stop <Tab> lists the nodes of the profile', async () => {
    expect(await complete(s, 'minikube node stop ')).toEqual(['minikube', 'minikube-m02'])
    expect(await complete(s, 'minikube -p dev node stop ')).toEqual(['dev'])
  })
})
