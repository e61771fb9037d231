import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, test } from 'vitest'
import { RESOURCE_TYPES } from '../../../../src/sim/kube/api/resources'
import { Session } from '../../../../src/sim/shell/session'
import {
  realKubectlPresent,
  REAL_KUBECTL,
  runRealKubectl,
  startOracleServer,
} from './explain-oracle'
import { bareClusterSession } from './get-fixture'

async function explain(command: string) {
  const { session } = await bareClusterSession()
  return session.run(command)
}

describe('kubectl explain', () => {
  test('a kind prints KIND, VERSION, its description and its fields with their descriptions', async () => {
    const r = await explain('kubectl explain pods')
    expect(r.exitCode).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.stdout).toBe(
      'KIND:       Pod\n' +
        'VERSION:    v1\n' +
        '\n' +
        'DESCRIPTION:\n' +
        '    Pod is a collection of containers that can run on a host. This resource is\n' +
        '    created by clients and scheduled onto hosts.\n' +
        '    \n' +
        'FIELDS:\n' +
        '  apiVersion\t<string>\n' +
        '    APIVersion defines the versioned schema of this representation of an object.\n' +
        '    Servers should convert recognized schemas to the latest internal value, and\n' +
        '    may reject unrecognized values. More info:\n' +
        '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources\n' +
        '\n' +
        '  kind\t<string>\n' +
        '    Kind is a string value representing the REST resource this object\n' +
        '    represents. Servers may infer this from the endpoint the client submits\n' +
        '    requests to. Cannot be updated. In CamelCase. More info:\n' +
        '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds\n' +
        '\n' +
        '  metadata\t<ObjectMeta>\n' +
        "    Standard object's metadata. More info:\n" +
        '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata\n' +
        '\n' +
        '  spec\t<PodSpec>\n' +
        '    Specification of the desired behavior of the pod. More info:\n' +
        '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status\n' +
        '\n' +
        '  status\t<PodStatus>\n' +
        '    Most recently observed status of the pod. This data may not be up to date.\n' +
        '    Populated by the system. Read-only. More info:\n' +
        '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status\n' +
        '\n' +
        '\n',
    )
  })

  test('a kind in a group prints GROUP first, and resource.group prefixes are understood', async () => {
    const r = await explain('kubectl explain deployments.apps.spec.replicas')
    expect(r.stdout).toBe(
      'GROUP:      apps\n' +
        'KIND:       Deployment\n' +
        'VERSION:    v1\n' +
        '\n' +
        'FIELD: replicas <integer>\n' +
        '\n' +
        '\n' +
        'DESCRIPTION:\n' +
        '    Number of desired pods. This is a pointer to distinguish between explicit\n' +
        '    zero and not specified. Defaults to 1.\n' +
        '    \n' +
        '\n',
    )
  })

  test('a field path prints FIELD with its enum, the field and type descriptions, and its fields', async () => {
    const r = await explain('kubectl explain pod.spec.restartPolicy')
    expect(r.stdout).toBe(
      'KIND:       Pod\n' +
        'VERSION:    v1\n' +
        '\n' +
        'FIELD: restartPolicy <string>\n' +
        'ENUM:\n' +
        '    Always\n' +
        '    Never\n' +
        '    OnFailure\n' +
        '\n' +
        'DESCRIPTION:\n' +
        '    Restart policy for all containers within the pod. One of Always, OnFailure,\n' +
        '    Never. In some contexts, only a subset of those values may be permitted.\n' +
        '    Default to Always. More info:\n' +
        '    https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy\n' +
        '    \n' +
        '    Possible enum values:\n' +
        '     - `"Always"`\n' +
        '     - `"Never"`\n' +
        '     - `"OnFailure"`\n' +
        '    \n' +
        '\n',
    )
    const strategy = await explain('kubectl explain deploy.spec.strategy')
    expect(strategy.stdout).toBe(
      'GROUP:      apps\n' +
        'KIND:       Deployment\n' +
        'VERSION:    v1\n' +
        '\n' +
        'FIELD: strategy <DeploymentStrategy>\n' +
        '\n' +
        '\n' +
        'DESCRIPTION:\n' +
        '    The deployment strategy to use to replace existing pods with new ones.\n' +
        '    DeploymentStrategy describes how to replace existing pods with new ones.\n' +
        '    \n' +
        'FIELDS:\n' +
        '  rollingUpdate\t<RollingUpdateDeployment>\n' +
        '    Rolling update config params. Present only if DeploymentStrategyType =\n' +
        '    RollingUpdate.\n' +
        '\n' +
        '  type\t<string>\n' +
        '  enum: Recreate, RollingUpdate\n' +
        '    Type of deployment. Can be "Recreate" or "RollingUpdate". Default is\n' +
        '    RollingUpdate.\n' +
        '    \n' +
        '    Possible enum values:\n' +
        '     - `"Recreate"` Kill all existing pods before creating new ones.\n' +
        '     - `"RollingUpdate"` Replace the old ReplicaSets by new one using rolling\n' +
        '    update i.e gradually scale down the old ReplicaSets and scale up the new\n' +
        '    one.\n' +
        '\n' +
        '\n',
    )
  })

  test('lists are looked through: containers.name, and -required- marks required fields', async () => {
    const r = await explain('kubectl explain pods.spec.containers.ports')
    expect(r.stdout).toContain('FIELD: ports <[]ContainerPort>\n')
    expect(r.stdout).toContain('  containerPort\t<integer> -required-\n')
    expect(r.stdout).toContain(
      '  protocol\t<string>\n  enum: SCTP, TCP, UDP\n    Protocol for port. Must be UDP, TCP, or SCTP. Defaults to "TCP".\n',
    )
  })

  test('--recursive prints the field tree, one line per field, without descriptions', async () => {
    const r = await explain('kubectl explain deploy.spec.strategy --recursive')
    expect(r.stdout).toBe(
      'GROUP:      apps\n' +
        'KIND:       Deployment\n' +
        'VERSION:    v1\n' +
        '\n' +
        'FIELD: strategy <DeploymentStrategy>\n' +
        '\n' +
        '\n' +
        'DESCRIPTION:\n' +
        '    The deployment strategy to use to replace existing pods with new ones.\n' +
        '    DeploymentStrategy describes how to replace existing pods with new ones.\n' +
        '    \n' +
        'FIELDS:\n' +
        '  rollingUpdate\t<RollingUpdateDeployment>\n' +
        '    maxSurge\t<IntOrString>\n' +
        '    maxUnavailable\t<IntOrString>\n' +
        '  type\t<string>\n' +
        '  enum: Recreate, RollingUpdate\n' +
        '\n',
    )
  })

  test('a missing field prints the header, then names the path’s last element', async () => {
    const r = await explain('kubectl explain pod.spec.foo.bar')
    expect(r).toMatchObject({
      stdout: 'KIND:       Pod\nVERSION:    v1\n\n',
      stderr: 'error: field "bar" does not exist\n',
      exitCode: 1,
    })
  })

  test('an unknown type is the REST mapper’s error, printed bare', async () => {
    const r = await explain('kubectl explain foo')
    expect(r).toMatchObject({
      stdout: '',
      stderr: 'the server doesn\'t have a resource type "foo"\n',
      exitCode: 1,
    })
  })

  test('--api-version picks the group-version; one not served or without the type is refused', async () => {
    const ok = await explain('kubectl explain deployments --api-version=apps/v1')
    expect(ok.exitCode).toBe(0)
    expect(ok.stdout.startsWith('GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n')).toBe(
      true,
    )
    expect(await explain('kubectl explain pods --api-version=apps/v1')).toMatchObject({
      stdout: '',
      stderr: 'error: GVR (apps/v1, Resource=pods) not found in OpenAPI schema\n',
      exitCode: 1,
    })
    expect(await explain('kubectl explain pods --api-version=v2')).toMatchObject({
      stderr: 'error: couldn\'t find resource for "/v2, Resource=pods"\n',
      exitCode: 1,
    })
    expect(await explain('kubectl explain pods --api-version=a/b/c')).toMatchObject({
      stderr: 'error: unexpected GroupVersion string: a/b/c\n',
      exitCode: 1,
    })
  })

  test('argument and format errors use kubectl’s words', async () => {
    expect(await explain('kubectl explain')).toMatchObject({
      stderr:
        'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n',
      exitCode: 1,
    })
    expect(await explain('kubectl explain pods nodes')).toMatchObject({
      stderr: 'error: We accept only this format: explain RESOURCE\n',
      exitCode: 1,
    })
    expect(await explain('kubectl explain pods -o json')).toMatchObject({
      stderr: 'error: unrecognized format: json\n',
      exitCode: 1,
    })
    expect(await explain('kubectl explain --recursive=foo pods')).toMatchObject({
      stderr:
        'Error: invalid argument "foo" for "--recursive" flag: strconv.ParseBool: parsing "foo": invalid syntax\n' +
        "See 'kubectl explain --help' for usage.\n",
      exitCode: 1,
    })
  })

  test('without a cluster it fails as kubectl does, after checking its arguments', async () => {
    const s = await Session.create({ seed: 1 })
    const r = await s.run('kubectl explain pods')
    expect(r).toMatchObject({
      stdout: '',
      stderr:
        'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n',
      exitCode: 1,
    })
  })

  test('--help is kubectl 1.32’s', async () => {
    const r = await explain('kubectl explain --help')
    expect(r.stdout).toBe(
      `Describe fields and structure of various resources.

 This command describes the fields associated with each supported API resource. Fields are identified via a simple JSONPath identifier:

        <type>.<fieldName>[.<fieldName>]
        
 Information about each field is retrieved from the server in OpenAPI format.

Use "kubectl api-resources" for a complete list of supported resources.

Examples:
  # Get the documentation of the resource and its fields
  kubectl explain pods
  
  # Get all the fields in the resource
  kubectl explain pods --recursive
  
  # Get the explanation for deployment in supported api versions
  kubectl explain deployments --api-version=apps/v1
  
  # Get the documentation of a specific field of a resource
  kubectl explain pods.spec.containers
  
  # Get the documentation of resources in different format
  kubectl explain deployment --output=plaintext-openapiv2

Options:
    --api-version='':
\tUse given api-version (group/version) of the resource.

    -o, --output='plaintext':
\tFormat in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2).

    --recursive=false:
\tWhen true, print the name of all the fields recursively. Otherwise, print the available fields with their description.

Usage:
  kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`,
    )
  })
})

