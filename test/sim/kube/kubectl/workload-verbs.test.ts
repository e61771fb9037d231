/**
 * delete, scale, label, annotate, expose, run, logs, rollout and set image through the shell, on
 * a minikube-like cluster whose controllers and kubelet run on the virtual clock.
 */
import { describe, expect, test } from 'vitest'
import type { Session } from '../../../../src/sim/shell/session'
import { clusterSessionWithCluster } from '../fixtures'

async function run(session: Session, line: string) {
  const r = await session.run(line)
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
}

const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 })
const failed = (stderr: string) => ({ stdout: '', stderr, exitCode: 1 })

async function withWeb(replicas = 2) {
  const { session, cluster } = await clusterSessionWithCluster()
  await run(session, `kubectl create deployment web --image=nginx:1.27 --replicas=${replicas}`)
  await run(session, 'sleep 30')
  return { session, cluster }
}

describe('kubectl delete', () => {
  test('deletes by name, reports each missing name, and says when a selector matched nothing', async () => {
    const { session } = await withWeb()
    expect(await run(session, 'kubectl delete deployment web nope')).toEqual({
      stdout: 'deployment.apps "web" deleted\n',
      stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n',
      exitCode: 1,
    })
    expect(await run(session, 'kubectl delete deploy -l app=zzz')).toEqual(
      ok('No resources found\n'),
    )
    expect(await run(session, 'kubectl delete deploy web --ignore-not-found')).toEqual(ok(''))
  })

  test('usage errors are kubectl’s', async () => {
    const { session } = await withWeb()
    expect(await run(session, 'kubectl delete')).toEqual(
      failed(`error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'
`),
    )
    expect(await run(session, 'kubectl delete deployment')).toEqual(
      failed('error: resource(s) were provided, but no name was specified\n'),
    )
    expect(await run(session, 'kubectl delete foo x')).toEqual(
      failed('error: the server doesn\'t have a resource type "foo"\n'),
    )
    expect(await run(session, 'kubectl delete deploy web --cascade=x')).toEqual(
      failed('error: invalid cascade value (x). Must be "background", "foreground", or "orphan"\n'),
    )
    expect(await run(session, 'kubectl delete deploy --all -l a=b')).toEqual(
      failed("error: setting 'all' parameter but found a non empty selector. \n"),
    )
  })

  test('--force prints the warning and force deleted; dry runs change nothing', async () => {
    const { session } = await withWeb()
    expect(await run(session, 'kubectl delete deploy web --dry-run=client')).toEqual(
      ok('deployment.apps "web" deleted (dry run)\n'),
    )
    expect(await run(session, 'kubectl delete deploy web -o name --dry-run=server')).toEqual(
      ok('deployment.apps/web\n'),
    )
    expect(await run(session, 'kubectl delete deploy web --force')).toEqual({
      stdout: 'deployment.apps "web" force deleted\n',
      stderr:
        'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
      exitCode: 0,
    })
  })

  test('a namespace is deleted, and the protected ones are refused', async () => {
    const { session } = await withWeb()
    await run(session, 'kubectl create namespace dev')
    expect(await run(session, 'kubectl delete namespace dev')).toEqual(
      ok('namespace "dev" deleted\n'),
    )
    expect(await run(session, 'kubectl delete ns default')).toEqual(
      failed(
        'Error from server (Forbidden): namespaces "default" is forbidden: this namespace may not be deleted\n',
      ),
    )
  })
})

describe('kubectl scale', () => {
  test('scales, checks --current-replicas, and refuses bad counts', async () => {
    const { session } = await withWeb()
    expect(await run(session, 'kubectl scale deployment web --replicas=3')).toEqual(
      ok('deployment.apps/web scaled\n'),
    )
    expect((await run(session, 'kubectl get deploy web -o jsonpath={.spec.replicas}')).stdout).toBe(
      '3',
    )
    expect(
      await run(session, 'kubectl scale deploy/web --replicas=1 --current-replicas=2'),
    ).toEqual(failed('error: Expected replicas to be 2, was 3\n'))
    expect(await run(session, 'kubectl scale deploy web --replicas=-1')).toEqual(
      failed(
        'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n',
      ),
    )
    expect(await run(session, 'kubectl scale deploy nope --replicas=2')).toEqual(
      failed('error: no objects passed to scale deployments.apps "nope" not found\n'),
    )
    expect(await run(session, 'kubectl scale deploy web --replicas=2 --dry-run=client')).toEqual(
      ok('deployment.apps/web scaled (dry run)\n'),
    )
  })
})

