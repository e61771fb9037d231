/**
 * `kubectl create secret generic|docker-registry|tls NAME` (create_secret.go,
 * create_secret_docker.go, create_secret_tls.go): data base64-encoded, keys sorted.
 */
import { FlagSet, wordSepNormalize } from '../../cli-kit/flags'
import { bytesToBase64 } from '../../fs/virtual-fs'
import type { KubeObject } from '../api/object'
import { kubectlCommand, type KubectlContext } from './command'
import {
  compactJson,
  createAndPrint,
  generatorFlags,
  nameFromArgs,
  type GeneratorFlagValues,
} from './create-generator'
import { addEnvFiles, addFiles, addLiterals, KeyValues } from './create-sources'
import { subcommandParent } from './create-service'
import { errorLine } from './write-kit'

export const base64 = (text: string): string => bytesToBase64(new TextEncoder().encode(text))

const appendHashFlag = {
  name: 'append-hash',
  type: 'bool',
  usage: 'Append a hash of the secret to its name.',
} as const

function secretObject(
  name: string,
  ctx: KubectlContext,
  data: Record<string, string> | undefined,
  type: string,
): KubeObject {
  return {
    kind: 'Secret',
    apiVersion: 'v1',
    metadata: {
      name,
      ...(ctx.namespaceExplicit ? { namespace: ctx.namespace } : {}),
      creationTimestamp: null,
    } as unknown as KubeObject['metadata'],
    ...(data !== undefined && Object.keys(data).length > 0 ? { data } : {}),
    ...(type !== '' ? { type } : {}),
  }
}

export const createSecretGeneric = kubectlCommand({
  path: 'kubectl create secret generic',
  use: 'NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none]',
  short: 'Create a secret from a local file, directory, or literal value',
  long: `Create a secret based on a file, directory, or specified literal value.

 A single secret may package one or more key/value pairs.

 When creating a secret based on a file, the key will default to the basename of the file, and the value will default to the file content. If the basename is an invalid key or you wish to chose your own, you may specify an alternate key.

 When creating a secret based on a directory, each file whose basename is a valid key in the directory will be packaged into the secret. Any directory entries except regular files are ignored (e.g. subdirectories, symlinks, devices, pipes, etc).`,
  example: `  # Create a new secret named my-secret with keys for each file in folder bar
  kubectl create secret generic my-secret --from-file=path/to/bar
  
  # Create a new secret named my-secret with specified keys instead of names on disk
  kubectl create secret generic my-secret --from-file=ssh-privatekey=path/to/id_rsa --from-file=ssh-publickey=path/to/id_rsa.pub
  
  # Create a new secret named my-secret with key1=supersecret and key2=topsecret
  kubectl create secret generic my-secret --from-literal=key1=supersecret --from-literal=key2=topsecret
  
  # Create a new secret named my-secret using a combination of a file and a literal
  kubectl create secret generic my-secret --from-file=ssh-privatekey=path/to/id_rsa --from-literal=passphrase=topsecret
  
  # Create a new secret named my-secret from env files
  kubectl create secret generic my-secret --from-env-file=path/to/foo.env --from-env-file=path/to/bar.env`,
  args: { kind: 'any' },
  flags: () =>
    new FlagSet(
      [
        ...generatorFlags(),
        appendHashFlag,
        {
          name: 'from-env-file',
          type: 'stringSlice',
          usage: 'Specify the path to a file to read lines of key=val pairs to create a secret.',
        },
        {
          name: 'from-file',
          type: 'stringSlice',
          usage:
            'Key files can be specified using their file path, in which case a default name will be given to them, or optionally with a name and file path, in which case the given name will be used.  Specifying a directory will iterate each named file in the directory that is a valid secret key.',
        },
        {
          name: 'from-literal',
          type: 'stringArray',
          usage: 'Specify a key and literal value to insert in secret (i.e. mykey=somevalue)',
        },
        { name: 'type', type: 'string', usage: 'The type of secret to create' },
      ] as const,
      { normalizeName: wordSepNormalize },
    ),
  async run({ values, args, argsLenAtDash }, ctx) {
    const named = nameFromArgs(args, argsLenAtDash, 'kubectl create secret generic')
    if (!named.ok) return named.output
    if (
      values['from-env-file'].length > 0 &&
      (values['from-file'].length > 0 || values['from-literal'].length > 0)
    )
      return errorLine('from-env-file cannot be combined with from-file or from-literal')
    const data = new KeyValues('Secret', named.name)
    for (const step of [
      () => addFiles(data, values['from-file'], ctx.shell),
      () => Promise.resolve(addLiterals(data, values['from-literal'])),
      () => addEnvFiles(data, values['from-env-file'], ctx.shell),
    ]) {
      const r = await step()
      if (!r.ok) return errorLine(r.error)
    }
    const object = secretObject(named.name, ctx, data.sorted(base64), values.type)
    return createAndPrint(object, values, ctx, 'secret')
  },
})

