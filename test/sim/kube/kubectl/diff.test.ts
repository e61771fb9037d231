/**
 * kubectl diff: the live objects against what apply would make of the files, written where and as
 * kubectl writes them and compared by the shell's `diff -u -N`; kubectl's exit codes (0 same,
 * 1 different, 2 failed). Then the real kubectl, talking to the API facade over the same cluster,
 * prints the same diff (temporary directory names and file times aside).
 */
import { describe, expect, test } from 'vitest'
import type { Session } from '../../../../src/sim/shell/session'
import {
  bringTo,
  kubectlPresent,
  preparedCluster,
  setupStart,
  startHarness,
} from '../../../conformance/kube-harness'
import { clusterSession } from '../fixtures'

async function run(session: Session, line: string) {
  const r = await session.run(line)
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
}

const WEB = `apiVersion: apps/v1
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
        image: nginx:1.26
`

async function applied(): Promise<Session> {
  const session = await clusterSession()
  await session.fs.writeFile('/home/student/web.yaml', WEB)
  await run(session, 'kubectl apply -f web.yaml')
  await run(session, 'sleep 30')
  return session
}

const LAST_APPLIED =
  '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"image":"nginx:1.26","name":"nginx"}]}}}}'

const LIVE = '/tmp/LIVE-587941090/apps.v1.Deployment.default.web'
const MERGED = '/tmp/MERGED-3698788925/apps.v1.Deployment.default.web'

async function changed(): Promise<Session> {
  const session = await applied()
  await session.fs.writeFile(
    '/home/student/web.yaml',
    WEB.replace('replicas: 2', 'replicas: 3').replace('nginx:1.26', 'nginx:1.27'),
  )
  return session
}

describe('kubectl diff', () => {
  test('a changed file shows the live object against the merged one, generation bumped; exit 1', async () => {
    const session = await changed()
    expect(await run(session, 'kubectl diff -f web.yaml')).toEqual({
      stdout: `diff -u -N ${LIVE} ${MERGED}
--- ${LIVE}\t2026-01-05 09:00:30.000000000 +0000
+++ ${MERGED}\t2026-01-05 09:00:30.000000000 +0000
@@ -6,14 +6,14 @@
     kubectl.kubernetes.io/last-applied-configuration: |
       ${LAST_APPLIED}
   creationTimestamp: "2026-01-05T09:00:00Z"
-  generation: 1
+  generation: 2
   name: web
   namespace: default
   resourceVersion: "127"
   uid: 6e96d1a4-2ff0-4047-8d6e-b54c73112576
 spec:
   progressDeadlineSeconds: 600
-  replicas: 2
+  replicas: 3
   revisionHistoryLimit: 10
   selector:
     matchLabels:
@@ -30,7 +30,7 @@
         app: web
     spec:
       containers:
-      - image: nginx:1.26
+      - image: nginx:1.27
         imagePullPolicy: IfNotPresent
         name: nginx
         resources: {}
`,
      stderr: '',
      exitCode: 1,
    })
    // The dry run changed nothing, and the temporary directories are gone.
    expect((await run(session, 'kubectl get deploy web -o jsonpath={.spec.replicas}')).stdout).toBe(
      '2',
    )
    expect(await run(session, 'ls /tmp')).toEqual({ stdout: '', stderr: '', exitCode: 0 })
  })

  test('an unchanged file prints nothing and exits 0', async () => {
    const session = await applied()
    expect(await run(session, 'kubectl diff -f web.yaml')).toEqual({
      stdout: '',
      stderr: '',
      exitCode: 0,
    })
  })

  test('KUBECTL_EXTERNAL_DIFF picks the program and its safe arguments', async () => {
    const session = await changed()
    expect(await run(session, "KUBECTL_EXTERNAL_DIFF='diff -q' kubectl diff -f web.yaml")).toEqual({
      stdout: `Files ${LIVE} and ${MERGED} differ\n`,
      stderr: '',
      exitCode: 1,
    })
    expect(await run(session, 'KUBECTL_EXTERNAL_DIFF=colordiff kubectl diff -f web.yaml')).toEqual({
      stdout: '',
      stderr:
        'error: failed to run "colordiff": exec: "colordiff": executable file not found in $PATH\n',
      exitCode: 2,
    })
  })

  test('kubectl’s own failures exit 2, usage errors with the hint', async () => {
    const session = await applied()
    expect(await run(session, 'kubectl diff')).toEqual({
      stdout: '',
      stderr: 'error: must specify one of -f and -k\n',
      exitCode: 2,
    })
    expect(await run(session, 'kubectl diff -f web.yaml extra')).toEqual({
      stdout: '',
      stderr: "error: Unexpected args: [extra]\nSee 'kubectl diff -h' for help and examples\n",
      exitCode: 2,
    })
    expect(await run(session, 'kubectl diff --bogus')).toEqual({
      stdout: '',
      stderr: "error: unknown flag: --bogus\nSee 'kubectl diff -h' for help and examples\n",
      exitCode: 2,
    })
    expect(await run(session, 'kubectl diff -f')).toEqual({
      stdout: '',
      stderr:
        "error: flag needs an argument: 'f' in -f\nSee 'kubectl diff -h' for help and examples\n",
      exitCode: 2,
    })
    expect(await run(session, 'kubectl diff -f nope.yaml')).toEqual({
      stdout: '',
      stderr: 'error: the path "nope.yaml" does not exist\n',
      exitCode: 2,
    })
    expect(await run(session, 'kubectl diff -f web.yaml --force-conflicts')).toEqual({
      stdout: '',
      stderr: 'error: --force-conflicts only works with --server-side\n',
      exitCode: 2,
    })
  })
})

