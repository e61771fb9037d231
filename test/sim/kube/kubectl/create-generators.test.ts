/** The `kubectl create` generators' --dry-run=client output, compared with kubectl 1.32's. */
import { describe, expect, test } from 'vitest'
import { createConfigMap } from '../../../../src/sim/kube/kubectl/create-configmap'
import { createIngress } from '../../../../src/sim/kube/kubectl/create-ingress'
import { createCronJob, createJob } from '../../../../src/sim/kube/kubectl/create-job'
import {
  createNamespace,
  createServiceAccount,
} from '../../../../src/sim/kube/kubectl/create-namespace'
import {
  createSecretDockerRegistry,
  createSecretGeneric,
} from '../../../../src/sim/kube/kubectl/create-secret'
import {
  createServiceClusterIP,
  createServiceNodePort,
} from '../../../../src/sim/kube/kubectl/create-service'
import { writeHarness } from './write-context'

const DRY = ['--dry-run=client', '-o', 'yaml']

describe('kubectl create generators', () => {
  test('namespace and serviceaccount', async () => {
    const h = await writeHarness()
    expect((await h.run(createNamespace, ['dev', ...DRY])).stdout).toBe(
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  creationTimestamp: null\n  name: dev\nspec: {}\nstatus: {}\n',
    )
    expect(
      (await h.run(createServiceAccount, ['bot', '--dry-run=client', '-o', 'json'], 'x')).stdout,
    ).toBe(`{
    "kind": "ServiceAccount",
    "apiVersion": "v1",
    "metadata": {
        "name": "bot",
        "namespace": "x",
        "creationTimestamp": null
    }
}
`)
  })

  test('service clusterip and nodeport, with their errors', async () => {
    const h = await writeHarness()
    expect((await h.run(createServiceClusterIP, ['web', '--tcp=80:8080', ...DRY])).stdout)
      .toBe(`apiVersion: v1
kind: Service
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web
spec:
  ports:
  - name: 80-8080
    port: 80
    protocol: TCP
    targetPort: 8080
  selector:
    app: web
  type: ClusterIP
status:
  loadBalancer: {}
`)
    expect(
      (await h.run(createServiceNodePort, ['web', '--tcp=80:8080', '--node-port=30080', ...DRY]))
        .stdout,
    ).toContain('  - name: 80-8080\n    nodePort: 30080\n    port: 80\n')
    expect(await h.run(createServiceClusterIP, ['web', '--dry-run=client'])).toEqual({
      stdout: '',
      stderr: 'error: at least one tcp port specifier must be provided\n',
      exitCode: 1,
    })
    expect(await h.run(createServiceClusterIP, ['web', '--tcp=abc', '--dry-run=client'])).toEqual({
      stdout: '',
      stderr: 'error: strconv.ParseUint: parsing "abc": invalid syntax\n',
      exitCode: 1,
    })
    expect(
      (await h.run(createServiceClusterIP, ['web', '--clusterip=None', ...DRY])).stdout,
    ).toContain('spec:\n  clusterIP: None\n  selector:\n    app: web\n  type: ClusterIP\n')
  })

  test('configmap from literals, files and env files', async () => {
    const h = await writeHarness()
    expect(
      (await h.run(createConfigMap, ['cfg', '--from-literal=a=1', '--from-literal=b=two', ...DRY]))
        .stdout,
    ).toBe(
      'apiVersion: v1\ndata:\n  a: "1"\n  b: two\nkind: ConfigMap\nmetadata:\n  creationTimestamp: null\n  name: cfg\n',
    )
    await h.shell.fs.mkdir('/home/student/cfg', { recursive: true })
    await h.shell.fs.writeFile('/home/student/cfg/greeting.txt', 'hello\nworld\n')
    await h.shell.fs.writeFile('/home/student/cfg/app.properties', 'port=80\n')
    expect((await h.run(createConfigMap, ['c', '--from-file=cfg', ...DRY])).stdout).toBe(
      `apiVersion: v1
data:
  app.properties: |
    port=80
  greeting.txt: |
    hello
    world
kind: ConfigMap
metadata:
  creationTimestamp: null
  name: c
`,
    )
    expect(await h.run(createConfigMap, ['c', '--from-literal=a', '--dry-run=client'])).toEqual({
      stdout: '',
      stderr: 'error: invalid literal source a, expected key=value\n',
      exitCode: 1,
    })
    expect(
      await h.run(createConfigMap, [
        'c',
        '--from-literal=a=1',
        '--from-literal=a=2',
        '--dry-run=client',
      ]),
    ).toEqual({
      stdout: '',
      stderr:
        'error: cannot add key "a", another key by that name already exists in Data for ConfigMap "c"\n',
      exitCode: 1,
    })
    expect(await h.run(createConfigMap, ['c', '--from-file=nope.txt', '--dry-run=client'])).toEqual(
      {
        stdout: '',
        stderr: 'error: error reading nope.txt: no such file or directory\n',
        exitCode: 1,
      },
    )
    expect(await h.run(createConfigMap, ['a', 'b', '--dry-run=client'])).toEqual({
      stdout: '',
      stderr:
        "error: exactly one NAME is required, got 2\nSee 'kubectl create configmap -h' for help and examples\n",
      exitCode: 1,
    })
  })

  test('secrets generic and docker-registry', async () => {
    const h = await writeHarness()
    expect(
      (
        await h.run(createSecretGeneric, [
          's',
          '--from-literal=user=admin',
          '--from-literal=pw=s3cr3t',
          ...DRY,
        ])
      ).stdout,
    ).toBe(
      'apiVersion: v1\ndata:\n  pw: czNjcjN0\n  user: YWRtaW4=\nkind: Secret\nmetadata:\n  creationTimestamp: null\n  name: s\n',
    )
    expect(
      (
        await h.run(createSecretDockerRegistry, [
          'reg',
          '--docker-server=r.io',
          '--docker-username=u',
          '--docker-password=p',
          '--docker-email=e@x.io',
          ...DRY,
        ])
      ).stdout,
    ).toBe(`apiVersion: v1
data:
  .dockerconfigjson: eyJhdXRocyI6eyJyLmlvIjp7InVzZXJuYW1lIjoidSIsInBhc3N3b3JkIjoicCIsImVtYWlsIjoiZUB4LmlvIiwiYXV0aCI6ImRUcHcifX19
kind: Secret
metadata:
  creationTimestamp: null
  name: reg
type: kubernetes.io/dockerconfigjson
`)
    expect(await h.run(createSecretDockerRegistry, ['r', '--dry-run=client'])).toEqual({
      stdout: '',
      stderr:
        'error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required\n',
      exitCode: 1,
    })
  })

  test('job, cronjob and ingress', async () => {
    const h = await writeHarness()
    expect((await h.run(createJob, ['j', '--image=busybox', ...DRY, '--', 'echo', 'hi'])).stdout)
      .toBe(`apiVersion: batch/v1
kind: Job
metadata:
  creationTimestamp: null
  name: j
spec:
  template:
    metadata:
      creationTimestamp: null
    spec:
      containers:
      - command:
        - echo
        - hi
        image: busybox
        name: j
        resources: {}
      restartPolicy: Never
status: {}
`)
    expect(
      (
        await h.run(createCronJob, [
          'cj',
          '--image=busybox',
          '--schedule=*/1 * * * *',
          ...DRY,
          '--',
          'echo',
          'hi',
        ])
      ).stdout,
    ).toBe(`apiVersion: batch/v1
kind: CronJob
metadata:
  creationTimestamp: null
  name: cj
spec:
  jobTemplate:
    metadata:
      creationTimestamp: null
      name: cj
    spec:
      template:
        metadata:
          creationTimestamp: null
        spec:
          containers:
          - command:
            - echo
            - hi
            image: busybox
            name: cj
            resources: {}
          restartPolicy: OnFailure
  schedule: '*/1 * * * *'
status: {}
`)
    expect((await h.run(createIngress, ['ing', '--rule=foo.com/bar=svc1:8080', ...DRY])).stdout)
      .toBe(`apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  creationTimestamp: null
  name: ing
spec:
  rules:
  - host: foo.com
    http:
      paths:
      - backend:
          service:
            name: svc1
            port:
              number: 8080
        path: /bar
        pathType: Exact
status:
  loadBalancer: {}
`)
    expect(await h.run(createIngress, ['x', '--rule=bad', '--dry-run=client'])).toEqual({
      stdout: '',
      stderr:
        'error: rule bad is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]\n',
      exitCode: 1,
    })
  })
})
