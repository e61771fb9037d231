/** `kubectl set SUBCOMMAND`: env, image, resources. */
import { FlagSet, wordSepNormalize } from '../../cli-kit/flags'
import { kubectlCommand } from './command'
import { subcommandParent } from './create-service'
import { setEnv } from './set-env'
import { setImage } from './set-image'
import { setResources } from './set-resources'

export const set = kubectlCommand({
  path: 'kubectl set',
  use: 'SUBCOMMAND',
  short: 'Set specific features on objects',
  long: `Configure application resources.

 These commands help you make changes to existing application resources.`,
  args: { kind: 'any' },
  subcommands: [setEnv, setImage, setResources],
  flags: () => new FlagSet([] as const, { normalizeName: wordSepNormalize }),
  run: ({ args }, ctx) => subcommandParent('kubectl set', ctx, args),
})
