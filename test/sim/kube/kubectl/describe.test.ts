/**
 * `kubectl describe` as a command: how it finds objects (TYPE NAME, TYPE/NAME, lists, -l, -A,
 * -f), the blank lines between descriptions, the name-prefix fallback and kubectl's error texts.
 * Expected texts come from kubectl 1.32 run against a fake API server serving the same objects.
 */
import { describe as suite, expect, it } from 'vitest'
import type { KubeObject } from '../../../../src/sim/kube/api/object'
import { describeCommand } from '../../../../src/sim/kube/kubectl/describe'
import { writeHarness, type WriteHarness } from './write-context'

const configMap = (
  name: string,
  data?: Record<string, string>,
  labels?: Record<string, string>,
): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'default', ...(labels ? { labels } : {}) },
  ...(data ? { data } : {}),
})

const cmText = (name: string, data = '', labels = '<none>'): string =>
  `Name:         ${name}
Namespace:    default
Labels:       ${labels}
Annotations:  <none>

Data
====
${data}
BinaryData
====

Events:  <none>
`

async function harness(): Promise<WriteHarness> {
  const h = await writeHarness()
  h.put(configMap('app-a', { mode: 'fast' }, { tier: 'web' }))
  h.put(configMap('app-b'))
  h.put(configMap('other'))
  return h
}

const run = async (argv: string[]): Promise<{ stdout: string; stderr: string; exitCode: number }> =>
  (await harness()).run(describeCommand, argv)

const A = cmText('app-a', 'mode:\n----\nfast\n\n', 'tier=web')

suite('kubectl describe', () => {
  it('describes one object named by TYPE NAME', async () => {
    expect(await run(['configmap', 'app-a'])).toEqual({ stdout: A, stderr: '', exitCode: 0 })
  })

  it('separates the objects of a list with a blank line', async () => {
    expect(await run(['cm'])).toEqual({
      stdout: `${A}\n\n${cmText('app-b')}\n\n${cmText('other')}`,
      stderr: '',
      exitCode: 0,
    })
  })

  it('describes TYPE/NAME arguments in order', async () => {
    expect(await run(['cm/other', 'configmaps/app-b'])).toEqual({
      stdout: `${cmText('other')}\n\n${cmText('app-b')}`,
      stderr: '',
      exitCode: 0,
    })
  })

  it('falls back to every object whose name starts with NAME, each followed by a newline', async () => {
    expect(await run(['cm', 'app'])).toEqual({
      stdout: `${A}\n${cmText('app-b')}\n`,
      stderr: '',
      exitCode: 0,
    })
  })

  it('reports NotFound when no name starts with NAME', async () => {
    expect(await run(['cm', 'zzz'])).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): configmaps "zzz" not found\n',
      exitCode: 1,
    })
  })

  it('describes what exists and reports each missing name after it', async () => {
    expect(await run(['cm', 'a', 'app-b', 'b'])).toEqual({
      stdout: cmText('app-b'),
      stderr:
        'Error from server (NotFound): configmaps "a" not found\nError from server (NotFound): configmaps "b" not found\n',
      exitCode: 1,
    })
  })

  it('only reports the first TYPE/NAME when two are given and it is missing', async () => {
    expect(await run(['cm/zzz', 'cm/app-b'])).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): configmaps "zzz" not found\n',
      exitCode: 1,
    })
  })

  it('filters a list with -l', async () => {
    expect(await run(['cm', '-l', 'tier=web'])).toEqual({ stdout: A, stderr: '', exitCode: 0 })
  })

  it('says no resources were found in the namespace when -l matches nothing', async () => {
    expect(await run(['cm', '-l', 'tier=db'])).toEqual({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
      exitCode: 0,
    })
  })

  it('says no resources were found when -A -l matches nothing', async () => {
    expect(await run(['cm', '-A', '-l', 'tier=db'])).toEqual({
      stdout: '',
      stderr: 'No resources found\n',
      exitCode: 0,
    })
  })

  it('leaves out events with --show-events=false', async () => {
    expect(await run(['cm', 'app-b', '--show-events=false'])).toEqual({
      stdout: cmText('app-b').replace('Events:  <none>\n', ''),
      stderr: '',
      exitCode: 0,
    })
  })

  it('describes the objects a manifest file names', async () => {
    const h = await harness()
    await h.shell.fs.writeFile(
      '/home/student/cm.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-b\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\n',
    )
    expect(await h.run(describeCommand, ['-f', 'cm.yaml'])).toEqual({
      stdout: `${cmText('app-b')}\n\n${cmText('other')}`,
      stderr: '',
      exitCode: 0,
    })
  })

  it('asks for a resource type when given nothing', async () => {
    expect(await run([])).toEqual({
      stdout: '',
      stderr:
        'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
      exitCode: 1,
    })
  })

  it('rejects an unknown resource type', async () => {
    expect(await run(['foo'])).toEqual({
      stdout: '',
      stderr: 'error: the server doesn\'t have a resource type "foo"\n',
      exitCode: 1,
    })
  })

  it('rejects names together with a selector', async () => {
    expect(await run(['cm', 'app-a', '-l', 'tier=web'])).toEqual({
      stdout: '',
      stderr: 'error: name cannot be provided when a selector is specified\n',
      exitCode: 1,
    })
  })

  it('rejects a type argument before TYPE/NAME arguments', async () => {
    expect(await run(['cm', 'cm/app-a'])).toEqual({
      stdout: '',
      stderr:
        "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n",
      exitCode: 1,
    })
  })

  it('prints the connection failure when no cluster answers', async () => {
    const h = await writeHarness({ connected: false })
    expect(await h.run(describeCommand, ['pods'])).toEqual({
      stdout: '',
      stderr:
        'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n',
      exitCode: 1,
    })
  })
})
