/** kubectl describe for Service, Endpoints, EndpointSlice and Ingress. */
import { describe as suite, expect, it } from 'vitest'
import { describe, NOW } from './harness'
import { clusterObjects, moreObjects } from './objects'

suite('describe networking', () => {
  it('prints a NodePort service with its ready endpoints from the EndpointSlices', () => {
    expect(describe(clusterObjects(NOW), 'service', 'web')).toBe(
      `Name:                     web
Namespace:                default
Labels:                   app=web
Annotations:              <none>
Selector:                 app=web
Type:                     NodePort
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.96.12.34
IPs:                      10.96.12.34
Port:                     <unset>  80/TCP
TargetPort:               80/TCP
NodePort:                 <unset>  30080/TCP
Endpoints:                10.244.0.5:80
Session Affinity:         None
External Traffic Policy:  Cluster
Internal Traffic Policy:  Cluster
Events:                   <none>
`,
    )
  })

  it('prints a headless service with at most three endpoints and how many more', () => {
    expect(describe(moreObjects(NOW), 'service', 'web', 'dev')).toBe(
      `Name:              web
Namespace:         dev
Labels:            <none>
Annotations:       <none>
Selector:          <none>
Type:              ClusterIP
IP Families:       <none>
IP:                None
IPs:               None
Port:              http  80/TCP
TargetPort:        http/TCP
Endpoints:         10.244.0.1:8080,10.244.0.3:8080,10.244.0.4:8080 + 1 more...
Session Affinity:  None
Events:            <none>
`,
    )
  })

  it('prints endpoints subsets with a port table', () => {
    expect(describe(clusterObjects(NOW), 'endpoints', 'web')).toBe(
      `Name:         web
Namespace:    default
Labels:       app=web
Annotations:  <none>
Subsets:
  Addresses:          10.244.0.5
  NotReadyAddresses:  <none>
  Ports:
    Name     Port  Protocol
    ----     ----  --------
    <unset>  80    TCP

Events:  <none>
`,
    )
  })

  it("prints an endpointslice with its endpoints' conditions", () => {
    expect(describe(clusterObjects(NOW), 'endpointslices', 'web-x2v8k')).toBe(
      `Name:         web-x2v8k
Namespace:    default
Labels:       app=web
              endpointslice.kubernetes.io/managed-by=endpointslice-controller.k8s.io
              kubernetes.io/service-name=web
Annotations:  endpoints.kubernetes.io/last-change-trigger-time: 2026-01-05T08:58:20Z
AddressType:  IPv4
Ports:
  Name     Port  Protocol
  ----     ----  --------
  <unset>  80    TCP
Endpoints:
  - Addresses:  10.244.0.5
    Conditions:
      Ready:    true
    Hostname:   <unset>
    TargetRef:  Pod/web-7d4b9c8f5-abcde
    NodeName:   minikube
    Zone:       <unset>
Events:         <none>
`,
    )
  })

  it("prints an ingress with its rules and the backends' endpoints", () => {
    expect(describe(moreObjects(NOW), 'ingress', 'web', 'dev')).toBe(
      `Name:             web
Labels:           <none>
Namespace:        dev
Address:          192.168.49.2
Ingress Class:    nginx
Default backend:  <default>
Rules:
  Host         Path  Backends
  ----         ----  --------
  hello.local  
               /      web:80 (10.244.0.1:8080,10.244.0.3:8080,10.244.0.4:8080 + 1 more...)
               /api   api:8080 (<error: services "api" not found>)
Annotations:   <none>
Events:        <none>
`,
    )
  })
})
