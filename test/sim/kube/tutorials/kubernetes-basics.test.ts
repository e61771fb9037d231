/**
 * Kubernetes' "Learn Kubernetes Basics" (kubernetes/website content/en/docs/tutorials/
 * kubernetes-basics: create-cluster, deploy-app, explore, expose, scale, update), typed unchanged,
 * in order, in one session. Names the cluster makes up (pods, ReplicaSets, the NodePort) are
 * captured from the session and substituted; everything else is asserted byte for byte.
 */
import { describe, expect, it } from 'vitest'
import { Session } from '../../../../src/sim/shell/session'
import { expectOut, secondTerminal, type, waitFor } from './walkthrough'

const GET_POD_NAMES = `kubectl get pods -o go-template --template '{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}'`
const GET_NODE_PORT = `kubectl get services/kubernetes-bootcamp -o go-template='{{(index .spec.ports 0).nodePort}}'`

describe('Learn Kubernetes Basics, typed as written', () => {
  it('runs every command of the six modules with the real tools’ output', async () => {
    const s = await Session.create({ seed: 1 })

    // Module 1: create a cluster.
    expect((await type(s, 'minikube start')).stdout).toContain(
      '* Done! kubectl is now configured to use "minikube" cluster and "default" namespace by default\n',
    )
    expect((await type(s, 'kubectl version')).stdout).toContain('Server Version: v1.32.0\n')
    await expectOut(
      s,
      'kubectl get nodes',
      'NAME       STATUS   ROLES           AGE   VERSION\nminikube   Ready    control-plane   27s   v1.32.0\n',
    )

    // Module 2: deploy an app.
    await expectOut(
      s,
      'kubectl create deployment kubernetes-bootcamp --image=gcr.io/google-samples/kubernetes-bootcamp:v1',
      'deployment.apps/kubernetes-bootcamp created\n',
    )
    await expectOut(
      s,
      'kubectl get deployments',
      'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE\nkubernetes-bootcamp   0/1     1            0           0s\n',
    )
    s.clock.advance(30_000)
    await expectOut(
      s,
      'kubectl get deployments',
      'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE\nkubernetes-bootcamp   1/1     1            1           30s\n',
    )
    const proxy = await secondTerminal(s, ['kubectl', 'proxy'], '\n')
    expect(proxy.screen()).toBe('Starting to serve on 127.0.0.1:8001\n')
    await expectOut(
      s,
      'curl http://localhost:8001/version',
      `{
  "major": "1",
  "minor": "32",
  "gitVersion": "v1.32.0",
  "gitCommit": "70d3cc986aa8221cd1dfb1121852688902d3bf53",
  "gitTreeState": "clean",
  "buildDate": "2024-12-11T17:59:15Z",
  "goVersion": "go1.23.3",
  "compiler": "gc",
  "platform": "linux/amd64"
}
`,
    )
    await expectOut(s, `export POD_NAME=$(${GET_POD_NAMES})`, '')
    const pod = s.env['POD_NAME'] ?? ''
    expect(pod).toMatch(/^kubernetes-bootcamp-[0-9a-f]{8,10}-[a-z0-9]{5}$/)
    await expectOut(s, 'echo Name of the Pod: $POD_NAME', `Name of the Pod: ${pod}\n`)
    await expectOut(
      s,
      'curl http://localhost:8001/api/v1/namespaces/default/pods/$POD_NAME:8080/proxy/',
      `Hello Kubernetes bootcamp! | Running on: ${pod} | v=1\n`,
    )
    expect(await proxy.interrupt()).toBe(130)
    expect(await type(s, 'curl http://localhost:8001/version')).toEqual({
      stdout: '',
      stderr:
        "curl: (7) Failed to connect to localhost port 8001 after 0 ms: Couldn't connect to server\n",
      exitCode: 7,
    })

    // Module 3: explore the app.
    await expectOut(
      s,
      'kubectl get pods',
      `NAME                                   READY   STATUS    RESTARTS   AGE\n${pod}   1/1     Running   0          30s\n`,
    )
    const described = await type(s, 'kubectl describe pods')
    expect(described.exitCode).toBe(0)
    for (const line of [
      `Name:             ${pod}\n`,
      'Status:           Running\n',
      'IP:               10.244.0.3\n',
      '    Image:          gcr.io/google-samples/kubernetes-bootcamp:v1\n',
      `  Normal  Started    24s   kubelet            Started container kubernetes-bootcamp\n`,
    ])
      expect(described.stdout).toContain(line)
    const proxyAgain = await secondTerminal(s, ['kubectl', 'proxy'], '\n')
    await expectOut(s, `export POD_NAME="$(${GET_POD_NAMES})"`, '')
    await expectOut(
      s,
      'curl http://localhost:8001/api/v1/namespaces/default/pods/$POD_NAME:8080/proxy/',
      `Hello Kubernetes bootcamp! | Running on: ${pod} | v=1\n`,
    )
    expect(await proxyAgain.interrupt()).toBe(130)
    await expectOut(
      s,
      'kubectl logs "$POD_NAME"',
      `Kubernetes Bootcamp App Started At: 2026-01-05T09:00:33.203Z | Running On:  ${pod} \n\n`,
    )
    await expectOut(
      s,
      'kubectl exec "$POD_NAME" -- env',
      `PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
HOSTNAME=${pod}
KUBERNETES_SERVICE_HOST=10.96.0.1
KUBERNETES_SERVICE_PORT=443
KUBERNETES_SERVICE_PORT_HTTPS=443
KUBERNETES_PORT=tcp://10.96.0.1:443
KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443
KUBERNETES_PORT_443_TCP_PROTO=tcp
KUBERNETES_PORT_443_TCP_PORT=443
KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1
NPM_CONFIG_LOGLEVEL=info
NODE_VERSION=6.3.1
HOME=/root
`,
    )
    // `kubectl exec -ti $POD_NAME -- bash`, then cat server.js, curl, exit — on a terminal.
    const { FakeTty } = await import('../../shell/editors/harness')
    const tty = new FakeTty()
    const bash = s.run('kubectl exec -ti $POD_NAME -- bash', { tty })
    const prompt = `root@${pod}:/# `
    await waitFor(() => tty.output.endsWith(prompt))
    await tty.type('cat server.js\r')
    await waitFor(() => tty.output.endsWith(`});\r\n${prompt}`))
    expect(tty.output).toContain('response.end(" | v=1\\n");\r\n')
    await tty.type('curl http://localhost:8080\r')
    await waitFor(() => tty.output.endsWith(`v=1\r\n${prompt}`))
    expect(tty.output).toContain(
      `curl http://localhost:8080\r\nHello Kubernetes bootcamp! | Running on: ${pod} | v=1\r\n${prompt}`,
    )
    await tty.type('exit\r')
    expect((await bash).exitCode).toBe(0)

    // Module 4: expose the app with a Service.
    await expectOut(
      s,
      'kubectl get services',
      'NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nkubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   57s\n',
    )
    await expectOut(
      s,
      'kubectl expose deployment/kubernetes-bootcamp --type="NodePort" --port 8080',
      'service/kubernetes-bootcamp exposed\n',
    )
    await expectOut(s, `export NODE_PORT="$(${GET_NODE_PORT})"`, '')
    const nodePort = s.env['NODE_PORT'] ?? ''
    expect(nodePort).toMatch(/^3\d{4}$/)
    const clusterIp = (
      await type(s, `kubectl get svc kubernetes-bootcamp -o jsonpath='{.spec.clusterIP}'`)
    ).stdout
    await expectOut(
      s,
      'kubectl get services',
      `NAME                  TYPE        CLUSTER-IP      EXTERNAL-IP   PORT(S)          AGE
kubernetes            ClusterIP   10.96.0.1       <none>        443/TCP          57s
kubernetes-bootcamp   NodePort    ${clusterIp.padEnd(13)}   <none>        8080:${nodePort}/TCP   0s
`,
    )
    await expectOut(
      s,
      'kubectl describe services/kubernetes-bootcamp',
      `Name:                     kubernetes-bootcamp
Namespace:                default
Labels:                   app=kubernetes-bootcamp
Annotations:              <none>
Selector:                 app=kubernetes-bootcamp
Type:                     NodePort
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       ${clusterIp}
IPs:                      ${clusterIp}
Port:                     <unset>  8080/TCP
TargetPort:               8080/TCP
NodePort:                 <unset>  ${nodePort}/TCP
Endpoints:                10.244.0.3:8080
Session Affinity:         None
External Traffic Policy:  Cluster
Internal Traffic Policy:  Cluster
Events:                   <none>
`,
    )
    await expectOut(s, 'echo "NODE_PORT=$NODE_PORT"', `NODE_PORT=${nodePort}\n`)
    await expectOut(
      s,
      'curl http://"$(minikube ip):$NODE_PORT"',
      `Hello Kubernetes bootcamp! | Running on: ${pod} | v=1\n`,
    )
    expect((await type(s, 'kubectl describe deployment')).stdout).toContain(
      'Labels:                 app=kubernetes-bootcamp\n',
    )
    await expectOut(
      s,
      'kubectl get pods -l app=kubernetes-bootcamp',
      `NAME                                   READY   STATUS    RESTARTS   AGE\n${pod}   1/1     Running   0          30s\n`,
    )
    await expectOut(
      s,
      'kubectl get services -l app=kubernetes-bootcamp',
      `NAME                  TYPE       CLUSTER-IP      EXTERNAL-IP   PORT(S)          AGE
kubernetes-bootcamp   NodePort   ${clusterIp.padEnd(13)}   <none>        8080:${nodePort}/TCP   0s
`,
    )
    await expectOut(s, `export POD_NAME="$(${GET_POD_NAMES})"`, '')
    await expectOut(s, 'echo "Name of the Pod: $POD_NAME"', `Name of the Pod: ${pod}\n`)
    await expectOut(s, 'kubectl label pods "$POD_NAME" version=v1', `pod/${pod} labeled\n`)
    expect((await type(s, 'kubectl describe pods "$POD_NAME"')).stdout).toContain(
      '                  version=v1\n',
    )
    await expectOut(
      s,
      'kubectl get pods -l version=v1',
      `NAME                                   READY   STATUS    RESTARTS   AGE\n${pod}   1/1     Running   0          30s\n`,
    )
    await expectOut(
      s,
      'kubectl delete service -l app=kubernetes-bootcamp',
      'service "kubernetes-bootcamp" deleted\n',
    )
    await expectOut(
      s,
      'kubectl get services',
      'NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nkubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   57s\n',
    )
    expect(await type(s, 'curl http://"$(minikube ip):$NODE_PORT"')).toEqual({
      stdout: '',
      stderr: `curl: (7) Failed to connect to 192.168.49.2 port ${nodePort} after 0 ms: Couldn't connect to server\n`,
      exitCode: 7,
    })
    await expectOut(
      s,
      'kubectl exec $POD_NAME -- curl -s http://localhost:8080',
      `Hello Kubernetes bootcamp! | Running on: ${pod} | v=1\n`,
    )

    // Module 5: scale the app (behind a LoadBalancer Service, as the module assumes).
    await expectOut(
      s,
      'kubectl expose deployment/kubernetes-bootcamp --type="LoadBalancer" --port 8080',
      'service/kubernetes-bootcamp exposed\n',
    )
    const rs = pod.replace(/-[a-z0-9]{5}$/, '')
    await expectOut(
      s,
      'kubectl get rs',
      `NAME                             DESIRED   CURRENT   READY   AGE\n${rs}   1         1         1       30s\n`,
    )
    await expectOut(
      s,
      'kubectl scale deployments/kubernetes-bootcamp --replicas=4',
      'deployment.apps/kubernetes-bootcamp scaled\n',
    )
    s.clock.advance(30_000)
    await expectOut(
      s,
      'kubectl get deployments',
      'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE\nkubernetes-bootcamp   4/4     4            4           60s\n',
    )
    const wide = await type(s, 'kubectl get pods -o wide')
    const pods = wide.stdout
      .split('\n')
      .slice(1, -1)
      .map((l) => l.split(/\s+/))
    expect(pods.map((p) => [p[2], p[6]])).toEqual([
      ['Running', 'minikube'],
      ['Running', 'minikube'],
      ['Running', 'minikube'],
      ['Running', 'minikube'],
    ])
    expect(new Set(pods.map((p) => p[5])).size).toBe(4)
    await expectOut(s, `export NODE_PORT="$(${GET_NODE_PORT})"`, '')
    expect((await type(s, 'curl http://"$(minikube ip):$NODE_PORT"')).stdout).toMatch(
      /^Hello Kubernetes bootcamp! \| Running on: kubernetes-bootcamp-\S+ \| v=1\n$/,
    )
    // From inside the cluster, the Service's name leads to each pod in turn.
    const seen = new Set<string>()
    for (const host of [
      'kubernetes-bootcamp',
      'kubernetes-bootcamp.default',
      'kubernetes-bootcamp.default.svc.cluster.local',
      'kubernetes-bootcamp',
    ])
      seen.add((await type(s, `kubectl exec $POD_NAME -- curl -s http://${host}:8080`)).stdout)
    expect(seen.size).toBe(4)
    await expectOut(
      s,
      'kubectl scale deployments/kubernetes-bootcamp --replicas=2',
      'deployment.apps/kubernetes-bootcamp scaled\n',
    )

    // Module 6: a rolling update, then a rollback.
    await expectOut(
      s,
      'kubectl set image deployments/kubernetes-bootcamp kubernetes-bootcamp=docker.io/jocatalin/kubernetes-bootcamp:v2',
      'deployment.apps/kubernetes-bootcamp image updated\n',
    )
    expect(
      (await type(s, 'kubectl rollout status deployments/kubernetes-bootcamp')).stdout,
    ).toMatch(/deployment "kubernetes-bootcamp" successfully rolled out\n$/)
    expect((await type(s, 'curl http://"$(minikube ip):$NODE_PORT"')).stdout).toMatch(
      /^Hello Kubernetes bootcamp! \| Running on: kubernetes-bootcamp-\S+ \| v=2\n$/,
    )
    await expectOut(
      s,
      'kubectl set image deployments/kubernetes-bootcamp kubernetes-bootcamp=gcr.io/google-samples/kubernetes-bootcamp:v10',
      'deployment.apps/kubernetes-bootcamp image updated\n',
    )
    s.clock.advance(20_000)
    expect((await type(s, 'kubectl get pods')).stdout).toContain('0/1     ImagePullBackOff   0')
    await expectOut(
      s,
      `export AFFECTED_POD="$(kubectl get pods --field-selector status.phase=Pending -o go-template --template '{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}')"`,
      '',
    )
    const affected = s.env['AFFECTED_POD'] ?? ''
    expect(affected).toMatch(/^kubernetes-bootcamp-/)
    expect((await type(s, 'kubectl describe pod $AFFECTED_POD')).stdout).toContain(
      'gcr.io/google-samples/kubernetes-bootcamp:v10',
    )
    await expectOut(
      s,
      'kubectl rollout undo deployments/kubernetes-bootcamp',
      'deployment.apps/kubernetes-bootcamp rolled back\n',
    )
    s.clock.advance(30_000)
    expect((await type(s, 'kubectl get pods')).stdout).not.toContain('ImagePullBackOff')
    expect((await type(s, 'kubectl describe pods')).stdout).toContain(
      '    Image:          docker.io/jocatalin/kubernetes-bootcamp:v2\n',
    )
    await expectOut(
      s,
      'kubectl delete deployments/kubernetes-bootcamp services/kubernetes-bootcamp',
      'deployment.apps "kubernetes-bootcamp" deleted\nservice "kubernetes-bootcamp" deleted\n',
    )
  }, 120_000)
})
