import type { CommandGroup } from './tree'

/**
 * The help of docker 28.2.2 (the static linux/amd64 client), section by section. Quai lists every
 * real command, as `docker --help` does; a real command it does not simulate answers with a clear
 * message (see `notSimulated`) instead of "unknown command".
 */
type Entry = readonly [name: string, short: string]

const COMMON: readonly Entry[] = [
  ['run', 'Create and run a new container from an image'],
  ['exec', 'Execute a command in a running container'],
  ['ps', 'List containers'],
  ['build', 'Build an image from a Dockerfile'],
  ['pull', 'Download an image from a registry'],
  ['push', 'Upload an image to a registry'],
  ['images', 'List images'],
  ['login', 'Authenticate to a registry'],
  ['logout', 'Log out from a registry'],
  ['search', 'Search Docker Hub for images'],
  ['version', 'Show the Docker version information'],
  ['info', 'Display system-wide information'],
]

const MANAGEMENT: readonly Entry[] = [
  ['builder', 'Manage builds'],
  ['checkpoint', 'Manage checkpoints'],
  // The compose CLI plugin: docker marks plugin commands with `*`.
  ['compose*', 'Docker Compose'],
  ['container', 'Manage containers'],
  ['context', 'Manage contexts'],
  ['image', 'Manage images'],
  ['manifest', 'Manage Docker image manifests and manifest lists'],
  ['network', 'Manage networks'],
  ['plugin', 'Manage plugins'],
  ['system', 'Manage Docker'],
  ['trust', 'Manage trust on Docker images'],
  ['volume', 'Manage volumes'],
]

const SWARM: readonly Entry[] = [
  ['config', 'Manage Swarm configs'],
  ['node', 'Manage Swarm nodes'],
  ['secret', 'Manage Swarm secrets'],
  ['service', 'Manage Swarm services'],
  ['stack', 'Manage Swarm stacks'],
  ['swarm', 'Manage Swarm'],
]