/**
 * The real kubectl renders the same documentation through its own template (served by a loopback
 * API server), for every served kind, flat and recursive, and for field paths.
 */
describe.skipIf(!realKubectlPresent)('kubectl explain matches the real kubectl', () => {
  if (!realKubectlPresent)
    console.warn(`${REAL_KUBECTL} is absent: the oracle comparison is skipped`)
  let url = ''
  let close: () => void = () => {}
  let cache = ''
  beforeAll(async () => {
    const started = await startOracleServer()
    url = started.url
    close = () => started.server.close()
    cache = mkdtempSync(join(tmpdir(), 'quai-explain-'))
  })
  afterAll(() => {
    close()
    rmSync(cache, { recursive: true, force: true })
  })

  const cases = [
    ...RESOURCE_TYPES.flatMap((t) => [[t.resource], [t.resource, '--recursive']]),
    ['pod.spec'],
    ['pods.spec.containers'],
    ['pods.spec.containers.resources.limits'],
    ['pod.metadata.creationTimestamp'],
    ['pod.metadata.labels'],
    ['svc.spec.ports.targetPort'],
    ['deploy.spec.template.spec.containers.imagePullPolicy'],
    ['cronjob.spec.jobTemplate', '--recursive'],
    ['ingress.spec.rules.http.paths.backend'],
    ['pod.spec.nope.name'],
    ['pods', '--api-version=apps/v1'],
    ['nope'],
  ]
  it.each(cases)(
    'explain %s %s',
    async (...args: string[]) => {
      const { session } = await bareClusterSession()
      const ours = await session.run(['kubectl', 'explain', ...args].join(' '))
      const real = await runRealKubectl(url, ['explain', ...args], cache)
      expect({ stdout: ours.stdout, stderr: ours.stderr, exitCode: ours.exitCode }).toEqual(real)
    },
    30_000,
  )
})
