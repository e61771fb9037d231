/** kubectl describe node: lease, conditions, capacity, system info, pods and allocated resources. */
import { describe as suite, expect, it } from 'vitest'
import { describe, NOW } from './harness'
import { nodeObjects } from './objects'

suite('describe node', () => {
  it('prints a node with its lease, non-terminated pods, allocated resources and events by uid and by name', () => {
    expect(describe(nodeObjects(NOW), 'node', 'minikube')).toBe(
      `Name:               minikube
Roles:              control-plane
Labels:             beta.kubernetes.io/arch=amd64
                    beta.kubernetes.io/os=linux
                    kubernetes.io/arch=amd64
                    kubernetes.io/hostname=minikube
                    kubernetes.io/os=linux
                    minikube.k8s.io/commit=5883c09216182566a63dff4c326a6fc9ed2982ff
                    minikube.k8s.io/name=minikube
                    minikube.k8s.io/primary=true
                    minikube.k8s.io/updated_at=2026_01_05T09_00_00_0700
                    minikube.k8s.io/version=v1.35.0
                    node-role.kubernetes.io/control-plane=
                    node.kubernetes.io/exclude-from-external-load-balancers=
Annotations:        kubeadm.alpha.kubernetes.io/cri-socket: unix:///var/run/cri-dockerd.sock
                    node.alpha.kubernetes.io/ttl: 0
                    volumes.kubernetes.io/controller-managed-attach-detach: true
CreationTimestamp:  Mon, 05 Jan 2026 08:50:00 +0000
Taints:             <none>
Unschedulable:      false
Lease:
  HolderIdentity:  minikube
  AcquireTime:     <unset>
  RenewTime:       Thu, 26 Nov 2026 00:29:00 +0000
Conditions:
  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message
  ----             ------  -----------------                 ------------------                ------                       -------
  MemoryPressure   False   Mon, 05 Jan 2026 08:59:30 +0000   Mon, 05 Jan 2026 08:50:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available
  DiskPressure     False   Mon, 05 Jan 2026 08:59:30 +0000   Mon, 05 Jan 2026 08:50:00 +0000   KubeletHasNoDiskPressure     kubelet has no disk pressure
  PIDPressure      False   Mon, 05 Jan 2026 08:59:30 +0000   Mon, 05 Jan 2026 08:50:00 +0000   KubeletHasSufficientPID      kubelet has sufficient PID available
  Ready            True    Mon, 05 Jan 2026 08:59:30 +0000   Mon, 05 Jan 2026 08:50:10 +0000   KubeletReady                 kubelet is posting ready status
Addresses:
  InternalIP:  192.168.49.2
  Hostname:    minikube
Capacity:
  cpu:                2
  ephemeral-storage:  102107096Ki
  hugepages-1Gi:      0
  hugepages-2Mi:      0
  memory:             3912244Ki
  pods:               110
Allocatable:
  cpu:                2
  ephemeral-storage:  102107096Ki
  hugepages-1Gi:      0
  hugepages-2Mi:      0
  memory:             3912244Ki
  pods:               110
System Info:
  Machine ID:                 a1b2c3d4e5f60718293a4b5c6d7e8f90
  System UUID:                3f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b
  Boot ID:                    9b8a7c6d-5e4f-3a2b-1c0d-e9f8a7b6c5d4
  Kernel Version:             6.8.0-49-generic
  OS Image:                   Ubuntu 22.04.5 LTS
  Operating System:           linux
  Architecture:               amd64
  Container Runtime Version:  docker://27.4.1
  Kubelet Version:            v1.32.0
  Kube-Proxy Version:         v1.32.0
PodCIDR:                      10.244.0.0/24
PodCIDRs:                     10.244.0.0/24
Non-terminated Pods:          (5 in total)
  Namespace                   Name                        CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
  ---------                   ----                        ------------  ----------  ---------------  -------------  ---
  default                     web-7d4b9c8f5-abcde         0 (0%)        0 (0%)      0 (0%)           0 (0%)         3m10s
  kube-system                 coredns-668d6bf9bc-xk2j4    100m (5%)     0 (0%)      70Mi (1%)        170Mi (4%)     9m50s
  kube-system                 etcd-minikube               100m (5%)     0 (0%)      100Mi (2%)       0 (0%)         10m
  kube-system                 kube-apiserver-minikube     250m (12%)    0 (0%)      0 (0%)           0 (0%)         10m
  kube-system                 kube-proxy-7x9kq            0 (0%)        0 (0%)      0 (0%)           0 (0%)         9m50s
Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests    Limits
  --------           --------    ------
  cpu                450m (22%)  0 (0%)
  memory             170Mi (4%)  170Mi (4%)
  ephemeral-storage  0 (0%)      0 (0%)
  hugepages-1Gi      0 (0%)      0 (0%)
  hugepages-2Mi      0 (0%)      0 (0%)
Events:
  Type    Reason          Age    From             Message
  ----    ------          ----   ----             -------
  Normal  Starting        10m    kubelet          Starting kubelet.
  Normal  RegisteredNode  9m55s  node-controller  Node minikube event: Registered Node minikube in Controller
`,
    )
  })
})