const COMMANDS: readonly Entry[] = [
  ['attach', 'Attach local standard input, output, and error streams to a running container'],
  ['commit', "Create a new image from a container's changes"],
  ['cp', 'Copy files/folders between a container and the local filesystem'],
  ['create', 'Create a new container'],
  ['diff', "Inspect changes to files or directories on a container's filesystem"],
  ['events', 'Get real time events from the server'],
  ['export', "Export a container's filesystem as a tar archive"],
  ['history', 'Show the history of an image'],
  ['import', 'Import the contents from a tarball to create a filesystem image'],
  ['inspect', 'Return low-level information on Docker objects'],
  ['kill', 'Kill one or more running containers'],
  ['load', 'Load an image from a tar archive or STDIN'],
  ['logs', 'Fetch the logs of a container'],
  ['pause', 'Pause all processes within one or more containers'],
  ['port', 'List port mappings or a specific mapping for the container'],
  ['rename', 'Rename a container'],
  ['restart', 'Restart one or more containers'],
  ['rm', 'Remove one or more containers'],
  ['rmi', 'Remove one or more images'],
  ['save', 'Save one or more images to a tar archive (streamed to STDOUT by default)'],
  ['start', 'Start one or more stopped containers'],
  ['stats', 'Display a live stream of container(s) resource usage statistics'],
  ['stop', 'Stop one or more running containers'],
  ['tag', 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE'],
  ['top', 'Display the running processes of a container'],
  ['unpause', 'Unpause all processes within one or more containers'],
  ['update', 'Update configuration of one or more containers'],
  ['wait', 'Block until one or more containers stop, then print their exit codes'],
]

/** The subcommands each management command lists in its help (`docker image --help`). */
export const GROUP_COMMANDS: Readonly<Record<string, readonly Entry[]>> = {
  container: [
    ['attach', 'Attach local standard input, output, and error streams to a running container'],
    ['commit', "Create a new image from a container's changes"],
    ['cp', 'Copy files/folders between a container and the local filesystem'],
    ['create', 'Create a new container'],
    ['diff', "Inspect changes to files or directories on a container's filesystem"],
    ['exec', 'Execute a command in a running container'],
    ['export', "Export a container's filesystem as a tar archive"],
    ['inspect', 'Display detailed information on one or more containers'],
    ['kill', 'Kill one or more running containers'],
    ['logs', 'Fetch the logs of a container'],
    ['ls', 'List containers'],
    ['pause', 'Pause all processes within one or more containers'],
    ['port', 'List port mappings or a specific mapping for the container'],
    ['prune', 'Remove all stopped containers'],
    ['rename', 'Rename a container'],
    ['restart', 'Restart one or more containers'],
    ['rm', 'Remove one or more containers'],
    ['run', 'Create and run a new container from an image'],
    ['start', 'Start one or more stopped containers'],
    ['stats', 'Display a live stream of container(s) resource usage statistics'],
    ['stop', 'Stop one or more running containers'],
    ['top', 'Display the running processes of a container'],
    ['unpause', 'Unpause all processes within one or more containers'],
    ['update', 'Update configuration of one or more containers'],
    ['wait', 'Block until one or more containers stop, then print their exit codes'],
  ],
  image: [
    ['build', 'Build an image from a Dockerfile'],
    ['history', 'Show the history of an image'],
    ['import', 'Import the contents from a tarball to create a filesystem image'],
    ['inspect', 'Display detailed information on one or more images'],
    ['load', 'Load an image from a tar archive or STDIN'],
    ['ls', 'List images'],
    ['prune', 'Remove unused images'],
    ['pull', 'Download an image from a registry'],
    ['push', 'Upload an image to a registry'],
    ['rm', 'Remove one or more images'],
    ['save', 'Save one or more images to a tar archive (streamed to STDOUT by default)'],
    ['tag', 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE'],
  ],
  network: [
    ['connect', 'Connect a container to a network'],
    ['create', 'Create a network'],
    ['disconnect', 'Disconnect a container from a network'],
    ['inspect', 'Display detailed information on one or more networks'],
    ['ls', 'List networks'],
    ['prune', 'Remove all unused networks'],
    ['rm', 'Remove one or more networks'],
  ],
  volume: [
    ['create', 'Create a volume'],
    ['inspect', 'Display detailed information on one or more volumes'],
    ['ls', 'List volumes'],
    ['prune', 'Remove unused local volumes'],
    ['rm', 'Remove one or more volumes'],
    ['update', 'Update a volume (cluster volumes only)'],
  ],
  system: [
    ['df', 'Show docker disk usage'],
    ['events', 'Get real time events from the server'],
    ['info', 'Display system-wide information'],
    ['prune', 'Remove unused data'],
  ],
}

/** The aliases cobra also accepts for a group's subcommands (`docker image list`). */
const GROUP_ALIASES: Readonly<Record<string, readonly string[]>> = {
  container: ['list', 'ps', 'remove'],
  image: ['list', 'remove', 'rmi'],
  network: ['list', 'remove'],
  volume: ['list', 'remove'],
}

/** Every top-level name docker 28.2.2 knows (commands and management commands). */
export const REAL_TOP_LEVEL: ReadonlySet<string> = new Set(
  [...COMMON, ...MANAGEMENT, ...SWARM, ...COMMANDS].map(([name]) => name),
)

/** Whether `docker <group> <sub>` exists in docker 28.2.2. */
export function isRealSubcommand(group: string, sub: string): boolean {
  return (
    (GROUP_COMMANDS[group] ?? []).some(([name]) => name === sub) ||
    (GROUP_ALIASES[group] ?? []).includes(sub)
  )
}

/** What a real docker command Quai does not simulate answers, instead of "unknown command". */
export function notSimulated(path: string): string {
  return `Quai: '${path}' is a real docker command, but this simulated Docker does not implement it.\nRun 'docker --help' for the commands you can use here.\n`
}

function commandList(entries: readonly Entry[]): string {
  return entries.map(([name, short]) => `  ${name.padEnd(11)} ${short}`).join('\n')
}

/** `docker --help`, in docker 28.2.2's layout and words. */
export function rootHelp(): string {
  return [
    'Usage:  docker [OPTIONS] COMMAND',
    '',
    'A self-sufficient runtime for containers',
    '',
    'Common Commands:',
    commandList(COMMON),
    '',
    'Management Commands:',
    commandList(MANAGEMENT),
    '',
    'Swarm Commands:',
    commandList(SWARM),
    '',
    'Commands:',
    commandList(COMMANDS),
    '',
    'Global Options:',
    '      --config string      Location of client config files (default',
    '                           "/root/.docker")',
    '  -c, --context string     Name of the context to use to connect to the',
    '                           daemon (overrides DOCKER_HOST env var and',
    '                           default context set with "docker context use")',
    '  -D, --debug              Enable debug mode',
    '  -H, --host list          Daemon socket to connect to',
    '  -l, --log-level string   Set the logging level ("debug", "info",',
    '                           "warn", "error", "fatal") (default "info")',
    '      --tls                Use TLS; implied by --tlsverify',
    '      --tlscacert string   Trust certs signed only by this CA (default',
    '                           "/root/.docker/ca.pem")',
    '      --tlscert string     Path to TLS certificate file (default',
    '                           "/root/.docker/cert.pem")',
    '      --tlskey string      Path to TLS key file (default',
    '                           "/root/.docker/key.pem")',
    '      --tlsverify          Use TLS and verify the remote',
    '  -v, --version            Print version information and quit',
    '',
    "Run 'docker COMMAND --help' for more information on a command.",
    '',
    'For more help on how to use Docker, head to https://docs.docker.com/go/guides/',
    '',
  ].join('\n')
}

/** `docker container` (or `docker container --help`): the real list for the known groups. */
export function groupHelp(group: CommandGroup): string {
  let entries: readonly Entry[] | undefined = GROUP_COMMANDS[group.name]
  if (entries === undefined) {
    const seen = new Set<string>()
    const computed: Entry[] = []
    for (const [name, command] of group.commands) {
      if (seen.has(command.path)) continue
      seen.add(command.path)
      computed.push([name, command.short])
    }
    entries = computed.sort((a, b) => (a[0] < b[0] ? -1 : 1))
  }
  return [
    `Usage:  docker ${group.name} COMMAND`,
    '',
    group.short,
    '',
    'Commands:',
    commandList(entries),
    '',
    `Run 'docker ${group.name} COMMAND --help' for more information on a command.`,
    '',
  ].join('\n')
}
