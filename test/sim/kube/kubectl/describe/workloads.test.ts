/** kubectl describe for the workload kinds (Deployment, ReplicaSet, DaemonSet, StatefulSet, Job, CronJob). */
import { describe as suite, expect, it } from 'vitest'
import { describe, NOW } from './harness'
import { clusterObjects, moreObjects, rolloutObjects } from './objects'

suite('describe workloads', () => {
  it('prints a deployment with its pod template, conditions, new ReplicaSet and events', () => {
    expect(describe(clusterObjects(NOW), 'deployment', 'web')).toBe(
      `Name:                   web
Namespace:              default
CreationTimestamp:      Mon, 05 Jan 2026 08:56:50 +0000
Labels:                 app=web
Annotations:            deployment.kubernetes.io/revision: 1
Selector:               app=web
Replicas:               1 desired | 1 updated | 1 total | 1 available | 0 unavailable
StrategyType:           RollingUpdate
MinReadySeconds:        0
RollingUpdateStrategy:  25% max unavailable, 25% max surge
Pod Template:
  Labels:  app=web
  Containers:
   nginx:
    Image:         nginx
    Port:          <none>
    Host Port:     <none>
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Conditions:
  Type           Status  Reason
  ----           ------  ------
  Available      True    MinimumReplicasAvailable
  Progressing    True    NewReplicaSetAvailable
OldReplicaSets:  <none>
NewReplicaSet:   web-7d4b9c8f5 (1/1 replicas created)
Events:
  Type    Reason             Age    From                   Message
  ----    ------             ----   ----                   -------
  Normal  ScalingReplicaSet  3m10s  deployment-controller  Scaled up replica set web-7d4b9c8f5 to 1
`,
    )
  })

  it('lists the old ReplicaSets it controls and skips the ones it does not', () => {
    expect(describe(rolloutObjects(NOW), 'deployment', 'web')).toBe(
      `Name:                   web
Namespace:              default
CreationTimestamp:      Mon, 05 Jan 2026 08:56:50 +0000
Labels:                 app=web
Annotations:            deployment.kubernetes.io/revision: 1
Selector:               app=web
Replicas:               1 desired | 1 updated | 1 total | 1 available | 0 unavailable
StrategyType:           RollingUpdate
MinReadySeconds:        0
RollingUpdateStrategy:  25% max unavailable, 25% max surge
Pod Template:
  Labels:  app=web
  Containers:
   nginx:
    Image:         nginx
    Port:          <none>
    Host Port:     <none>
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Conditions:
  Type           Status  Reason
  ----           ------  ------
  Available      True    MinimumReplicasAvailable
  Progressing    True    NewReplicaSetAvailable
OldReplicaSets:  web-5f6d8b7c9 (0/0 replicas created)
NewReplicaSet:   web-7d4b9c8f5 (1/1 replicas created)
Events:
  Type    Reason             Age    From                   Message
  ----    ------             ----   ----                   -------
  Normal  ScalingReplicaSet  3m10s  deployment-controller  Scaled up replica set web-7d4b9c8f5 to 1
`,
    )
  })

  it('prints a replicaset with the deployment controlling it and its pods status', () => {
    expect(describe(clusterObjects(NOW), 'replicaset', 'web-7d4b9c8f5')).toBe(
      `Name:           web-7d4b9c8f5
Namespace:      default
Selector:       app=web,pod-template-hash=7d4b9c8f5
Labels:         app=web
                pod-template-hash=7d4b9c8f5
Annotations:    deployment.kubernetes.io/desired-replicas: 1
                deployment.kubernetes.io/max-replicas: 2
                deployment.kubernetes.io/revision: 1
Controlled By:  Deployment/web
Replicas:       1 current / 1 desired
Pods Status:    1 Running / 0 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  app=web
           pod-template-hash=7d4b9c8f5
  Containers:
   nginx:
    Image:         nginx
    Port:          <none>
    Host Port:     <none>
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Events:
  Type    Reason            Age    From                   Message
  ----    ------            ----   ----                   -------
  Normal  SuccessfulCreate  3m10s  replicaset-controller  Created pod: web-7d4b9c8f5-abcde
`,
    )
  })

  it('prints a daemonset without a Namespace line and with its template tolerations', () => {
    expect(describe(moreObjects(NOW), 'daemonset', 'fluentd', 'dev')).toBe(
      `Name:           fluentd
Selector:       name=fluentd
Node-Selector:  <none>
Labels:         <none>
Annotations:    deprecated.daemonset.template.generation: 1
Desired Number of Nodes Scheduled: 1
Current Number of Nodes Scheduled: 1
Number of Nodes Scheduled with Up-to-date Pods: 1
Number of Nodes Scheduled with Available Pods: 1
Number of Nodes Misscheduled: 0
Pods Status:  0 Running / 0 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  name=fluentd
  Containers:
   fluentd:
    Image:      fluentd:v1
    Port:       <none>
    Host Port:  <none>
    Limits:
      memory:  200Mi
    Requests:
      cpu:         100m
      memory:      200Mi
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     op=Exists
                   node-role.kubernetes.io/control-plane:NoSchedule op=Exists
Events:            <none>
`,
    )
  })

  it('prints a statefulset with a set-based selector, partition and volume claim templates', () => {
    expect(describe(moreObjects(NOW), 'statefulset', 'db', 'dev')).toBe(
      `Name:               db
Namespace:          dev
CreationTimestamp:  Mon, 05 Jan 2026 08:43:20 +0000
Selector:           app=db,tier in (a,z)
Labels:             <none>
Annotations:        <none>
Replicas:           2 desired | 2 total
Update Strategy:    RollingUpdate
  Partition:        0
Pods Status:        0 Running / 0 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  app=db
           tier=a
  Containers:
   pg:
    Image:        postgres:16
    Port:         5432/TCP
    Host Port:    0/TCP
    Environment:  <none>
    Mounts:
      /var/lib/postgresql/data from pgdata (rw)
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Volume Claims:
  Name:          pgdata
  StorageClass:  
  Labels:        <none>
  Annotations:   <none>
  Capacity:      1Gi
  Access Modes:  [ReadWriteOnce]
Events:          <none>
`,
    )
  })

  it('prints a completed job with its duration and pods statuses', () => {
    expect(describe(moreObjects(NOW), 'job', 'pi', 'dev')).toBe(
      `Name:             pi
Namespace:        dev
Selector:         batch.kubernetes.io/controller-uid=job
Labels:           batch.kubernetes.io/controller-uid=job
                  batch.kubernetes.io/job-name=pi
                  controller-uid=job
                  job-name=pi
Annotations:      <none>
Parallelism:      1
Completions:      1
Completion Mode:  NonIndexed
Suspend:          false
Backoff Limit:    6
Start Time:       Mon, 05 Jan 2026 08:55:00 +0000
Completed At:     Mon, 05 Jan 2026 08:55:50 +0000
Duration:         50s
Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed
Pod Template:
  Labels:  batch.kubernetes.io/controller-uid=job
           batch.kubernetes.io/job-name=pi
           controller-uid=job
           job-name=pi
  Containers:
   pi:
    Image:      perl:5.34.0
    Port:       <none>
    Host Port:  <none>
    Command:
      perl
      -Mbignum=bpi
      -wle
      print bpi(2000)
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Events:
  Type    Reason            Age   From            Message
  ----    ------            ----  ----            -------
  Normal  SuccessfulCreate  5m    job-controller  Created pod: pi-abcde
`,
    )
  })

  it('prints a cronjob with its job template, last schedule time and active jobs', () => {
    expect(describe(moreObjects(NOW), 'cronjob', 'hello', 'dev')).toBe(
      `Name:                          hello
Namespace:                     dev
Labels:                        <none>
Annotations:                   <none>
Schedule:                      */1 * * * *
Concurrency Policy:            Allow
Suspend:                       False
Successful Job History Limit:  3
Failed Job History Limit:      1
Starting Deadline Seconds:     <unset>
Selector:                      <unset>
Parallelism:                   <unset>
Completions:                   <unset>
Pod Template:
  Labels:  <none>
  Containers:
   hello:
    Image:      busybox:1.28
    Port:       <none>
    Host Port:  <none>
    Args:
      /bin/sh
      -c
      date
    Environment:     <none>
    Mounts:          <none>
  Volumes:           <none>
  Node-Selectors:    <none>
  Tolerations:       <none>
Last Schedule Time:  Mon, 05 Jan 2026 08:59:30 +0000
Active Jobs:         hello-29000000
Events:              <none>
`,
    )
  })
})
