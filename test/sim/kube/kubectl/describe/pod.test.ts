/** kubectl describe pod: the text kubectl 1.32 prints (checked against the real binary). */
import { describe as suite, expect, it } from 'vitest'
import { describe, NOW } from './harness'
import { basicObjects, moreObjects } from './objects'

suite('describe pod', () => {
  it('prints a running pod with its container, projected token volume, tolerations and aggregated events', () => {
    expect(describe(basicObjects(NOW), 'pod', 'web-7d4b9c8f5-abcde')).toBe(
      `Name:             web-7d4b9c8f5-abcde
Namespace:        default
Priority:         0
Service Account:  default
Node:             minikube/192.168.49.2
Start Time:       Mon, 05 Jan 2026 08:56:50 +0000
Labels:           app=web
                  pod-template-hash=7d4b9c8f5
Annotations:      <none>
Status:           Running
IP:               10.244.0.5
IPs:
  IP:           10.244.0.5
Controlled By:  ReplicaSet/web-7d4b9c8f5
Containers:
  nginx:
    Container ID:   docker://8f3c2a1b
    Image:          nginx
    Image ID:       docker-pullable://nginx@sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a
    Port:           80/TCP
    Host Port:      0/TCP
    State:          Running
      Started:      Mon, 05 Jan 2026 08:56:59 +0000
    Ready:          True
    Restart Count:  0
    Liveness:       http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3
    Environment:
      MODE:  prod
      PASS:  <set to the key 'password' in secret 'db'>  Optional: false
      NODE:   (v1:spec.nodeName)
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-x7k2p (ro)
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       True 
  ContainersReady             True 
  PodScheduled                True 
Volumes:
  kube-api-access-x7k2p:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    ConfigMapOptional:       <nil>
    DownwardAPI:             true
QoS Class:                   BestEffort
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type    Reason     Age                 From               Message
  ----    ------     ----                ----               -------
  Normal  Scheduled  <unknown>           default-scheduler  Successfully assigned default/web-7d4b9c8f5-abcde to minikube
  Normal  Started    3m1s                kubelet            Started container nginx
  Normal  Pulling    60s (x3 over 3m9s)  kubelet            Pulling image "nginx"
`,
    )
  })

  it('prints a terminating pod with init containers, a crash-looping container, env sources, probes and volumes', () => {
    expect(describe(moreObjects(NOW), 'pod', 'worker', 'dev')).toBe(
      `Name:                      worker
Namespace:                 dev
Priority:                  0
Service Account:           builder
Node:                      minikube/192.168.49.2
Start Time:                Mon, 05 Jan 2026 08:53:21 +0000
Labels:                    app=worker
Annotations:               long:
                             xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...
                           note:
                             line one
                             line two
Status:                    Terminating (lasts <invalid>)
Termination Grace Period:  30s
IP:                        10.244.0.9
IPs:
  IP:  10.244.0.9
Init Containers:
  init:
    Container ID:  docker://init1
    Image:         busybox
    Image ID:      docker-pullable://busybox@sha256:abc
    Port:          <none>
    Host Port:     <none>
    Command:
      true
    State:          Terminated
      Reason:       Completed
      Exit Code:    0
      Started:      Mon, 05 Jan 2026 08:53:22 +0000
      Finished:     Mon, 05 Jan 2026 08:53:23 +0000
    Ready:          True
    Restart Count:  0
    Environment:    <none>
    Mounts:         <none>
Containers:
  app:
    Container ID:  docker://app1
    Image:         busybox:1.36
    Image ID:      docker-pullable://busybox@sha256:def
    Ports:         8080/TCP, 9090/UDP
    Host Ports:    0/TCP, 9090/UDP
    Command:
      sh
      -c
    Args:
      echo hi
      sleep 10
    State:          Waiting
      Reason:       CrashLoopBackOff
    Last State:     Terminated
      Reason:       OOMKilled
      Exit Code:    137
      Started:      Mon, 05 Jan 2026 08:58:00 +0000
      Finished:     Mon, 05 Jan 2026 08:58:10 +0000
    Ready:          False
    Restart Count:  4
    Limits:
      cpu:     500m
      memory:  128Mi
    Requests:
      cpu:      250m
      memory:   64Mi
    Liveness:   tcp-socket :8080 delay=0s timeout=2s period=10s #success=1 #failure=3
    Readiness:  exec [cat /tmp/ready] delay=5s timeout=1s period=5s #success=1 #failure=3
    Environment Variables from:
      cfg  ConfigMap                 Optional: false
      db   Secret with prefix 'DB_'  Optional: false
    Environment:
      MULTI:  a
              b
      CM:     <set to the key 'mode' of config map 'cfg'>  Optional: true
      POD:    worker (v1:metadata.name)
      LIM:    128 (limits.memory)
    Mounts:
      /data from data (rw)
      /etc/cfg from cfg (ro,path="x.conf")
Conditions:
  Type    Status
  Ready   False 
Volumes:
  data:
    Type:       EmptyDir (a temporary directory that shares a pod's lifetime)
    Medium:     
    SizeLimit:  <unset>
  cfg:
    Type:      ConfigMap (a volume populated by a ConfigMap)
    Name:      cfg
    Optional:  false
  sec:
    Type:        Secret (a volume populated by a Secret)
    SecretName:  db
    Optional:    false
  claim:
    Type:       PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)
    ClaimName:  data-pvc
    ReadOnly:   false
  host:
    Type:          HostPath (bare host directory volume)
    Path:          /var/log
    HostPathType:  
  mem:
    Type:        EmptyDir (a temporary directory that shares a pod's lifetime)
    Medium:      Memory
    SizeLimit:   64Mi
QoS Class:       Burstable
Node-Selectors:  disktype=ssd
Tolerations:     <none>
Events:          <none>
`,
    )
  })

  it('prints a pending pod with a scheduling event that only has an eventTime', () => {
    expect(describe(moreObjects(NOW), 'pod', 'pending', 'dev')).toBe(
      `Name:         pending
Namespace:    dev
Node:         <none>
Labels:       <none>
Annotations:  <none>
Status:       Pending
IP:           
IPs:          <none>
Containers:
  c:
    Image:      nginx
    Port:       <none>
    Host Port:  <none>
    Limits:
      cpu:     1
      memory:  1Gi
    Requests:
      cpu:        1
      memory:     1Gi
    Environment:  <none>
    Mounts:       <none>
Conditions:
  Type           Status
  PodScheduled   False 
Volumes:         <none>
QoS Class:       Guaranteed
Node-Selectors:  <none>
Tolerations:     <none>
Events:
  Type     Reason            Age   From               Message
  ----     ------            ----  ----               -------
  Warning  FailedScheduling  44s   default-scheduler  0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.
`,
    )
  })

  it('leaves out the Events section with --show-events=false', () => {
    expect(describe(basicObjects(NOW), 'pod', 'web-7d4b9c8f5-abcde', 'default', false)).toBe(
      `Name:             web-7d4b9c8f5-abcde
Namespace:        default
Priority:         0
Service Account:  default
Node:             minikube/192.168.49.2
Start Time:       Mon, 05 Jan 2026 08:56:50 +0000
Labels:           app=web
                  pod-template-hash=7d4b9c8f5
Annotations:      <none>
Status:           Running
IP:               10.244.0.5
IPs:
  IP:           10.244.0.5
Controlled By:  ReplicaSet/web-7d4b9c8f5
Containers:
  nginx:
    Container ID:   docker://8f3c2a1b
    Image:          nginx
    Image ID:       docker-pullable://nginx@sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a
    Port:           80/TCP
    Host Port:      0/TCP
    State:          Running
      Started:      Mon, 05 Jan 2026 08:56:59 +0000
    Ready:          True
    Restart Count:  0
    Liveness:       http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3
    Environment:
      MODE:  prod
      PASS:  <set to the key 'password' in secret 'db'>  Optional: false
      NODE:   (v1:spec.nodeName)
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-x7k2p (ro)
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       True 
  ContainersReady             True 
  PodScheduled                True 
Volumes:
  kube-api-access-x7k2p:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    ConfigMapOptional:       <nil>
    DownwardAPI:             true
QoS Class:                   BestEffort
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
`,
    )
  })
})
