import { describe, expect, test } from 'vitest'
import type { Session } from '../../../../src/sim/shell/session'
import { bareClusterSession } from './get-fixture'

async function complete(session: Session, line: string): Promise<string[] | undefined> {
  const words = line.split(' ')
  const kubectl = session.commands.get('kubectl')
  const result = await kubectl?.complete?.({ words, cwd: session.cwd, fs: session.fs })
  const typed = words[words.length - 1] ?? ''
  return result?.filter((c) => c.startsWith(typed))
}

describe('kubectl Tab completion', () => {
  test('commands, subcommands and flags', async () => {
    const { session } = await bareClusterSession()
    expect(await complete(session, 'kubectl ge')).toEqual(['get'])
    expect(await complete(session, 'kubectl config use')).toEqual(['use-context'])
    expect(await complete(session, 'kubectl get --show-')).toEqual([
      '--show-kind',
      '--show-labels',
      '--show-managed-fields',
    ])
  })

  test('resource types, then object names in the namespace, namespaces after -n', async () => {
    const f = await bareClusterSession()
    f.create('ConfigMap', { metadata: { name: 'settings', namespace: 'default' } })
    f.create('ConfigMap', { metadata: { name: 'other', namespace: 'kube-system' } })
    expect(await complete(f.session, 'kubectl get deploy')).toEqual(['deployments.apps'])
    expect(await complete(f.session, 'kubectl get configmaps ')).toEqual(['settings'])
    expect(await complete(f.session, 'kubectl get -n kube-system cm ')).toEqual(['other'])
    expect(await complete(f.session, 'kubectl get pods -n ')).toEqual(['default', 'kube-system'])
  })

  test('context names for config use-context', async () => {
    const { session } = await bareClusterSession()
    expect(await complete(session, 'kubectl config use-context ')).toEqual(['minikube'])
  })
})
