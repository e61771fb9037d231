/**
 * `docker build` on the daemon's side: BuildKit's dockerfile frontend (dockerfile2llb convert.go)
 * and its solver, for the docker driver. It reads the Dockerfile, resolves base images, runs
 * the steps of the stages the target needs (taking unchanged ones from the build cache), and
 * stores the resulting image in the engine. Progress goes into a BuildTrace, in virtual time.
 */
import { quote } from '../../cli-kit/go-strconv'
import type { DockerEngine } from '../engine/engine'
import type { LocalImage } from '../engine/image-store'
import { rfc3339Nano } from '../engine/time'
import { canonicalJson, type LayerInfo } from '../images/catalog'
import type { CatalogImage } from '../images/catalog-types'
import { sha256Digest, sha256Hex } from '../images/sha256'
import { builderOf, resolveBase, type BuilderState, type CachedStep } from './builder-state'
import type { ContextFiles } from './context'
import { applyCopy, planCopy, sourceOfStage, type CopySource } from './copy'
import {
  DockerfileError,
  keyValuePairs,
  parseDockerfile,
  suggest,
  type Instruction,
  type ParsedDockerfile,
  type Stage,
} from './dockerfile'
import {
  cloneConfig,
  configFrom,
  envMap,
  exposedPorts,
  healthcheck,
  normalizeWorkdir,
  setEnv,
  toContainerConfig,
  validSignal,
  withShell,
  type StageConfig,
} from './image-config'
import { runStep } from './run-step'
import { imageAccounts } from './toolbox'
import { LexError, processWord, processWords, splitWords, type Env } from './shell-lex'
import { EMPTY_FS, FsBuilder, byteLength, imageFs, layerBytes, type StageFs } from './stage-fs'
import { BuildTrace, type BuildFailure, type Vertex } from './trace'

export interface BuildRequest {
  /** The Dockerfile's base name (`Dockerfile`, `Dockerfile.dev`) and text, undefined if missing. */
  readonly dockerfile: { readonly name: string; readonly text: string | undefined }
  readonly context: ContextFiles
  /** Size of the .dockerignore sent, undefined when there is none. */
  readonly ignoreFileBytes: number | undefined
  readonly buildArgs: ReadonlyMap<string, string>
  readonly target: string | undefined
  /** Familiar references to tag the result with (`myapp:1.0`). */
  readonly tags: readonly string[]
  readonly labels: Readonly<Record<string, string>>
  readonly noCache: boolean
  readonly pull: boolean
}

export interface BuildHost {
  readonly engine: DockerEngine
  now(): number
  /** Lets virtual time pass while a step works (instant in tests, real time in a terminal). */
  sleep(ms: number): Promise<boolean>
  onProgress?(trace: BuildTrace): void
}

export interface BuildOutcome {
  readonly trace: BuildTrace
  readonly image: LocalImage | undefined
  readonly failure: BuildFailure | undefined
}

interface Layer {
  readonly digest: string
  readonly bytes: number
  readonly createdMs: number
  readonly createdBy: string
}

interface StageState {
  fs: StageFs
  key: string
  config: StageConfig
  /** The llb state's environment: the image's ENV plus the stage's ARG values. */
  env: Map<string, string>
  args: Map<string, string>
  catalog: CatalogImage | undefined
  base: LocalImage | undefined
  layers: Layer[]
  installed: Set<string>
}

interface StagePlan {
  readonly stage: Stage
  readonly index: number
  /** The stage the FROM names, when it names one. */
  readonly parent: StagePlan | undefined
  readonly baseName: string
  readonly scratch: boolean
  prefixName: string
  cmdTotal: number
  cmdIndex: number
  commands: Array<{ instruction: Instruction; onbuild: boolean }>
  state: StageState | undefined
}

class BuildError extends Error {
  constructor(readonly failure: BuildFailure) {
    super(failure.message)
  }
}

const PLATFORM_ARGS: ReadonlyArray<[string, string]> = [
  ['BUILDPLATFORM', 'linux/amd64'],
  ['BUILDOS', 'linux'],
  ['BUILDARCH', 'amd64'],
  ['BUILDVARIANT', ''],
  ['TARGETPLATFORM', 'linux/amd64'],
  ['TARGETOS', 'linux'],
  ['TARGETARCH', 'amd64'],
  ['TARGETVARIANT', ''],
]

const SECRET_KEY =
  /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i
const PUBLIC_KEY = /(?:_|^)(?:public)(?:_|$)/i

export async function buildImage(request: BuildRequest, host: BuildHost): Promise<BuildOutcome> {
  const trace = new BuildTrace(() => host.now())
  const builder = builderOf(host.engine)
  const session = new BuildSession(request, host, trace, builder)
  try {
    const image = await session.run()
    return { trace, image, failure: undefined }
  } catch (error) {
    if (error instanceof BuildError) return { trace, image: undefined, failure: error.failure }
    throw error
  }
}

class BuildSession {
  private parsed: ParsedDockerfile | undefined
  private readonly text: string

  constructor(
    private readonly request: BuildRequest,
    private readonly host: BuildHost,
    private readonly trace: BuildTrace,
    private readonly builder: BuilderState,
  ) {
    this.text = request.dockerfile.text ?? ''
  }

  private progress(): void {
    this.host.onProgress?.(this.trace)
  }

  private async spend(ms: number): Promise<void> {
    if (ms > 0) await this.host.sleep(Math.round(ms))
  }

