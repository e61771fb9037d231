/** kubectl describe for PersistentVolumeClaim, PersistentVolume, StorageClass and HorizontalPodAutoscaler. */
import { describe as suite, expect, it } from 'vitest'
import { describe, NOW } from './harness'
import { moreObjects } from './objects'

suite('describe storage and autoscaling', () => {
  it('prints a bound claim with the pods using it', () => {
    expect(describe(moreObjects(NOW), 'pvc', 'data-pvc', 'dev')).toBe(
      `Name:          data-pvc
Namespace:     dev
StorageClass:  standard
Status:        Bound
Volume:        pvc-123
Labels:        <none>
Annotations:   pv.kubernetes.io/bind-completed: yes
Finalizers:    [kubernetes.io/pvc-protection]
Capacity:      1Gi
Access Modes:  RWO
VolumeMode:    Filesystem
Used By:       worker
Events:        <none>
`,
    )
  })

  it('prints a hostPath persistent volume with its claim', () => {
    expect(describe(moreObjects(NOW), 'pv', 'pvc-123')).toBe(
      `Name:            pvc-123
Labels:          <none>
Annotations:     hostPathProvisionerIdentity: abc
                 pv.kubernetes.io/provisioned-by: k8s.io/minikube-hostpath
Finalizers:      [kubernetes.io/pv-protection]
StorageClass:    standard
Status:          Bound
Claim:           dev/data-pvc
Reclaim Policy:  Delete
Access Modes:    RWO
VolumeMode:      Filesystem
Capacity:        1Gi
Node Affinity:   <none>
Message:         
Source:
    Type:          HostPath (bare host directory volume)
    Path:          /tmp/hostpath-provisioner/dev/data-pvc
    HostPathType:  
Events:            <none>
`,
    )
  })

  it('prints the default storage class', () => {
    expect(describe(moreObjects(NOW), 'storageclass', 'standard')).toBe(
      `Name:                  standard
IsDefaultClass:        Yes
Annotations:           storageclass.kubernetes.io/is-default-class=true
Provisioner:           k8s.io/minikube-hostpath
Parameters:            <none>
AllowVolumeExpansion:  <unset>
MountOptions:          <none>
ReclaimPolicy:         Delete
VolumeBindingMode:     Immediate
Events:                <none>
`,
    )
  })

  it("prints a horizontal pod autoscaler's resource metric and conditions", () => {
    expect(describe(moreObjects(NOW), 'hpa', 'web', 'dev')).toBe(
      `Name:                                                  web
Namespace:                                             dev
Labels:                                                <none>
Annotations:                                           <none>
CreationTimestamp:                                     Mon, 05 Jan 2026 08:58:20 +0000
Reference:                                             Deployment/web
Metrics:                                               ( current / target )
  resource cpu on pods  (as a percentage of request):  1% (1m) / 50%
Min replicas:                                          1
Max replicas:                                          5
Deployment pods:                                       1 current / 1 desired
Conditions:
  Type         Status  Reason            Message
  ----         ------  ------            -------
  AbleToScale  True    ReadyForNewScale  recommended size matches current size
Events:        <none>
`,
    )
  })
})
