import { describe, expect, test } from 'vitest'
import { createDeployment } from '../../../../src/sim/kube/kubectl/create-deployment'
import { writeHarness } from './write-context'

const NGINX_YAML = `apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: web
    spec:
      containers:
      - image: nginx
        name: nginx
        resources: {}
status: {}
`

describe('kubectl create deployment', () => {
  test('--dry-run=client -o yaml prints what kubectl 1.32 prints', async () => {
    const h = await writeHarness()
    expect(
      await h.run(createDeployment, ['web', '--image=nginx', '--dry-run=client', '-o', 'yaml']),
    ).toEqual({ stdout: NGINX_YAML, stderr: '', exitCode: 0 })
  })

  test('-o json keeps Go field order', async () => {
    const h = await writeHarness()
    const r = await h.run(createDeployment, [
      'web',
      '--image=nginx',
      '--dry-run=client',
      '-o',
      'json',
    ])
    expect(r.stdout).toBe(`{
    "kind": "Deployment",
    "apiVersion": "apps/v1",
    "metadata": {
        "name": "web",
        "creationTimestamp": null,
        "labels": {
            "app": "web"
        }
    },
    "spec": {
        "replicas": 1,
        "selector": {
            "matchLabels": {
                "app": "web"
            }
        },
        "template": {
            "metadata": {
                "creationTimestamp": null,
                "labels": {
                    "app": "web"
                }
            },
            "spec": {
                "containers": [
                    {
                        "name": "nginx",
                        "image": "nginx",
                        "resources": {}
                    }
                ]
            }
        },
        "strategy": {}
    },
    "status": {}
}
`)
  })

  test('replicas, port, several images, -n and a command', async () => {
    const h = await writeHarness()
    const r = await h.run(
      createDeployment,
      ['web', '--image=nginx', '--replicas=3', '--port=80', '--dry-run=client', '-o', 'yaml'],
      'dev',
    )
    expect(r.stdout).toBe(`apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web
  namespace: dev
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: web
    spec:
      containers:
      - image: nginx
        name: nginx
        ports:
        - containerPort: 80
        resources: {}
status: {}
`)
    const cmd = await h.run(createDeployment, [
      'b',
      '--image=busybox',
      '--dry-run=client',
      '-o',
      'yaml',
      '--',
      'sleep',
      '10',
    ])
    expect(cmd.stdout).toContain(`      containers:
      - command:
        - sleep
        - "10"
        image: busybox
        name: busybox
`)
  })

  test('creates through the API server and prints the operation', async () => {
    const h = await writeHarness()
    expect(await h.run(createDeployment, ['web', '--image=nginx'])).toEqual({
      stdout: 'deployment.apps/web created\n',
      stderr: '',
      exitCode: 0,
    })
    expect(await h.run(createDeployment, ['web', '--image=nginx'])).toEqual({
      stdout: '',
      stderr: 'error: failed to create deployment: deployments.apps "web" already exists\n',
      exitCode: 1,
    })
    expect(await h.run(createDeployment, ['x', '--image=nginx', '--dry-run'])).toEqual({
      stdout: 'deployment.apps/x created (dry run)\n',
      stderr:
        'W0105 09:00:00.000000    4321 helpers.go:702] --dry-run is deprecated and can be replaced with --dry-run=client.\n',
      exitCode: 0,
    })
    expect(await h.run(createDeployment, ['x', '--image=nginx', '--dry-run=server'])).toEqual({
      stdout: 'deployment.apps/x created (server dry run)\n',
      stderr: '',
      exitCode: 0,
    })
  })

  test('usage errors are kubectl’s', async () => {
    const h = await writeHarness()
    expect(await h.run(createDeployment, ['web'])).toEqual({
      stdout: '',
      stderr:
        'E0105 09:00:00.000000    4321 run.go:72] "command failed" err="required flag(s) \\"image\\" not set"\n',
      exitCode: 1,
    })
    expect(await h.run(createDeployment, ['--image=nginx'])).toEqual({
      stdout: '',
      stderr:
        "error: exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples\n",
      exitCode: 1,
    })
    expect(
      await h.run(createDeployment, ['w', '--image=nginx', '--image=redis', '--', 'sleep', '1']),
    ).toEqual({
      stdout: '',
      stderr: 'error: cannot specify multiple --image options and command\n',
      exitCode: 1,
    })
    expect(await h.run(createDeployment, ['w', '--image=nginx', '--dry-run=foo'])).toEqual({
      stdout: '',
      stderr: 'error: Invalid dry-run value (foo). Must be "none", "server", or "client".\n',
      exitCode: 1,
    })
    expect(await h.run(createDeployment, ['w', '--image=nginx', '-o', 'foo'])).toEqual({
      stdout: '',
      stderr:
        'error: unable to match a printer suitable for the output format "foo", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
      exitCode: 1,
    })
  })
})