/** The `.dockerconfigjson` document kubectl writes (DockerConfigJSON, fields in Go order). */
export function dockerConfigJson(
  server: string,
  username: string,
  password: string,
  email: string,
): string {
  const entry = {
    username,
    password,
    ...(email !== '' ? { email } : {}),
    auth: base64(`${username}:${password}`),
  }
  return compactJson({ auths: { [server]: entry } })
}

export const createSecretDockerRegistry = kubectlCommand({
  path: 'kubectl create secret docker-registry',
  use: 'NAME --docker-username=user --docker-password=password --docker-email=email [--docker-server=string] [--from-file=[key=]source] [--dry-run=server|client|none]',
  short: 'Create a secret for use with a Docker registry',
  long: `Create a new secret for use with Docker registries.

        Dockercfg secrets are used to authenticate against Docker registries.

        When using the Docker command line to push images, you can authenticate to a given registry by running:
        '$ docker login DOCKER_REGISTRY_SERVER --username=DOCKER_USER --password=DOCKER_PASSWORD --email=DOCKER_EMAIL'.

 That produces a ~/.dockercfg file that is used by subsequent 'docker push' and 'docker pull' commands to authenticate to the registry. The email address is optional.

        When creating applications, you may have a Docker registry that requires authentication.  In order for the
        nodes to pull images on your behalf, they must have the credentials.  You can provide this information
        by creating a dockercfg secret and attaching it to your service account.`,
  example: `  # If you do not already have a .dockercfg file, create a dockercfg secret directly
  kubectl create secret docker-registry my-secret --docker-server=DOCKER_REGISTRY_SERVER --docker-username=DOCKER_USER --docker-password=DOCKER_PASSWORD --docker-email=DOCKER_EMAIL
  
  # Create a new secret named my-secret from ~/.docker/config.json
  kubectl create secret docker-registry my-secret --from-file=path/to/.docker/config.json`,
  args: { kind: 'any' },
  flags: () =>
    new FlagSet(
      [
        ...generatorFlags(),
        appendHashFlag,
        { name: 'docker-email', type: 'string', usage: 'Email for Docker registry' },
        {
          name: 'docker-password',
          type: 'string',
          usage: 'Password for Docker registry authentication',
        },
        {
          name: 'docker-server',
          type: 'string',
          default: 'https://index.docker.io/v1/',
          usage: 'Server location for Docker registry',
        },
        {
          name: 'docker-username',
          type: 'string',
          usage: 'Username for Docker registry authentication',
        },
        {
          name: 'from-file',
          type: 'stringSlice',
          usage:
            'Key files can be specified using their file path, in which case a default name of .dockerconfigjson will be given to them, or optionally with a name and file path, in which case the given name will be used. Specifying a directory will iterate each named file in the directory that is a valid secret key. For this command, the key should always be .dockerconfigjson.',
        },
      ] as const,
      { normalizeName: wordSepNormalize },
    ),
  async run({ values, args, argsLenAtDash }, ctx) {
    const named = nameFromArgs(args, argsLenAtDash, 'kubectl create secret docker-registry')
    if (!named.ok) return named.output
    const user = values['docker-username']
    const password = values['docker-password']
    const server = values['docker-server']
    if (values['from-file'].length === 0 && (user === '' || password === '' || server === ''))
      return errorLine(
        'either --from-file or the combination of --docker-username, --docker-password and --docker-server is required',
      )
    const data = new KeyValues('Secret', named.name)
    if (values['from-file'].length > 0) {
      const r = await addFiles(
        data,
        values['from-file'].map((f) => (f.includes('=') ? f : `.dockerconfigjson=${f}`)),
        ctx.shell,
      )
      if (!r.ok) return errorLine(r.error)
    } else {
      data.add(
        '.dockerconfigjson',
        dockerConfigJson(server, user, password, values['docker-email']),
      )
    }
    const object = secretObject(
      named.name,
      ctx,
      data.sorted(base64),
      'kubernetes.io/dockerconfigjson',
    )
    return createAndPrint(object, values as GeneratorFlagValues, ctx, 'secret')
  },
})