  private fail(message: string, range?: { start: number; end: number }): never {
    throw new BuildError({
      message: `failed to solve: ${message}`,
      ...(range === undefined
        ? {}
        : {
            source: {
              filename: this.request.dockerfile.name,
              text: this.text,
              start: range.start,
              end: range.end,
            },
          }),
    })
  }

  private async vertex<T>(name: string, body: (v: Vertex) => Promise<T>): Promise<T> {
    const v = this.trace.start(name)
    this.progress()
    const result = await body(v)
    if (v.completedMs === undefined) this.trace.complete(v)
    this.progress()
    return result
  }

  private finishStatus(status: { completedMs: number | undefined }): void {
    status.completedMs = this.host.now()
  }

  async run(): Promise<LocalImage> {
    const { request } = this
    const dfName = request.dockerfile.name
    await this.vertex(`[internal] load build definition from ${dfName}`, async (v) => {
      const text = request.dockerfile.text
      const bytes =
        text === undefined
          ? 2
          : this.builder.sent.get('\u0000dockerfile') === text
            ? 32
            : byteLength(text)
      const status = this.trace.status(v, 'transferring dockerfile:', bytes)
      await this.spend(8)
      this.finishStatus(status)
    })
    if (request.dockerfile.text === undefined)
      throw new BuildError({
        message: `failed to solve: failed to read dockerfile: open ${dfName}: no such file or directory`,
      })
    this.builder.sent.set('\u0000dockerfile', request.dockerfile.text)
    let parsed: ParsedDockerfile
    try {
      parsed = parseDockerfile(request.dockerfile.text)
    } catch (error) {
      if (error instanceof DockerfileError) this.fail(error.message, error.range)
      throw error
    }
    this.parsed = parsed
    this.lintStructure(parsed)
    const globalArgs = this.globalArgs(parsed)
    const plans = this.planStages(parsed, globalArgs)
    const target = this.targetPlan(plans)
    const reachable = this.reachable(target, plans, globalArgs)
    const bases = await this.loadMetadata(reachable, globalArgs)
    await this.vertex('[internal] load .dockerignore', async (v) => {
      const status = this.trace.status(v, 'transferring context:', request.ignoreFileBytes ?? 2)
      await this.spend(10)
      this.finishStatus(status)
    })
    await this.fromVertexes(reachable, bases)
    for (const plan of reachable) await this.runStage(plan, plans, bases, globalArgs)
    return this.exportImage(target)
  }

  // ------------------------------------------------------------------------------ planning

  private lintStructure(parsed: ParsedDockerfile): void {
    for (const stage of parsed.stages) {
      const words = splitWords(stage.from.text)
      const as = words[1]
      const from = stage.from.written
      if (as !== undefined && words.length === 3) {
        const fromUpper = from === from.toUpperCase()
        const asUpper = as === as.toUpperCase()
        if (fromUpper !== asUpper)
          this.trace.warn(
            'FromAsCasing',
            `'${as}' and '${from}' keywords' casing do not match`,
            stage.from.range.start,
          )
        const name = words[2] ?? ''
        if (name !== name.toLowerCase())
          this.trace.warn(
            'StageNameCasing',
            `Stage name '${name}' should be lowercase`,
            stage.from.range.start,
          )
      }
    }
    for (const instruction of parsed.instructions)
      if (instruction.keyword === 'MAINTAINER')
        this.trace.warn(
          'MaintainerDeprecated',
          'Maintainer instruction is deprecated in favor of using label',
          instruction.range.start,
        )
  }

  private globalArgs(parsed: ParsedDockerfile): Map<string, string> {
    const args = new Map<string, string>(PLATFORM_ARGS)
    for (const instruction of parsed.metaArgs) {
      for (const { key, value } of argPairs(instruction, parsed.escape)) {
        const given = this.request.buildArgs.get(key)
        if (given !== undefined) args.set(key, given)
        else if (value !== undefined) args.set(key, this.expand(value, args, instruction))
      }
    }
    return args
  }

  private expand(word: string, env: Env, instruction: Instruction): string {
    try {
      return processWord(word, env, { escape: this.parsed?.escape })
    } catch (error) {
      if (error instanceof LexError) this.fail(error.message, instruction.range)
      throw error
    }
  }

  private planStages(parsed: ParsedDockerfile, globalArgs: Map<string, string>): StagePlan[] {
    const plans: StagePlan[] = []
    const byName = new Map<string, StagePlan>()
    const imageSources = new Set<string>()
    parsed.stages.forEach((stage, index) => {
      const baseName = this.expand(stage.base, globalArgs, stage.from)
      if (baseName === '')
        this.fail(`base name (${stage.base}) should not be blank`, stage.from.range)
      const parent = byName.get(baseName.toLowerCase())
      const scratch = parent === undefined && baseName.toLowerCase() === 'scratch'
      const commands = stage.commands.map((instruction) => ({ instruction, onbuild: false }))
      const plan: StagePlan = {
        stage,
        index,
        parent,
        baseName,
        scratch,
        prefixName: stage.name ?? `stage-${index}`,
        cmdTotal: 0,
        cmdIndex: 0,
        commands,
        state: undefined,
      }
      plans.push(plan)
      if (stage.name !== undefined) byName.set(stage.name, plan)
      for (const { instruction } of commands) {
        const from =
          instruction.keyword === 'COPY'
            ? instruction.flags.find((f) => f.name === 'from')?.value
            : undefined
        if (from && !byName.has(from.toLowerCase()) && !/^\d+$/.test(from)) imageSources.add(from)
      }
    })
    if (plans.length + imageSources.size === 1) for (const plan of plans) plan.prefixName = ''
    return plans
  }

