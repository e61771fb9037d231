/** kubectl's generic describer for kinds without their own (Lease, Event). */
import { describe as suite, expect, it } from 'vitest'
import { describe, NOW } from './harness'
import { moreObjects } from './objects'

suite('describe with the generic describer', () => {
  it("prints a lease's fields as labelled words, nested by level", () => {
    expect(describe(moreObjects(NOW), 'lease', 'minikube', 'kube-node-lease')).toBe(
      `Name:         minikube
Namespace:    kube-node-lease
Labels:       <none>
Annotations:  <none>
API Version:  coordination.k8s.io/v1
Kind:         Lease
Metadata:
  Creation Timestamp:  2026-01-05T08:50:00Z
  Owner References:
    API Version:     v1
    Kind:            Node
    Name:            minikube
    UID:             node-uid
  Resource Version:  22
  UID:               lease-uid
Spec:
  Holder Identity:         minikube
  Lease Duration Seconds:  40
  Renew Time:              2026-01-05T09:00:00.123456Z
Events:                    <none>
`,
    )
  })

  it("prints an event's fields, its involved object nested", () => {
    expect(describe(moreObjects(NOW), 'event', 'pi.1', 'dev')).toBe(
      `Name:             pi.1
Namespace:        dev
Labels:           <none>
Annotations:      <none>
API Version:      v1
Count:            1
Event Time:       <nil>
First Timestamp:  2026-01-05T08:55:00Z
Involved Object:
  API Version:       batch/v1
  Kind:              Job
  Name:              pi
  Namespace:         dev
  Resource Version:  3
  UID:               job
Kind:                Event
Last Timestamp:      2026-01-05T08:55:00Z
Message:             Created pod: pi-abcde
Metadata:
  Creation Timestamp:  2026-01-05T08:55:00Z
  Resource Version:    23
  UID:                 e-pi
Reason:                SuccessfulCreate
Reporting Component:   job-controller
Reporting Instance:    
Source:
  Component:  job-controller
Type:         Normal
Events:       <none>
`,
    )
  })
})