const PRESENT = kubectlPresent()
if (!PRESENT) console.warn('kubectl diff oracle skipped: no kubectl at /usr/bin/kubectl')

const MANIFESTS = `${WEB.replace('replicas: 2', 'replicas: 3')}---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
---
apiVersion: v1
kind: Secret
metadata:
  name: creds
  annotations:
    owner: team-a
data:
  user: YWRtaW4=
  pass: bmV3
`

/** The parts that differ by nature: temporary directory names and the files' times. */
const normalize = (text: string): string =>
  text
    .replace(/\/tmp\/(LIVE|MERGED)-\d+/g, '/tmp/$1-N')
    .replace(/\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} \+0000/g, (m) =>
      m.includes('1970-01-01') ? m : '\tTIME',
    )
    .replace(/\d+\.\d+\.\d+\.\d+/g, 'IP')
    .replace(/uid: [0-9a-f-]{36}/g, 'uid: UID')

describe.skipIf(!PRESENT)('kubectl diff against the real kubectl', () => {
  test('the same files give the same diff: changed, new and masked Secret objects', async () => {
    const harness = await startHarness()
    try {
      const twin = await preparedCluster(setupStart(), [
        'kubectl create deployment web --image=nginx:1.26 --replicas=2',
        'kubectl create secret generic creds --from-literal=user=admin --from-literal=pass=old',
        'sleep 30',
      ])
      bringTo(twin.session, Date.now())
      harness.use(twin.cluster)
      await twin.session.fs.writeFile('/home/student/all.yaml', MANIFESTS)
      for (const flags of ['', ' --show-managed-fields']) {
        const real = await harness.real(
          `cat > all.yaml <<'EOF'\n${MANIFESTS}EOF\nkubectl diff -f all.yaml${flags}`,
        )
        const ours = await harness.quai(twin.session, `kubectl diff -f all.yaml${flags}`)
        expect({ ...ours, stdout: normalize(ours.stdout) }).toEqual({
          ...real,
          stdout: normalize(real.stdout),
        })
      }
    } finally {
      await harness.close()
    }
  }, 60_000)
})
