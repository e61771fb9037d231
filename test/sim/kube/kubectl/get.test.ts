import { beforeEach, describe, expect, test } from 'vitest'
import { servedType } from '../../../../src/sim/kube/api/resources'
import { bareClusterSession, type Fixture } from './get-fixture'

let f: Fixture

const run = (line: string): ReturnType<Fixture['session']['run']> => f.session.run(line)

async function withObjects(): Promise<Fixture> {
  const fx = await bareClusterSession()
  const pod = (name: string, namespace: string, labels: Record<string, string>): void =>
    fx.create('Pod', {
      metadata: { name, namespace, labels },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    })
  pod('web-1', 'default', { app: 'web', tier: 'fe' })
  pod('db-0', 'default', { app: 'db', 'app.kubernetes.io/name': 'pg' })
  pod('coredns-x', 'kube-system', { 'k8s-app': 'kube-dns' })
  fx.create('Deployment', {
    metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
      },
    },
  })
  fx.session.clock.advance(5 * 60_000)
  return fx
}

beforeEach(async () => {
  f = await withObjects()
})

describe('kubectl get tables', () => {
  test('lists the namespace’s pods with the server’s columns', async () => {
    const r = await run('kubectl get pods')
    expect(r.stdout).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE\n' +
        'db-0    0/1     Pending   0          5m\n' +
        'web-1   0/1     Pending   0          5m\n',
    )
    expect(r.stderr).toBe('')
    expect(r.exitCode).toBe(0)
  })

  test('-A adds the NAMESPACE column', async () => {
    const r = await run('kubectl get po -A')
    expect(r.stdout).toBe(
      'NAMESPACE     NAME        READY   STATUS    RESTARTS   AGE\n' +
        'default       db-0        0/1     Pending   0          5m\n' +
        'default       web-1       0/1     Pending   0          5m\n' +
        'kube-system   coredns-x   0/1     Pending   0          5m\n',
    )
  })

  test('-o wide shows the priority-1 columns', async () => {
    const r = await run('kubectl get pods web-1 -o wide')
    expect(r.stdout).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE   IP       NODE     NOMINATED NODE   READINESS GATES\n' +
        'web-1   0/1     Pending   0          5m    <none>   <none>   <none>           <none>\n',
    )
  })

  test('-L heads label columns by the key’s last segment; --show-labels sorts pairs as strings', async () => {
    expect((await run('kubectl get pods -L app,app.kubernetes.io/name')).stdout).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE   APP   NAME\n' +
        'db-0    0/1     Pending   0          5m    db    pg\n' +
        'web-1   0/1     Pending   0          5m    web   \n',
    )
    expect((await run('kubectl get pods --show-labels')).stdout).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE   LABELS\n' +
        'db-0    0/1     Pending   0          5m    app.kubernetes.io/name=pg,app=db\n' +
        'web-1   0/1     Pending   0          5m    app=web,tier=fe\n',
    )
  })

  test('several types print one table each, names prefixed by kind, a blank line between', async () => {
    const r = await run('kubectl get deploy,pods')
    expect(r.stdout).toBe(
      'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE\n' +
        'deployment.apps/web   0/2     0            0           5m\n' +
        '\n' +
        'NAME        READY   STATUS    RESTARTS   AGE\n' +
        'pod/db-0    0/1     Pending   0          5m\n' +
        'pod/web-1   0/1     Pending   0          5m\n',
    )
  })

  test('get all lists the `all` category and skips empty types', async () => {
    const r = await run('kubectl get all')
    expect(r.stdout).toBe(
      'NAME        READY   STATUS    RESTARTS   AGE\n' +
        'pod/db-0    0/1     Pending   0          5m\n' +
        'pod/web-1   0/1     Pending   0          5m\n' +
        '\n' +
        'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE\n' +
        'deployment.apps/web   0/2     0            0           5m\n',
    )
  })

  test('--show-kind, --no-headers and --sort-by', async () => {
    expect((await run('kubectl get deploy --show-kind --no-headers')).stdout).toBe(
      'deployment.apps/web   0/2   0     0     5m\n',
    )
    expect((await run('kubectl get pods -A --sort-by=.metadata.name -o name')).stdout).toBe(
      'pod/coredns-x\npod/db-0\npod/web-1\n',
    )
  })

  test('no objects: the namespace is named on stderr', async () => {
    expect(await run('kubectl get cm')).toMatchObject({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
      exitCode: 0,
    })
    expect((await run('kubectl get cm -A')).stderr).toBe('No resources found\n')
    expect((await run('kubectl get pods -n nope')).stderr).toBe(
      'No resources found in nope namespace.\n',
    )
    expect((await run('kubectl get pods -l app=zzz')).stderr).toBe(
      'No resources found in default namespace.\n',
    )
  })

  test('a missing name is the API server’s NotFound, found ones still print', async () => {
    const r = await run('kubectl get pods nope web-1')
    expect(r.stdout).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE\nweb-1   0/1     Pending   0          5m\n',
    )
    expect(r.stderr).toBe('Error from server (NotFound): pods "nope" not found\n')
    expect(r.exitCode).toBe(1)
    expect((await run('kubectl get deploy nope')).stderr).toBe(
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    )
    expect((await run('kubectl get pods nope --ignore-not-found')).exitCode).toBe(0)
  })

  test('argument errors are kubectl’s', async () => {
    expect((await run('kubectl get foo')).stderr).toBe(
      'error: the server doesn\'t have a resource type "foo"\n',
    )
    expect((await run('kubectl get po web-1 deploy/web')).stderr).toBe(
      "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n",
    )
    const none = await run('kubectl get')
    expect(none.stderr).toBe(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n',
    )
    expect(none.exitCode).toBe(1)
    expect((await run('kubectl get pods -o foo')).stderr).toBe(
      'error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
    )
  })
})