export const createSecretTls = kubectlCommand({
  path: 'kubectl create secret tls',
  use: 'NAME --cert=path/to/cert/file --key=path/to/key/file [--dry-run=server|client|none]',
  short: 'Create a TLS secret',
  long: `Create a TLS secret from the given public/private key pair.

 The public/private key pair must exist beforehand. The public key certificate must be .PEM encoded and match the given private key.`,
  example: `  # Create a new TLS secret named tls-secret with the given key pair
  kubectl create secret tls tls-secret --cert=path/to/tls.crt --key=path/to/tls.key`,
  args: { kind: 'any' },
  flags: () =>
    new FlagSet(
      [
        ...generatorFlags(),
        appendHashFlag,
        { name: 'cert', type: 'string', usage: 'Path to PEM encoded public key certificate.' },
        {
          name: 'key',
          type: 'string',
          usage: 'Path to private key associated with given certificate.',
        },
      ] as const,
      { normalizeName: wordSepNormalize },
    ),
  async run({ values, args, argsLenAtDash }, ctx) {
    const named = nameFromArgs(args, argsLenAtDash, 'kubectl create secret tls')
    if (!named.ok) return named.output
    if (values.cert === '' || values.key === '') return errorLine('key and cert must be specified')
    const read = async (path: string): Promise<string | undefined> => {
      const full = ctx.shell.resolve(path)
      return (await ctx.shell.fs.exists(full)) ? ctx.shell.fs.readFile(full) : undefined
    }
    const cert = await read(values.cert)
    if (cert === undefined)
      return errorLine(
        `Cannot read file ${values.cert}, open ${values.cert}: no such file or directory`,
      )
    const key = await read(values.key)
    if (key === undefined)
      return errorLine(
        `Cannot read file ${values.key}, open ${values.key}: no such file or directory`,
      )
    // tls.X509KeyPair's first checks: each file must hold PEM blocks of the right kind.
    if (!cert.includes('-----BEGIN'))
      return errorLine(
        'failed to load key pair tls: failed to find any PEM data in certificate input',
      )
    if (!key.includes('-----BEGIN'))
      return errorLine('failed to load key pair tls: failed to find any PEM data in key input')
    const object = secretObject(
      named.name,
      ctx,
      { 'tls.crt': base64(cert), 'tls.key': base64(key) },
      'kubernetes.io/tls',
    )
    return createAndPrint(object, values, ctx, 'secret')
  },
})

export const createSecret = kubectlCommand({
  path: 'kubectl create secret',
  use: '(docker-registry | generic | tls)',
  short: 'Create a secret using a specified subcommand',
  long: `Create a secret with specified type.

 A docker-registry type secret is for accessing a container registry.

 A generic type secret indicate an Opaque secret type.

 A tls type secret holds TLS certificate and its associated key.`,
  args: { kind: 'any' },
  subcommands: [createSecretDockerRegistry, createSecretGeneric, createSecretTls],
  flags: () => new FlagSet([] as const, { normalizeName: wordSepNormalize }),
  run: ({ args }, ctx) => subcommandParent('kubectl create secret', ctx, args),
})