describe('kubectl label and annotate', () => {
  test('adds, refuses to overwrite, overwrites, removes and lists', async () => {
    const { session } = await withWeb()
    expect(await run(session, 'kubectl label deploy web tier=front')).toEqual(
      ok('deployment.apps/web labeled\n'),
    )
    expect(await run(session, 'kubectl label deploy web tier=front')).toEqual(
      ok('deployment.apps/web not labeled\n'),
    )
    expect(await run(session, 'kubectl label deploy web tier=back')).toEqual(
      failed("error: 'tier' already has a value (front), and --overwrite is false\n"),
    )
    expect(await run(session, 'kubectl label deploy web tier=back --overwrite')).toEqual(
      ok('deployment.apps/web labeled\n'),
    )
    expect(await run(session, 'kubectl label deploy web --list')).toEqual(
      ok('app=web\ntier=back\n'),
    )
    expect(await run(session, 'kubectl label deploy web tier-')).toEqual(
      ok('deployment.apps/web unlabeled\n'),
    )
    expect(await run(session, 'kubectl label deploy web nope-')).toEqual(
      ok('label "nope" not found.\ndeployment.apps/web not labeled\n'),
    )
    expect(await run(session, 'kubectl label deploy web x=1 x-')).toEqual(
      failed('error: can not both modify and remove a label in the same command\n'),
    )
    expect(await run(session, 'kubectl label deploy web')).toEqual(
      failed('error: at least one label update is required\n'),
    )
    expect(await run(session, 'kubectl annotate deploy web note=hi')).toEqual(
      ok('deployment.apps/web annotated\n'),
    )
    expect(await run(session, 'kubectl annotate deploy web note=ho')).toEqual(
      failed(
        "error: --overwrite is false but found the following declared annotation(s): 'note' already has a value (hi)\n",
      ),
    )
  })
})

describe('kubectl expose', () => {
  test('takes the selector and labels from the deployment', async () => {
    const { session } = await withWeb()
    expect(
      await run(session, 'kubectl expose deployment web --port=80 --dry-run=client -o yaml'),
    ).toEqual(
      ok(`apiVersion: v1
kind: Service
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web
spec:
  ports:
  - port: 80
    protocol: TCP
    targetPort: 80
  selector:
    app: web
status:
  loadBalancer: {}
`),
    )
    expect(await run(session, 'kubectl expose deploy web')).toEqual(
      failed("error: couldn't find port via --port flag or introspection\n"),
    )
    expect(await run(session, 'kubectl expose deploy web --port=80 --type=NodePort')).toEqual(
      ok('service/web exposed\n'),
    )
  })
})

describe('kubectl run and logs', () => {
  test('--dry-run=client -o yaml is the pod kubectl 1.32 prints', async () => {
    const { session } = await withWeb()
    expect(
      await run(
        session,
        'kubectl run web --image=nginx --port=80 --env=A=1 --labels=x=y,z=w --restart=Never --dry-run=client -o yaml -- sleep 10',
      ),
    ).toEqual(
      ok(`apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    x: "y"
    z: w
  name: web
spec:
  containers:
  - args:
    - sleep
    - "10"
    env:
    - name: A
      value: "1"
    image: nginx
    name: web
    ports:
    - containerPort: 80
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Never
status: {}
`),
    )
  })

  test('runs a pod whose output logs shows; usage errors as kubectl', async () => {
    const { session } = await withWeb()
    expect(
      await run(session, 'kubectl run box --image=busybox --restart=Never -- echo hello'),
    ).toEqual(ok('pod/box created\n'))
    await run(session, 'sleep 10')
    expect(await run(session, 'kubectl logs box')).toEqual(ok('hello\n'))
    expect(await run(session, 'kubectl logs nope')).toEqual(
      failed('error: error from server (NotFound): pods "nope" not found in namespace "default"\n'),
    )
    expect(await run(session, 'kubectl logs box -c other')).toEqual(
      failed('error: container other is not valid for pod box\n'),
    )
    expect(await run(session, 'kubectl run x --image=nginx --restart=Foo')).toEqual(
      failed("error: invalid restart policy: Foo\nSee 'kubectl run -h' for help and examples\n"),
    )
    expect(await run(session, 'kubectl run x --image=nginx --rm')).toEqual(
      failed(
        "error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples\n",
      ),
    )
  })

  test('--rm -i waits for the pod, shows its output and deletes it', async () => {
    const { session } = await withWeb()
    expect(
      await run(
        session,
        'kubectl run one --image=busybox --restart=Never --rm -i -- echo hi there',
      ),
    ).toEqual(ok('hi there\npod "one" deleted\n'))
  })
})

