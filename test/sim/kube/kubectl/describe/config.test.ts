/** kubectl describe for Namespace, ConfigMap, Secret, ServiceAccount, LimitRange and ResourceQuota. */
import { describe as suite, expect, it } from 'vitest'
import { describe, NOW } from './harness'
import { clusterObjects, moreObjects, twoObjects } from './objects'

suite('describe namespaces and configuration', () => {
  it('prints a namespace without quota or limit range', () => {
    expect(describe(clusterObjects(NOW), 'namespace', 'default')).toBe(
      `Name:         default
Labels:       kubernetes.io/metadata.name=default
Annotations:  <none>
Status:       Active

No resource quota.

No LimitRange resource.
`,
    )
  })

  it('prints a namespace with its resource quota and limit range tables', () => {
    expect(describe(moreObjects(NOW), 'namespace', 'dev')).toBe(
      `Name:         dev
Labels:       kubernetes.io/metadata.name=dev
Annotations:  <none>
Status:       Active

Resource Quotas
  Name:            compute
  Resource         Used  Hard
  --------         ---   ---
  pods             1     10
  requests.cpu     250m  2
  requests.memory  64Mi  2Gi

Resource Limits
 Type       Resource  Min  Max  Default Request  Default Limit  Max Limit/Request Ratio
 ----       --------  ---  ---  ---------------  -------------  -----------------------
 Container  cpu       -    1    100m             500m           -
 Container  memory    -    -    128Mi            256Mi          -
`,
    )
  })

  it("prints a configmap's data with underlined keys and its binary data", () => {
    expect(describe(twoObjects(NOW), 'configmap', 'app-a')).toBe(
      `Name:         app-a
Namespace:    default
Labels:       <none>
Annotations:  <none>

Data
====
a:
----
x

b.txt:
----
line1
line2



BinaryData
====

Events:  <none>
`,
    )
  })

  it("prints a configmap's binary data sizes", () => {
    expect(describe(twoObjects(NOW), 'configmap', 'other')).toBe(
      `Name:         other
Namespace:    default
Labels:       <none>
Annotations:  <none>

Data
====

BinaryData
====
bin: 3 bytes

Events:  <none>
`,
    )
  })

  it("prints a secret's type and data sizes in bytes", () => {
    expect(describe(moreObjects(NOW), 'secret', 'db', 'dev')).toBe(
      `Name:         db
Namespace:    dev
Labels:       <none>
Annotations:  <none>

Type:  Opaque

Data
====
password:  7 bytes
user:      5 bytes
`,
    )
  })

  it('prints a service account with missing secrets marked not found', () => {
    expect(describe(moreObjects(NOW), 'serviceaccount', 'builder', 'dev')).toBe(
      `Name:                builder
Namespace:           dev
Labels:              <none>
Annotations:         <none>
Image pull secrets:  db
                     regcred (not found)
Mountable secrets:   gone (not found)
Tokens:              <none>
Events:              <none>
`,
    )
  })

  it('prints a limit range table', () => {
    expect(describe(moreObjects(NOW), 'limitrange', 'limits', 'dev')).toBe(
      `Name:       limits
Namespace:  dev
Type        Resource  Min  Max  Default Request  Default Limit  Max Limit/Request Ratio
----        --------  ---  ---  ---------------  -------------  -----------------------
Container   cpu       -    1    100m             500m           -
Container   memory    -    -    128Mi            256Mi          -
`,
    )
  })

  it("prints a resource quota's used and hard amounts", () => {
    expect(describe(moreObjects(NOW), 'resourcequota', 'compute', 'dev')).toBe(
      `Name:            compute
Namespace:       dev
Resource         Used  Hard
--------         ----  ----
pods             1     10
requests.cpu     250m  2
requests.memory  64Mi  2Gi
`,
    )
  })
})