  private targetPlan(plans: StagePlan[]): StagePlan {
    const wanted = this.request.target
    if (wanted === undefined || wanted === '') {
      const last = plans[plans.length - 1]
      if (last === undefined) this.fail('dockerfile contains no stages to build')
      return last
    }
    const found = plans.find((p) => p.stage.name === wanted.toLowerCase())
    if (found) return found
    const names = plans.map((p) => p.stage.name).filter((n): n is string => n !== undefined)
    const hint = suggest(wanted, names, true)
    throw new BuildError({
      message: `failed to solve: target stage ${quote(wanted)} could not be found${hint === undefined ? '' : ` (did you mean ${hint}?)`}`,
    })
  }

  /** The target and the stages it needs (its base, COPY --from sources), in file order. */
  private reachable(
    target: StagePlan,
    plans: StagePlan[],
    globalArgs: Map<string, string>,
  ): StagePlan[] {
    const needed = new Set<StagePlan>()
    const visit = (plan: StagePlan): void => {
      if (needed.has(plan)) return
      needed.add(plan)
      if (plan.parent) visit(plan.parent)
      for (const { instruction } of plan.commands) {
        const from = this.copyFrom(instruction, plans, plan)
        if (from !== undefined && typeof from !== 'string') visit(from)
      }
    }
    visit(target)
    const list = plans.filter((p) => needed.has(p))
    void globalArgs
    for (const plan of list) this.countCommands(plan)
    return list
  }

  /** COPY --from's source: a stage, or an image reference. */
  private copyFrom(
    instruction: Instruction,
    plans: StagePlan[],
    current: StagePlan,
  ): StagePlan | string | undefined {
    if (instruction.keyword !== 'COPY') return undefined
    const from = instruction.flags.find((f) => f.name === 'from')?.value
    if (from === undefined || from === null || from === '') return undefined
    if (/^\d+$/.test(from)) {
      const byIndex = plans[Number(from)]
      if (byIndex === undefined) this.fail(`invalid stage index ${from}`, instruction.range)
      return byIndex
    }
    const named = plans.find((p) => p.stage.name === from.toLowerCase() && p.index < current.index)
    if (named) return named
    const later = plans.find((p) => p.stage.name === from.toLowerCase())
    if (later)
      this.fail(
        `cannot copy from stage ${quote(from)}, it needs to be defined before current stage ${quote(current.prefixName)}`,
        instruction.range,
      )
    return from
  }

  private countCommands(plan: StagePlan): void {
    let total = plan.parent === undefined && !plan.scratch ? 1 : 0
    for (const { instruction } of plan.commands)
      if (['ADD', 'COPY', 'RUN', 'WORKDIR'].includes(instruction.keyword)) total++
    plan.cmdTotal = total
  }

  // ------------------------------------------------------------------------- base images

  private async loadMetadata(
    reachable: StagePlan[],
    globalArgs: Map<string, string>,
  ): Promise<Map<string, Extract<ReturnType<typeof resolveBase>, { ok: true }>>> {
    const bases = new Map<string, Extract<ReturnType<typeof resolveBase>, { ok: true }>>()
    const wanted: Array<{ name: string; range: { start: number; end: number } }> = []
    for (const plan of reachable) {
      this.checkPlatform(plan, globalArgs)
      if (plan.parent === undefined && !plan.scratch)
        wanted.push({ name: plan.baseName, range: plan.stage.from.range })
    }
    for (const plan of reachable)
      for (const { instruction } of plan.commands) {
        const from = this.copyFrom(instruction, [], plan)
        if (typeof from === 'string' && !reachable.some((p) => p.stage.name === from.toLowerCase()))
          wanted.push({ name: from, range: instruction.range })
      }
    const seen = new Set<string>()
    for (const { name, range } of wanted) {
      if (seen.has(name)) continue
      seen.add(name)
      const resolved = resolveBase(this.host.engine, name, this.request.pull)
      if (!resolved.ok && resolved.vertexError === undefined) this.fail(resolved.message, range)
      await this.vertex(`[internal] load metadata for ${resolved.canonical}`, async (v) => {
        if (!resolved.ok) {
          await this.spend(300 + (nameHash(name) % 400))
          this.trace.complete(v, { error: resolved.vertexError })
          return
        }
        await this.spend(resolved.local ? 8 : 450 + (nameHash(name) % 900))
      })
      if (!resolved.ok) this.fail(resolved.message, range)
      bases.set(name, resolved)
    }
    return bases
  }

  private checkPlatform(plan: StagePlan, globalArgs: Map<string, string>): void {
    const raw = plan.stage.platform
    if (raw === undefined) return
    const value = this.expand(raw, globalArgs, plan.stage.from)
    const line = plan.stage.from.range.start
    if (raw === '$TARGETPLATFORM' || raw === '${TARGETPLATFORM}')
      this.trace.warn(
        'RedundantTargetPlatform',
        'Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior',
        line,
      )
    else if (!raw.includes('$'))
      this.trace.warn(
        'FromPlatformFlagConstDisallowed',
        `FROM --platform flag should not use constant value ${quote(raw)}`,
        line,
      )
    if (value === '')
      this.fail(`empty platform value from expression ${raw}`, plan.stage.from.range)
    if (!/^(linux|windows)(\/(amd64|arm64|arm|386|ppc64le|s390x|riscv64)(\/v\d)?)?$/.test(value))
      this.fail(
        `failed to parse platform ${raw}: "${value}": unknown operating system or architecture: invalid argument`,
        plan.stage.from.range,
      )
  }