describe('kubectl rollout and set image', () => {
  test('status waits for the replicas, history lists revisions, undo goes back', async () => {
    const { session } = await clusterSessionWithCluster()
    await run(session, 'kubectl create deployment web --image=nginx:1.27 --replicas=3')
    const status = await run(session, 'kubectl rollout status deployment/web')
    expect(status.exitCode).toBe(0)
    expect(status.stdout.endsWith('deployment "web" successfully rolled out\n')).toBe(true)
    expect(status.stdout.split('\n')[0]).toMatch(
      /^Waiting for deployment "web" rollout to finish: \d of 3 updated replicas are available\.\.\.$/,
    )
    expect(await run(session, 'kubectl set image deployment/web nginx=nginx:1.26')).toEqual(
      ok('deployment.apps/web image updated\n'),
    )
    expect(await run(session, 'kubectl set image deployment/web nginx=nginx:1.26')).toEqual(ok(''))
    expect(await run(session, 'kubectl set image deployment/web foo=nginx')).toEqual(
      failed('error: unable to find container named "foo"\n'),
    )
    expect(await run(session, 'kubectl rollout history deployment/web')).toEqual(
      ok('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n'),
    )
    expect(await run(session, 'kubectl rollout undo deployment/web')).toEqual(
      ok('deployment.apps/web rolled back\n'),
    )
    expect(
      (
        await run(
          session,
          'kubectl get deploy web -o jsonpath={.spec.template.spec.containers[0].image}',
        )
      ).stdout,
    ).toBe('nginx:1.27')
  })

  test('pause, resume and restart with their refusals', async () => {
    const { session } = await withWeb()
    expect(await run(session, 'kubectl rollout pause deploy/web')).toEqual(
      ok('deployment.apps/web paused\n'),
    )
    expect(await run(session, 'kubectl rollout pause deploy/web')).toEqual(
      failed('error: deployments.apps "web" is already paused\n'),
    )
    expect(await run(session, 'kubectl rollout restart deploy/web')).toEqual(
      failed(
        'error: deployments.apps "web" can\'t restart paused deployment (run rollout resume first)\n',
      ),
    )
    expect(await run(session, 'kubectl rollout resume deploy/web')).toEqual(
      ok('deployment.apps/web resumed\n'),
    )
    expect(await run(session, 'kubectl rollout resume deploy/web')).toEqual(
      failed('error: deployments.apps "web" is not paused\n'),
    )
    expect(await run(session, 'kubectl rollout restart deploy/web')).toEqual(
      ok('deployment.apps/web restarted\n'),
    )
    expect(
      (
        await run(
          session,
          "kubectl get deploy web -o jsonpath='{.spec.template.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt}'",
        )
      ).stdout,
    ).toBe('2026-01-05T09:00:30Z')
    // --watch=false prints the current status once, whatever it is, and does not wait.
    const before = session.clock.now()
    const once = await run(session, 'kubectl rollout status deploy/web --watch=false')
    expect(once.exitCode).toBe(0)
    expect(once.stdout.split('\n')).toHaveLength(2)
    expect(session.clock.now()).toBe(before)
  })
})
