import { describe, expect, test } from 'vitest'
import type { Session } from '../../../../src/sim/shell/session'
import { clusterSessionWithCluster } from '../fixtures'

const APP = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
`

async function run(session: Session, line: string) {
  const r = await session.run(line)
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
}

async function withApp() {
  const { session, cluster } = await clusterSessionWithCluster()
  await session.fs.writeFile('/home/student/app.yaml', APP)
  return { session, cluster }
}

describe('kubectl apply', () => {
  test('creates, then finds nothing to change, then configures what changed', async () => {
    const { session } = await withApp()
    expect(await run(session, 'kubectl apply -f app.yaml')).toEqual({
      stdout: 'deployment.apps/web created\nservice/web created\n',
      stderr: '',
      exitCode: 0,
    })
    expect(await run(session, 'kubectl apply -f app.yaml')).toEqual({
      stdout: 'deployment.apps/web unchanged\nservice/web unchanged\n',
      stderr: '',
      exitCode: 0,
    })
    await session.fs.writeFile('/home/student/app.yaml', APP.replace('replicas: 2', 'replicas: 3'))
    expect(await run(session, 'kubectl apply -f app.yaml')).toEqual({
      stdout: 'deployment.apps/web configured\nservice/web unchanged\n',
      stderr: '',
      exitCode: 0,
    })
    expect(
      (await run(session, 'kubectl get deployment web -o jsonpath={.spec.replicas}')).stdout,
    ).toBe('3')
  })

  test('saves the configuration it applied in the last-applied annotation', async () => {
    const { session } = await withApp()
    await run(session, 'kubectl apply -f app.yaml')
    expect(await run(session, 'kubectl apply view-last-applied deployment web -o json')).toEqual({
      stdout: `{
  "apiVersion": "apps/v1",
  "kind": "Deployment",
  "metadata": {
    "annotations": {},
    "name": "web",
    "namespace": "default"
  },
  "spec": {
    "replicas": 2,
    "selector": {
      "matchLabels": {
        "app": "web"
      }
    },
    "template": {
      "metadata": {
        "labels": {
          "app": "web"
        }
      },
      "spec": {
        "containers": [
          {
            "image": "nginx:1.27",
            "name": "nginx"
          }
        ]
      }
    }
  }
}
`,
      stderr: '',
      exitCode: 0,
    })
  })

  test('a field removed from the file is removed from the object', async () => {
    const { session } = await withApp()
    const labelled = APP.replace(
      '  name: web\nspec:\n  replicas',
      '  name: web\n  labels:\n    tier: front\nspec:\n  replicas',
    )
    await session.fs.writeFile('/home/student/app.yaml', labelled)
    await run(session, 'kubectl apply -f app.yaml')
    expect(
      (await run(session, 'kubectl get deploy web -o jsonpath={.metadata.labels}')).stdout,
    ).toBe('{"tier":"front"}')
    await session.fs.writeFile('/home/student/app.yaml', APP)
    expect((await run(session, 'kubectl apply -f app.yaml')).stdout).toBe(
      'deployment.apps/web configured\nservice/web unchanged\n',
    )
    expect(
      (await run(session, 'kubectl get deploy web -o jsonpath={.metadata.labels}')).stdout,
    ).toBe('')
  })

  test('dry runs say so and change nothing', async () => {
    const { session } = await withApp()
    expect(await run(session, 'kubectl apply -f app.yaml --dry-run=client')).toEqual({
      stdout: 'deployment.apps/web created (dry run)\nservice/web created (dry run)\n',
      stderr: '',
      exitCode: 0,
    })
    expect(await run(session, 'kubectl apply -f app.yaml --dry-run=server')).toEqual({
      stdout:
        'deployment.apps/web created (server dry run)\nservice/web created (server dry run)\n',
      stderr: '',
      exitCode: 0,
    })
    expect(await run(session, 'kubectl get deploy')).toEqual({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
      exitCode: 0,
    })
    await run(session, 'kubectl apply -f app.yaml')
    expect((await run(session, 'kubectl apply -f app.yaml --dry-run=client')).stdout).toBe(
      'deployment.apps/web configured (dry run)\nservice/web configured (dry run)\n',
    )
  })

  test('-o name and --server-side', async () => {
    const { session } = await withApp()
    expect((await run(session, 'kubectl apply -f app.yaml -o name')).stdout).toBe(
      'deployment.apps/web\nservice/web\n',
    )
    expect((await run(session, 'kubectl apply -f app.yaml --server-side')).stdout).toBe(
      'deployment.apps/web serverside-applied\nservice/web serverside-applied\n',
    )
  })

  test('warns when the live object was not created by apply', async () => {
    const { session } = await withApp()
    await run(session, 'kubectl create deployment web --image=nginx')
    const r = await run(session, 'kubectl apply -f app.yaml')
    expect(r).toEqual({
      stdout: 'deployment.apps/web configured\nservice/web created\n',
      stderr:
        'Warning: resource deployments/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n',
      exitCode: 0,
    })
  })

  test('reads stdin, directories and reports kubectl’s file errors', async () => {
    const { session } = await withApp()
    expect(await run(session, 'cat app.yaml | kubectl apply -f -')).toEqual({
      stdout: 'deployment.apps/web created\nservice/web created\n',
      stderr: '',
      exitCode: 0,
    })
    expect(await run(session, 'kubectl apply -f nope.yaml')).toEqual({
      stdout: '',
      stderr: 'error: the path "nope.yaml" does not exist\n',
      exitCode: 1,
    })
    await session.run('mkdir empty && echo "" > blank.yaml')
    expect(await run(session, 'kubectl apply -f empty')).toEqual({
      stdout: '',
      stderr: 'error: error reading [empty]: recognized file extensions are [.json .yaml .yml]\n',
      exitCode: 1,
    })
    expect(await run(session, 'kubectl apply -f blank.yaml')).toEqual({
      stdout: '',
      stderr: 'error: no objects passed to apply\n',
      exitCode: 1,
    })
    expect(await run(session, 'kubectl apply')).toEqual({
      stdout: '',
      stderr: 'error: must specify one of -f and -k\n',
      exitCode: 1,
    })
  })

  test('a namespace that does not exist and a namespace that conflicts with -n', async () => {
    const { session } = await withApp()
    expect(await run(session, 'kubectl apply -f app.yaml -n nope')).toEqual({
      stdout: '',
      stderr:
        'Error from server (NotFound): error when creating "app.yaml": namespaces "nope" not found\nError from server (NotFound): error when creating "app.yaml": namespaces "nope" not found\n',
      exitCode: 1,
    })
    await session.fs.writeFile(
      '/home/student/cm.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: kube-system\ndata:\n  a: "1"\n',
    )
    expect(await run(session, 'kubectl apply -f cm.yaml -n default')).toEqual({
      stdout: '',
      stderr:
        'the namespace from the provided object "kube-system" does not match the namespace "default". You must pass \'--namespace=kube-system\' to perform this operation.\n',
      exitCode: 1,
    })
  })
})

describe('kubectl create -f', () => {
  test('creates each object, then reports AlreadyExists per object', async () => {
    const { session } = await withApp()
    expect(await run(session, 'kubectl create -f app.yaml')).toEqual({
      stdout: 'deployment.apps/web created\nservice/web created\n',
      stderr: '',
      exitCode: 0,
    })
    expect(await run(session, 'kubectl create -f app.yaml')).toEqual({
      stdout: '',
      stderr:
        'Error from server (AlreadyExists): error when creating "app.yaml": deployments.apps "web" already exists\nError from server (AlreadyExists): error when creating "app.yaml": services "web" already exists\n',
      exitCode: 1,
    })
  })

  test('rejects positional arguments as kubectl does', async () => {
    const { session } = await withApp()
    expect(await run(session, 'kubectl create -f app.yaml extra')).toEqual({
      stdout: '',
      stderr: "error: Unexpected args: [extra]\nSee 'kubectl create -h' for help and examples\n",
      exitCode: 1,
    })
  })
})