  private async fromVertexes(
    reachable: StagePlan[],
    bases: Map<string, Extract<ReturnType<typeof resolveBase>, { ok: true }>>,
  ): Promise<void> {
    const usesContext = reachable.some((p) =>
      p.commands.some(
        ({ instruction }) =>
          (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') &&
          !instruction.flags.some((f) => f.name === 'from') &&
          instruction.heredocs.length === 0,
      ),
    )
    let contextDone = false
    const contextVertex = async (): Promise<void> => {
      if (!usesContext || contextDone) return
      contextDone = true
      await this.vertex('[internal] load build context', async (v) => {
        let bytes = 0
        for (const [path, content] of this.request.context.files) {
          if (this.builder.sent.get(path) !== content) bytes += byteLength(content)
          this.builder.sent.set(path, content)
        }
        if (bytes === 0) bytes = this.request.context.files.size > 0 ? 32 : 2
        const status = this.trace.status(v, 'transferring context:', bytes)
        await this.spend(8 + bytes / 60_000)
        this.finishStatus(status)
      })
    }
    for (const plan of reachable) {
      if (plan.parent !== undefined || plan.scratch) continue
      const base = bases.get(plan.baseName)
      if (base === undefined) continue
      const name = `FROM ${base.canonical}${base.digest === undefined || base.local ? '' : `@${base.digest}`}`
      await this.vertex(this.prefix(plan, name, false), async (v) => {
        if (base.download.length > 0)
          await this.pullLayers(v, base.canonical, base.digest ?? '', base.download)
        else await this.spend(15)
      })
      await contextVertex()
    }
    const imageSources = [...bases.entries()].filter(
      ([name]) =>
        !reachable.some((p) => p.parent === undefined && !p.scratch && p.baseName === name),
    )
    for (const [, base] of imageSources) {
      await this.vertex(
        `FROM ${base.canonical}${base.digest === undefined || base.local ? '' : `@${base.digest}`}`,
        async (v) => {
          if (base.download.length > 0)
            await this.pullLayers(v, base.canonical, base.digest ?? '', base.download)
          else await this.spend(15)
        },
      )
    }
    await contextVertex()
  }

  private async pullLayers(
    v: Vertex,
    canonical: string,
    digest: string,
    layers: LayerInfo[],
  ): Promise<void> {
    const resolve = this.trace.status(v, `resolve ${canonical}@${digest}`)
    await this.spend(30)
    this.finishStatus(resolve)
    const manifest = this.trace.status(v, digest, 1_612, 1_612)
    this.finishStatus(manifest)
    const started = this.host.now()
    const downloads = layers.map((l) =>
      this.trace.status(v, l.digest, l.downloadBytes, l.downloadBytes, started),
    )
    let elapsed = 0
    for (let i = 0; i < layers.length; i++) {
      const layer = layers[i]
      const status = downloads[i]
      if (layer === undefined || status === undefined) continue
      const ms = 60 + layer.downloadBytes / 25_000
      elapsed = Math.max(elapsed, ms)
    }
    await this.spend(elapsed)
    for (const status of downloads) this.finishStatus(status)
    for (const layer of layers) {
      const extracting = this.trace.status(v, `extracting ${layer.digest}`)
      await this.spend(5 + layer.sizeBytes / 120_000)
      this.finishStatus(extracting)
    }
  }

  private prefix(plan: StagePlan, text: string, onbuild: boolean): string {
    if (plan.cmdTotal === 0) return text
    plan.cmdIndex++
    const width = Math.floor(1 + Math.log10(plan.cmdTotal))
    const index = String(plan.cmdIndex).padStart(width, ' ')
    return `[${plan.prefixName === '' ? '' : `${plan.prefixName} `}${index}/${plan.cmdTotal}] ${onbuild ? 'ONBUILD ' : ''}${text}`
  }

  // ---------------------------------------------------------------------------- the steps

  private initialState(
    plan: StagePlan,
    bases: Map<string, Extract<ReturnType<typeof resolveBase>, { ok: true }>>,
  ): StageState {
    if (plan.parent !== undefined) {
      const from = plan.parent.state
      if (from === undefined)
        this.fail(`stage ${plan.parent.prefixName} was not built`, plan.stage.from.range)
      const config = cloneConfig(from.config)
      config.OnBuild = []
      return {
        fs: from.fs,
        key: from.key,
        config,
        env: new Map(from.env),
        args: new Map(from.args),
        catalog: from.catalog,
        base: from.base,
        layers: [...from.layers],
        installed: new Set(from.installed),
      }
    }
    if (plan.scratch)
      return {
        fs: EMPTY_FS,
        key: 'scratch',
        config: configFrom(undefined),
        env: new Map([['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']]),
        args: new Map(),
        catalog: undefined,
        base: undefined,
        layers: [],
        installed: new Set(),
      }
    const base = bases.get(plan.baseName)
    const image = base?.image
    const config = configFrom(image?.inspect.Config)
    if (!config.Env.some((e) => e.startsWith('PATH=')))
      config.Env.push('PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin')
    const triggers = image?.inspect.Config.OnBuild ?? []
    if (triggers.length > 0) {
      const onbuild = triggers.flatMap((t) => {
        try {
          return parseDockerfile(`FROM scratch\n${t}\n`).stages[0]?.commands ?? []
        } catch {
          return []
        }
      })
      plan.commands = [
        ...onbuild.map((instruction) => ({
          instruction: { ...instruction, range: plan.stage.from.range },
          onbuild: true,
        })),
        ...plan.commands,
      ]
      this.countCommands(plan)
    }
    return {
      fs: imageFs(image),
      key: `from:${image?.id ?? plan.baseName}`,
      config,
      env: envMap(config.Env),
      args: new Map(),
      catalog: base?.catalog ?? image?.catalog,
      base: image,
      layers: [],
      installed: new Set(),
    }
  }

  private async runStage(
    plan: StagePlan,
    plans: StagePlan[],
    bases: Map<string, Extract<ReturnType<typeof resolveBase>, { ok: true }>>,
    globalArgs: Map<string, string>,
  ): Promise<void> {
    const state = this.initialState(plan, bases)
    const seen = new Map<string, number>()
    let workdirSet = false
    let cmdSet = false
    for (const { instruction, onbuild } of plan.commands) {
      const line = instruction.range.start
      const keyword = instruction.keyword
      if (['CMD', 'ENTRYPOINT', 'HEALTHCHECK'].includes(keyword)) {
        if (seen.has(keyword))
          this.trace.warn(
            'MultipleInstructionsDisallowed',
            `Multiple ${keyword} instructions should not be used in the same stage because only the last one will be used`,
            seen.get(keyword) ?? line,
          )
        seen.set(keyword, line)
      }
      switch (keyword) {
        case 'ARG':
          for (const { key, value } of argPairs(instruction, this.escape)) {
            this.lintSecret('ARG', key, line)
            const given = this.request.buildArgs.get(key)
            let resolved: string | undefined
            if (given !== undefined) resolved = given
            else if (value !== undefined) resolved = this.expand(value, state.env, instruction)
            else resolved = globalArgs.get(key)
            if (resolved !== undefined) {
              state.args.set(key, resolved)
              state.env.set(key, resolved)
            }
          }
          break
        case 'ENV':
        case 'LABEL': {
          const { pairs, legacy } = this.pairs(instruction)
          if (legacy)
            this.trace.warn(
              'LegacyKeyValueFormat',
              `"${keyword} key=value" should be used instead of legacy "${keyword} key value" format`,
              line,
            )
          for (const { key, value } of pairs) {
            const k = this.expand(key, state.env, instruction)
            const v = this.expand(value, state.env, instruction)
            if (keyword === 'ENV') {
              this.lintSecret('ENV', k, line)
              setEnv(state.config.Env, k, v)
              state.env.set(k, v)
            } else state.config.Labels[k] = v
          }
          break
        }
        case 'EXPOSE': {
          const words = this.words(instruction, state.env)
          const { ports, error } = exposedPorts(words)
          if (error !== undefined) this.fail(error, instruction.range)
          for (const port of ports) state.config.ExposedPorts[port] = {}
          break
        }
        case 'VOLUME': {
          const volumes = instruction.json ?? this.words(instruction, state.env)
          for (const volume of volumes) {
            if (volume.trim() === '')
              this.fail('VOLUME specified can not be an empty string', instruction.range)
            state.config.Volumes[volume.trim()] = {}
          }
          break
        }
        case 'USER':
          state.config.User = this.expand(instruction.text.trim(), state.env, instruction)
          break
        case 'STOPSIGNAL': {
          const signal = this.expand(instruction.text.trim(), state.env, instruction)
          if (!validSignal(signal)) this.fail(`Invalid signal: ${signal}`, instruction.range)
          state.config.StopSignal = signal
          break
        }
        case 'SHELL':
          state.config.Shell = [...(instruction.json ?? [])]
          break
        case 'MAINTAINER':
          state.config.Author = instruction.text
          break
        case 'ONBUILD':
          state.config.OnBuild.push(instruction.original.replace(/^\s*onbuild\s*/i, ''))
          break
        case 'CMD':
        case 'ENTRYPOINT': {
          const args = instruction.json ?? withShell(state.config, instruction.text)
          if (instruction.json === undefined && state.config.Shell === undefined)
            this.trace.warn(
              'JSONArgsRecommended',
              `JSON arguments recommended for ${keyword} to prevent unintended behavior related to OS signals`,
              line,
            )
          if (keyword === 'CMD') {
            state.config.Cmd = [...args]
            cmdSet = true
          } else {
            state.config.Entrypoint =
              instruction.json !== undefined && args.length === 0 ? null : [...args]
            if (!cmdSet) state.config.Cmd = null
          }
          break
        }
        case 'HEALTHCHECK':
          state.config.Healthcheck = this.healthcheck(instruction, state)
          break
        case 'WORKDIR': {
          const path = this.expand(instruction.text.trim(), state.env, instruction)
          if (!workdirSet && !path.startsWith('/'))
            this.trace.warn(
              'WorkdirRelativePath',
              `Relative workdir ${quote(path)} can have unexpected results if the base image changes`,
              line,
            )
          workdirSet = true
          const wd = normalizeWorkdir(state.config.WorkingDir, path)
          state.config.WorkingDir = wd
          if (wd === '/') break
          await this.step(plan, state, instruction, onbuild, `WORKDIR ${wd}`, async () => {
            const fs = new FsBuilder(state.fs)
            fs.mkdirp(wd)
            await this.spend(25)
            return { fs: fs.freeze(), installed: state.installed }
          })
          break
        }
        case 'COPY':
        case 'ADD':
          await this.copy(plan, plans, bases, state, instruction, onbuild)
          break
        case 'RUN':
          await this.runInstruction(plan, state, instruction, onbuild)
          break
      }
    }
    plan.state = state
  }

  private get escape(): string {
    return this.parsed?.escape ?? '\\'
  }

  private pairs(instruction: Instruction): ReturnType<typeof keyValuePairs> {
    try {
      return keyValuePairs(instruction, this.escape)
    } catch (error) {
      if (error instanceof DockerfileError) this.fail(error.message, error.range)
      throw error
    }
  }

  private words(instruction: Instruction, env: Env): string[] {
    try {
      return processWords(instruction.text, env, { escape: this.escape })
    } catch (error) {
      if (error instanceof LexError) this.fail(error.message, instruction.range)
      throw error
    }
  }

  private lintSecret(kind: 'ARG' | 'ENV', key: string, line: number): void {
    if (SECRET_KEY.test(key) && !PUBLIC_KEY.test(key))
      this.trace.warn(
        'SecretsUsedInArgOrEnv',
        `Do not use ARG or ENV instructions for sensitive data (${kind} ${quote(key)})`,
        line,
      )
  }

  private healthcheck(instruction: Instruction, state: StageState): StageConfig['Healthcheck'] {
    const words = splitWords(instruction.text)
    const type = (words[0] ?? '').toUpperCase()
    if (type === 'NONE') {
      if (words.length > 1)
        this.fail(
          'dockerfile parse error on line ' +
            instruction.range.start +
            ': HEALTHCHECK NONE takes no arguments',
          instruction.range,
        )
      return { Test: ['NONE'] }
    }
    if (type !== 'CMD')
      this.fail(
        `dockerfile parse error on line ${instruction.range.start}: Unknown type ${quote(type)} in HEALTHCHECK (try CMD)`,
        instruction.range,
      )
    const rest = instruction.text.replace(/^\s*\S+\s*/, '')
    let json: string[] | undefined
    try {
      const value: unknown = JSON.parse(rest)
      if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
        json = value as string[]
    } catch {
      json = undefined
    }
    if (rest.trim() === '')
      this.fail(
        `dockerfile parse error on line ${instruction.range.start}: Missing command after HEALTHCHECK CMD`,
        instruction.range,
      )
    const test = json ? ['CMD', ...json] : ['CMD-SHELL', rest]
    const flags = new Map(instruction.flags.map((f) => [f.name, f.value ?? '']))
    const { config, error } = healthcheck(test, flags)
    if (error !== undefined)
      this.fail(
        `dockerfile parse error on line ${instruction.range.start}: ${error}`,
        instruction.range,
      )
    void state
    return config
  }

  /** A step that makes a layer: CACHED when the cache knows its key, else done by `work`. */
  private async step(
    plan: StagePlan,
    state: StageState,
    instruction: Instruction,
    onbuild: boolean,
    identity: string,
    work: (
      v: Vertex,
    ) => Promise<
      | { fs: StageFs; installed: ReadonlySet<string>; bytes?: number }
      | { error: string; failure: string }
    >,
  ): Promise<void> {
    const name = this.prefix(plan, this.displayName(instruction, state.env), onbuild)
    const key = sha256Hex(`${state.key}\n${identity}`)
    const cached = this.request.noCache ? undefined : this.builder.steps.get(key)
    await this.vertex(name, async (v) => {
      if (cached) {
        await this.spend(1)
        this.trace.complete(v, { cached: true })
        this.commit(state, key, cached, identity)
        return
      }
      const result = await work(v)
      if ('error' in result) {
        this.trace.complete(v, { error: result.error })
        this.progress()
        this.fail(result.failure, instruction.range)
      }
      const entry: CachedStep = {
        fs: result.fs,
        installed: new Set([...state.installed, ...result.installed]),
        createdMs: this.host.now(),
        bytes: result.bytes ?? layerBytes(state.fs, result.fs),
      }
      this.builder.steps.set(key, entry)
      this.commit(state, key, entry, identity)
    })
  }

  private commit(state: StageState, key: string, entry: CachedStep, createdBy: string): void {
    state.fs = entry.fs
    state.key = key
    state.installed = new Set(entry.installed)
    state.layers.push({
      digest: `sha256:${key}`,
      bytes: entry.bytes,
      createdMs: entry.createdMs,
      createdBy,
    })
  }

  /** The vertex name: the instruction as written, variables that are set expanded. */
  private displayName(instruction: Instruction, env: Env): string {
    let text = instruction.original
    try {
      text = processWord(text, env, { escape: this.escape, skipUnset: true, rawQuotes: true })
    } catch {
      text = instruction.original
    }
    const space = text.indexOf(' ')
    text =
      space < 0 ? text.toUpperCase() : `${text.slice(0, space).toUpperCase()}${text.slice(space)}`
    if (
      instruction.keyword === 'RUN' &&
      instruction.heredocs.length === 1 &&
      /^<<-?["']?\w+["']?$/.test(instruction.text.trim())
    ) {
      const doc = instruction.heredocs[0]?.content.trim() ?? ''
      const lines = doc.split('\n')
      text += ` (${lines[0] ?? ''}${lines.length > 1 ? '...' : ''})`
    }
    return text
  }

  private async copy(
    plan: StagePlan,
    plans: StagePlan[],
    bases: Map<string, Extract<ReturnType<typeof resolveBase>, { ok: true }>>,
    state: StageState,
    instruction: Instruction,
    onbuild: boolean,
  ): Promise<void> {
    const from = this.copyFrom(instruction, plans, plan)
    let source: CopySource
    let sourceKey: string
    if (from === undefined) {
      source = this.request.context
      sourceKey = 'context'
    } else if (typeof from === 'string') {
      const base = bases.get(from)
      source = sourceOfStage(imageFs(base?.image))
      sourceKey = `image:${base?.image.id ?? from}`
    } else {
      const fromState = from.state
      if (fromState === undefined)
        this.fail(`stage ${from.prefixName} was not built`, instruction.range)
      source = sourceOfStage(fromState.fs)
      sourceKey = `stage:${fromState.key}`
    }
    const raw = instruction.json ?? splitWords(instruction.text, this.escape)
    const heredocs = new Map(instruction.heredocs.map((h) => [h.name, h]))
    const words = raw.map((w) => this.expand(w, state.env, instruction))
    const dest = words[words.length - 1] ?? '.'
    const sources = words.slice(0, -1)
    const inline = new Map<string, string>()
    const fileSources: string[] = []
    for (const src of sources) {
      const doc = /^<<-?["']?(\w+)["']?$/.exec(src)?.[1]
      const heredoc = doc === undefined ? undefined : heredocs.get(doc)
      if (heredoc)
        inline.set(
          heredoc.name,
          heredoc.expand ? this.expand(heredoc.content, state.env, instruction) : heredoc.content,
        )
      else fileSources.push(src)
    }
    const destPath = dest.startsWith('/')
      ? dest
      : `${state.config.WorkingDir === '' ? '/' : state.config.WorkingDir}/${dest}`
    const absoluteDest =
      dest.endsWith('/') || dest === '.' || dest.endsWith('/.')
        ? `${destPath.replace(/\/\.?$/, '')}/`
        : destPath
    const chown = instruction.flags.find((f) => f.name === 'chown')?.value ?? undefined
    const chmod = instruction.flags.find((f) => f.name === 'chmod')?.value ?? undefined
    if (chown !== undefined && chown !== null) this.checkChown(chown, state, instruction)
    const urls = fileSources.filter((s) => /^https?:\/\//.test(s))
    const local = fileSources.filter((s) => !/^https?:\/\//.test(s))
    const plan0 = planCopy(source, local, absoluteDest, state.fs)
    if (!plan0.ok) {
      const problem =
        'missing' in plan0
          ? this.missingSource(plan0.missing, sourceKey)
          : { error: plan0.message, failure: plan0.message }
      const name = this.prefix(plan, this.displayName(instruction, state.env), onbuild)
      await this.vertex(name, async (v) => {
        await this.spend(5)
        this.trace.complete(v, { error: problem.error })
      })
      this.fail(problem.failure, instruction.range)
    }
    const files = [...plan0.files]
    const destIsDir = absoluteDest.endsWith('/') || sources.length > 1
    for (const [name, content] of inline)
      files.push({ target: destIsDir ? `${absoluteDest}${name}` : absoluteDest, content })
    for (const url of urls) {
      const name = url.split('?')[0]?.split('/').pop() || 'index.html'
      files.push({
        target: destIsDir ? `${absoluteDest}${name}` : absoluteDest,
        content: `# download of ${url}\n`,
      })
    }
    const identity = `${instruction.keyword} ${canonicalJson({ sourceKey, files: plan0.digest, inline: [...inline], urls, dest: absoluteDest, chown, chmod })}`
    await this.step(plan, state, instruction, onbuild, identity, async () => {
      const next = applyCopy(state.fs, { ...plan0, files })
      const bytes = files.reduce((sum, f) => sum + byteLength(f.content), 0)
      await this.spend(20 + bytes / 80_000)
      return { fs: next, installed: state.installed, bytes }
    })
  }

  private missingSource(path: string, sourceKey: string): { error: string; failure: string } {
    const h = sha256Hex(`${sourceKey}:${this.text}`)
    const uuid = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'
    const bytes = sha256Hex(`session:${h}`)
    const session = Array.from({ length: 25 }, (_, i) =>
      alphabet.charAt(parseInt(bytes.slice(i * 2, i * 2 + 2), 16) % 36),
    ).join('')
    const error = `failed to calculate checksum of ref ${uuid}::${session}: ${quote(path)}: not found`
    return { error, failure: `failed to compute cache key: ${error}` }
  }

  private checkChown(chown: string, state: StageState, instruction: Instruction): void {
    const [user = '', group = ''] = chown.split(':')
    const passwd = state.fs.files.get('/etc/passwd') ?? ''
    const groups = state.fs.files.get('/etc/group') ?? ''
    const accounts = imageAccounts(state.catalog)
    const known = (table: string, name: string): boolean =>
      name === '' ||
      /^\d+$/.test(name) ||
      accounts.has(name) ||
      table.split('\n').some((l) => l.startsWith(`${name}:`))
    if (!known(passwd, user))
      this.fail(
        `unable to convert uid/gid chown string to host mapping: can't find uid for user ${user}: no such user: ${user}`,
        instruction.range,
      )
    if (!known(groups, group))
      this.fail(
        `unable to convert uid/gid chown string to host mapping: can't find gid for group ${group}: no such group: ${group}`,
        instruction.range,
      )
  }

  private async runInstruction(
    plan: StagePlan,
    state: StageState,
    instruction: Instruction,
    onbuild: boolean,
  ): Promise<void> {
    let argv: string[]
    const heredoc = instruction.heredocs[0]
    if (instruction.json !== undefined) argv = [...instruction.json]
    else if (heredoc !== undefined && /^<<-?["']?\w+["']?$/.test(instruction.text.trim()))
      argv = withShell(state.config, heredoc.content)
    else if (heredoc !== undefined)
      argv = withShell(
        state.config,
        `${instruction.text}\n${instruction.heredocs.map((h) => `${h.content}${h.name}`).join('\n')}`,
      )
    else argv = withShell(state.config, instruction.text)
    const cwd = state.config.WorkingDir === '' ? '/' : state.config.WorkingDir
    const user = state.config.User.split(':')[0] ?? ''
    const identity = `RUN ${canonicalJson({ argv, env: [...state.env].sort(), cwd, user, mounts: instruction.flags.map((f) => `${f.name}=${f.value ?? ''}`) })}`
    const processName = quote(argv.join(' '))
    await this.step(plan, state, instruction, onbuild, identity, async (v) => {
      if (user !== '' && !/^\d+$/.test(user)) {
        const passwd = state.fs.files.get('/etc/passwd') ?? ''
        if (
          !imageAccounts(state.catalog).has(user) &&
          !passwd.split('\n').some((l) => l.startsWith(`${user}:`))
        ) {
          const message = `unable to find user ${user}: no matching entries in passwd file`
          return { error: message, failure: message }
        }
      }
      if (state.catalog === undefined || (state.fs.files.size === 0 && state.base === undefined)) {
        const message = `process ${processName} did not complete successfully: runc run failed: unable to start container process: error during container init: exec: "${argv[0] ?? ''}": stat ${argv[0] ?? ''}: no such file or directory`
        await this.spend(60)
        return { error: message, failure: message }
      }
      const outcome = await runStep({
        fs: state.fs,
        argv,
        env: state.env,
        cwd,
        catalog: state.catalog,
        installed: state.installed,
        nowIso: new Date(this.host.now()).toISOString(),
      })
      // The output arrives as the programs finish: near the end of the step.
      const at = v.startedMs + Math.max(40, outcome.durationMs - 4)
      for (const line of outcome.output) v.logs.push({ atMs: at, text: line.text })
      await this.spend(outcome.durationMs)
      if (outcome.exitCode !== 0) {
        const message = `process ${processName} did not complete successfully: exit code: ${outcome.exitCode}`
        return { error: message, failure: message }
      }
      return {
        fs: outcome.fs,
        installed: outcome.installed,
        bytes: layerBytes(state.fs, outcome.fs) + outcome.addedBytes,
      }
    })
  }

  // ---------------------------------------------------------------------------- exporting

  private async exportImage(target: StagePlan): Promise<LocalImage> {
    const state = target.state
    if (state === undefined) this.fail('target stage was not built')
    const engine = this.host.engine
    const config = toContainerConfig(state.config)
    config.Labels = { ...config.Labels, ...this.request.labels }
    const newLayers = state.layers
    const baseLayers = state.base?.layerIds ?? []
    const layerIds = [...baseLayers, ...newLayers.map((l) => l.digest)]
    const baseCreated = state.base?.createdMs ?? 0
    // The layers' times are the build's own timeline; the image cannot be newer than the daemon.
    const createdMs = Math.min(
      newLayers.reduce((max, l) => Math.max(max, l.createdMs), baseCreated),
      engine.services.clock.now(),
    )
    const id = sha256Digest(
      canonicalJson({
        architecture: 'amd64',
        os: 'linux',
        config,
        rootfs: layerIds,
        history: newLayers.map((l) => [l.createdBy, l.createdMs]),
        author: state.config.Author,
      }),
    )
    const addedBytes = newLayers.reduce((sum, l) => sum + l.bytes, 0)
    let image = engine.images.get(id)
    await this.vertex('exporting to image', async (v) => {
      const layers = this.trace.status(v, 'exporting layers')
      await this.spend(newLayers.length === 0 ? 2 : 40 + addedBytes / 400_000)
      this.finishStatus(layers)
      const writing = this.trace.status(v, `writing image ${id}`)
      await this.spend(3)
      this.finishStatus(writing)
      for (const tag of this.request.tags) {
        const naming = this.trace.status(v, `naming to ${canonicalName(tag)}`)
        await this.spend(2)
        this.finishStatus(naming)
      }
    })
    if (image === undefined) {
      const dirs = new Set<string>(state.fs.dirs)
      image = {
        id,
        catalog: state.catalog,
        files: state.fs.files,
        directories: dirs,
        createdMs,
        layerIds,
        inspect: {
          Id: id,
          RepoTags: [],
          RepoDigests: [],
          Parent: '',
          Comment: 'buildkit.dockerfile.v0',
          Created: rfc3339Nano(createdMs),
          DockerVersion: '',
          Author: state.config.Author,
          Config: config,
          Architecture: 'amd64',
          Os: 'linux',
          Size: (state.base?.inspect.Size ?? 0) + addedBytes,
          RootFS: { Type: 'layers', Layers: layerIds },
          Metadata: {
            LastTagTime:
              this.request.tags.length > 0 ? rfc3339Nano(this.host.now()) : '0001-01-01T00:00:00Z',
          },
        },
      }
      engine.images.add(image)
    }
    for (const tag of this.request.tags) {
      engine.images.tag(tag, id)
      engine.events.emit('image', 'tag', id, { name: tag })
    }
    engine.services.changed()
    return image
  }
}

/** `myapp:1.0` → `docker.io/library/myapp:1.0`, as "naming to" prints it. */
function canonicalName(familiar: string): string {
  const slash = familiar.indexOf('/')
  const first = slash < 0 ? '' : familiar.slice(0, slash)
  if (slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost'))
    return familiar
  return slash < 0 ? `docker.io/library/${familiar}` : `docker.io/${familiar}`
}

function argPairs(
  instruction: Instruction,
  escape: string,
): Array<{ key: string; value: string | undefined }> {
  return splitWords(instruction.text, escape).map((word) => {
    const eq = word.indexOf('=')
    return eq < 0
      ? { key: word, value: undefined }
      : { key: word.slice(0, eq), value: word.slice(eq + 1) }
  })
}

function nameHash(text: string): number {
  let h = 0
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) >>> 0
  return h
}
