/** `kubectl apply view-last-applied (TYPE [NAME | -l label] | TYPE/NAME | -f FILENAME)`. */
import { FlagSet, wordSepNormalize } from '../../cli-kit/flags'
import type { CommandOutput } from '../../shell/command'
import { marshalIndent } from './output/json'
import { goYaml } from './output/yaml'
import { kubectlCommand } from './command'
import { LAST_APPLIED } from './create-generator'
import { resolveTargets } from './write-targets'
import { errorLine, filenameFlag, recursiveFlag, selectorFlag } from './write-kit'

export const applyViewLastApplied = kubectlCommand({
  path: 'kubectl apply view-last-applied',
  use: '(TYPE [NAME | -l label] | TYPE/NAME | -f FILENAME)',
  short: 'View the latest last-applied-configuration annotations of a resource/object',
  long: `View the latest last-applied-configuration annotations by type/name or file.

 The default output will be printed to stdout in YAML format. You can use the -o option to change the output format.`,
  example: `  # View the last-applied-configuration annotations by type/name in YAML
  kubectl apply view-last-applied deployment/nginx
  
  # View the last-applied-configuration annotations by file in JSON
  kubectl apply view-last-applied -f deploy.yaml -o json`,
  args: { kind: 'any' },
  flags: () =>
    new FlagSet(
      [
        {
          name: 'all',
          type: 'bool',
          usage: 'Select all resources in the namespace of the specified resource types',
        },
        filenameFlag(
          'Filename, directory, or URL to files that contains the last-applied-configuration annotations',
        ),
        {
          name: 'kustomize',
          shorthand: 'k',
          type: 'string',
          usage:
            "Process the kustomization directory. This flag can't be used together with -f or -R.",
        },
        {
          name: 'output',
          shorthand: 'o',
          type: 'string',
          default: 'yaml',
          usage: 'Output format. Must be one of (yaml, json)',
        },
        recursiveFlag,
        selectorFlag(),
      ] as const,
      { normalizeName: wordSepNormalize },
    ),
  async run({ values, args }, ctx): Promise<CommandOutput> {
    if (values.output !== 'yaml' && values.output !== 'json')
      return errorLine(
        `Unexpected -o output mode: ${values.output}, the flag 'output' must be one of yaml|json\nSee 'kubectl apply view-last-applied -h' for help and examples`,
      )
    const targets = await resolveTargets(args, values, ctx)
    if (!targets.ok) return targets.output
    let stdout = ''
    for (const { object } of targets.found) {
      const saved = object.metadata.annotations?.[LAST_APPLIED]
      if (saved === undefined) continue
      let parsed: unknown
      try {
        parsed = JSON.parse(saved)
      } catch {
        continue
      }
      stdout += values.output === 'json' ? `${marshalIndent(parsed, '  ')}\n` : goYaml(parsed)
    }
    return { stdout, stderr: targets.stderr, exitCode: targets.stderr === '' ? 0 : 1 }
  },
})