describe('kubectl get data formats', () => {
  test('-o name prints kind-qualified names, several types in order', async () => {
    expect((await run('kubectl get pods,deploy -o name')).stdout).toBe(
      'pod/db-0\npod/web-1\ndeployment.apps/web\n',
    )
    expect((await run('kubectl get pods/web-1 deployment/web -o name')).stdout).toBe(
      'pod/web-1\ndeployment.apps/web\n',
    )
  })

  test('an empty list in JSON and YAML is kubectl’s List', async () => {
    expect((await run('kubectl get cm -o json')).stdout).toBe(
      '{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n',
    )
    expect((await run('kubectl get cm -o yaml')).stdout).toBe(
      'apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n',
    )
  })

  test('one named object prints bare; its timestamps are quoted in YAML', async () => {
    const r = await run('kubectl get ns default -o yaml')
    expect(r.stdout).toMatch(
      /^apiVersion: v1\nkind: Namespace\nmetadata:\n  creationTimestamp: "2026-01-05T09:00:00Z"\n/,
    )
  })

  test('jsonpath and go-template run over the List', async () => {
    expect((await run('kubectl get pods -o jsonpath={.items[*].metadata.name}')).stdout).toBe(
      'db-0 web-1',
    )
    expect((await run('kubectl get pod web-1 -o jsonpath={.metadata.name}')).stdout).toBe('web-1')
    expect(
      (await run("kubectl get pods -o go-template='{{range .items}}{{.metadata.name}} {{end}}'"))
        .stdout,
    ).toBe('db-0 web-1 ')
  })

  test('custom columns, <none> for what is missing', async () => {
    const r = await run(
      'kubectl get pods -o custom-columns=N:.metadata.name,IMG:.spec.containers[*].image,IP:.status.podIP',
    )
    expect(r.stdout).toBe('N       IMG     IP\ndb-0    nginx   <none>\nweb-1   nginx   <none>\n')
  })
})

describe('kubectl get -w', () => {
  test('prints the list, then a row per change, until nothing more can happen', async () => {
    f.session.clock.setTimer(1000, () => {
      const pods = servedType('Pod')
      const got = f.cluster.api.get(pods, 'default', 'db-0')
      if (!got.ok) throw got.error
      f.cluster.api.updateStatus(pods, {
        ...got.value,
        status: {
          phase: 'Running',
          containerStatuses: [{ name: 'c', ready: true, restartCount: 0, state: { running: {} } }],
        },
      })
    })
    const r = await run('kubectl get pods -w')
    expect(r.stdout).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE\n' +
        'db-0    0/1     Pending   0          5m\n' +
        'web-1   0/1     Pending   0          5m\n' +
        'db-0    1/1     Running   0          5m1s\n',
    )
    expect(r.exitCode).toBe(0)
  })

  test('several types cannot be watched', async () => {
    expect((await run('kubectl get pods,deploy -w')).stderr).toBe(
      'error: you may only specify a single resource type\n',
    )
  })
})
