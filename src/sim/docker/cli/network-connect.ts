import { FlagSet, listOpts } from '../../cli-kit/flags'
import { connectNetwork, disconnectNetwork } from '../engine/network-ops'
import { daemonFailure, dockerCommand } from './command'

/** `docker network connect [--alias A] [--ip IP] NETWORK CONTAINER` */
export const networkConnect = dockerCommand({
  path: 'docker network connect',
  use: '[OPTIONS] NETWORK CONTAINER',
  short: 'Connect a container to a network',
  args: { kind: 'exact', count: 2 },
  flags: () =>
    new FlagSet([
      {
        name: 'alias',
        type: 'stringSlice',
        usage: 'Add network-scoped alias for the container',
      },
      { name: 'driver-opt', type: 'stringSlice', usage: 'driver options for the network' },
      {
        name: 'gw-priority',
        type: 'int',
        usage:
          'Highest gw-priority provides the default gateway. Accepts positive and negative values.',
      },
      { name: 'ip', type: 'string', usage: 'IPv4 address (e.g., "172.30.100.104")' },
      { name: 'ip6', type: 'string', usage: 'IPv6 address (e.g., "2001:db8::33")' },
      listOpts({ name: 'link', usage: 'Add link to another container' }),
      {
        name: 'link-local-ip',
        type: 'stringSlice',
        usage: 'Add a link-local address for the container',
      },
    ] as const),
  run({ values, args }, { engine }) {
    const [network = '', container = ''] = args
    const connected = connectNetwork(engine, network, container, {
      aliases: values.alias,
      ipv4Address: values.ip,
    })
    return connected.ok
      ? { stdout: '', stderr: '', exitCode: 0 }
      : daemonFailure(connected.error.message)
  },
})

/** `docker network disconnect [-f] NETWORK CONTAINER` */
export const networkDisconnect = dockerCommand({
  path: 'docker network disconnect',
  use: '[OPTIONS] NETWORK CONTAINER',
  short: 'Disconnect a container from a network',
  args: { kind: 'exact', count: 2 },
  flags: () =>
    new FlagSet([
      {
        name: 'force',
        shorthand: 'f',
        type: 'bool',
        usage: 'Force the container to disconnect from a network',
      },
    ] as const),
  run({ values, args }, { engine }) {
    const [network = '', container = ''] = args
    const done = disconnectNetwork(engine, network, container, { force: values.force })
    return done.ok ? { stdout: '', stderr: '', exitCode: 0 } : daemonFailure(done.error.message)
  },
})
