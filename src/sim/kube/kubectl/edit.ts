/**
 * `kubectl edit (TYPE NAME | TYPE/NAME | -f FILE)`: writes the object as YAML under kubectl's
 * comment header into a temp file, runs `$KUBE_EDITOR`, else `$EDITOR`, else `vi` on it through
 * the shell, and sends the edited object back, or says the edit was cancelled when nothing changed.
 */
import { parse as parseYaml } from 'yaml'
import { FlagSet, wordSepNormalize } from '../../cli-kit/flags'
import type { CommandOutput } from '../../shell/command'
import type { KubeObject } from '../api/object'
import { qualifiedResource } from '../api/resources'
import { fieldValidation } from './apply-files'
import { kubectlCommand } from './command'
import { resolveTargets } from './write-targets'
import {
  errorLine,
  fail,
  fieldManagerFlag,
  out,
  filenameFlag,
  kustomizeFlag,
  operationLine,
  printFlags,
  recursiveFlag,
  saveConfigFlag,
  validateFlag,
} from './write-kit'
import { dataFormat, printIn, type DataFormat } from './write-output'

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`

/** A bound on reopenings: an editor run without a terminal makes the same change every time. */
const MAX_PASSES = 10

/** The edited text as an object, or the syntax error kubectl writes in the reopened file. */
function parseEdited(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: parseYaml(text) as unknown }
  } catch (e) {
    return { ok: false, error: `error converting YAML to JSON: ${(e as Error).message}` }
  }
}

/** What kubectl compares: the text without its comment lines. */
const withoutComments = (text: string): string =>
  text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n')

/**
 * The editor command line: kubectl splits a plain value on spaces, and hands one with quotes or
 * backslashes to `sh -c`; the shell does the same splitting, so both go through it as a line.
 */
function editorLine(editor: string, file: string): string {
  return `${editor} ${file}`
}

export const edit = kubectlCommand({
  path: 'kubectl edit',
  use: '(RESOURCE/NAME | -f FILENAME)',
  short: 'Edit a resource on the server',
  long: `Edit a resource from the default editor.

 The edit command allows you to directly edit any API resource you can retrieve via the command-line tools. It will open the editor defined by your KUBE_EDITOR, or EDITOR environment variables, or fall back to 'vi' for Linux or 'notepad' for Windows. When attempting to open the editor, it will first attempt to use the shell that has been defined in the 'SHELL' environment variable. If this is not defined, the default shell will be used, which is '/bin/bash' for Linux or 'cmd' for Windows.

 You can edit multiple objects, although changes are applied one at a time. The command accepts file names as well as command-line arguments, although the files you point to must be previously saved versions of resources.

 Editing is done with the API version used to fetch the resource. To edit using a specific API version, fully-qualify the resource, version, and group.

 The default format is YAML. To edit in JSON, specify "-o json".

 The flag --windows-line-endings can be used to force Windows line endings, otherwise the default for your operating system will be used.

 In the event an error occurs while updating, a temporary file will be created on disk that contains your unapplied changes. The most common error when updating a resource is another editor changing the resource on the server. When this occurs, you will have to apply your changes to the newer version of the resource, or update your temporary saved copy to include the latest resource version.`,
  example: `  # Edit the service named 'registry'
  kubectl edit svc/registry
  
  # Use an alternative editor
  KUBE_EDITOR="nano" kubectl edit svc/registry
  
  # Edit the job 'myjob' in JSON using the v1 API format
  kubectl edit job.v1.batch/myjob -o json
  
  # Edit the deployment 'mydeployment' in YAML and save the modified config in its annotation
  kubectl edit deployment/mydeployment -o yaml --save-config
  
  # Edit the 'status' subresource for the 'mydeployment' deployment
  kubectl edit deployment mydeployment --subresource='status'`,
  args: { kind: 'any' },
  flags: () =>
    new FlagSet(
      [
        ...printFlags(),
        fieldManagerFlag('kubectl-edit'),
        filenameFlag('Filename, directory, or URL to files to use to edit the resource'),
        kustomizeFlag(
          "Process the kustomization directory. This flag can't be used together with -f or -R.",
        ),
        {
          name: 'output-patch',
          type: 'bool',
          usage: 'Output the patch if the resource is edited.',
        },
        recursiveFlag,
        saveConfigFlag,
        {
          name: 'subresource',
          type: 'string',
          usage:
            'If specified, edit will operate on the subresource of the requested object. This flag is beta and may change in the future.',
        },
        validateFlag,
        {
          name: 'windows-line-endings',
          type: 'bool',
          usage: 'Defaults to the line ending native to your platform.',
        },
      ] as const,
      { normalizeName: wordSepNormalize },
    ),
  async run({ values, args }, ctx): Promise<CommandOutput> {
    const yaml = await dataFormat({ output: 'yaml' }, ctx)
    if (!yaml.ok) return yaml.output
    let shown: DataFormat = yaml.format
    if (values.output !== '' && values.output !== 'yaml') {
      const parsed = await dataFormat({ output: values.output, template: values.template }, ctx)
      if (!parsed.ok) return parsed.output
      shown = parsed.format
    }
    const targets = await resolveTargets(args, values, ctx)
    if (!targets.ok) return targets.output
    if (targets.found.length === 0) return { stdout: '', stderr: targets.stderr, exitCode: 1 }
    const objects = targets.found.map((f) => f.object)
    // Several objects are edited together as one List, as kubectl does.
    const body = printIn(shown, objects, { single: objects.length === 1 }).stdout
    const original = HEADER + body
    const file = `/tmp/kubectl-edit-${String(1e9 + ctx.shell.random.nextInt(9e9))}.yaml`
    await ctx.shell.fs.mkdir('/tmp', { recursive: true })
    const env = ctx.shell.env
    const editor = env.get('KUBE_EDITOR') || env.get('EDITOR') || 'vi'
    if (ctx.shell.exec === undefined)
      return errorLine(`there was a problem with the editor "${editor}"`)
    let stdout = ''
    let stderr = targets.stderr
    let written = original
    let containsError = false
    const edits = targets.found.map(() => false)
    // kubectl reopens the file with the failures on top until it saves, or comes back unchanged.
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      await ctx.shell.fs.writeFile(file, written)
      const ran = await ctx.shell.exec(editorLine(editor, file))
      stdout += ran.stdout
      stderr += ran.stderr
      if (ran.exitCode !== 0)
        return fail(`${stderr}error: there was a problem with the editor "${editor}"\n`, 1, stdout)
      const edited = await ctx.shell.fs.readFile(file)
      if (containsError && withoutComments(edited) === withoutComments(written))
        return fail(
          `${stderr}A copy of your changes has been stored to "${file}"\nerror: Edit cancelled, no valid changes were saved.\n`,
          1,
          stdout,
        )
      // Both cancellations are notes on stderr, not failures (editoptions.go).
      if (withoutComments(edited) === withoutComments(original)) {
        await ctx.shell.fs.rm(file, { force: true })
        return out(stdout, `${stderr}Edit cancelled, no changes made.\n`)
      }
      if (withoutComments(edited).trim() === '') {
        await ctx.shell.fs.rm(file, { force: true })
        return out(stdout, `${stderr}Edit cancelled, saved file was empty.\n`)
      }
      const parsed = parseEdited(withoutComments(edited))
      if (!parsed.ok) {
        containsError = true
        written = `${HEADER}# The edited file had a syntax error: ${parsed.error}\n#\n${withoutComments(edited)}`
        continue
      }
      const items: unknown[] =
        objects.length === 1
          ? [parsed.value]
          : Array.isArray((parsed.value as { items?: unknown })?.items)
            ? (parsed.value as { items: unknown[] }).items
            : []
      let reasons = ''
      containsError = false
      targets.found.forEach(({ type: t, object }, i) => {
        const next = items[i] as KubeObject | undefined
        if (edits[i] === true || next === undefined || typeof next !== 'object') return
        if (JSON.stringify(next) === JSON.stringify(object)) return
        const r = targets.cluster.api.update(t, next, {
          fieldManager: values['field-manager'],
          fieldValidation: fieldValidation(values.validate),
        })
        const resource = qualifiedResource(t)
        const name = object.metadata.name
        if (r.ok) {
          edits[i] = true
          stdout += operationLine(t, name, 'edited', 'none')
          return
        }
        if (r.error.status.reason === 'Invalid') {
          containsError = true
          const causes = r.error.status.details?.causes ?? []
          reasons += `# ${resource} "${name}" was not valid${causes.length > 0 ? ':' : ''}\n`
          for (const c of causes) reasons += `# * ${c.field ?? ''}: ${c.message}\n`
          reasons += '#\n'
          stderr += `error: ${resource} "${name}" is invalid\n`
        } else if (r.error.status.reason === 'NotFound')
          stderr += `error: ${resource} "${name}" could not be found on the server\n`
        else
          stderr += `error: ${resource} "${name}" could not be patched: ${r.error.status.message}\n`
      })
      if (!containsError) {
        await ctx.shell.fs.rm(file, { force: true })
        break
      }
      written = HEADER + reasons + withoutComments(edited)
    }
    return { stdout, stderr, exitCode: stderr === '' ? 0 : 1 }
  },
})
