import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { builtinModules, createRequire } from 'node:module'
import { join } from 'node:path'
import type { Configuration } from 'electron-builder'
import { beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'

/**
 * electron-builder.yml, checked without packaging (which needs the network): electron-builder's
 * own loader and schema accept it, it names every installer the issue asks for, and the app it
 * describes holds what out/main needs at run time.
 */
const ROOT = join(import.meta.dirname, '..', '..')
const MAIN_BUNDLE = join(ROOT, 'out', 'main', 'index.js')

interface ConfigApi {
  getConfig(
    projectDir: string,
    configPath: string | null,
    fromOptions: null,
  ): Promise<Configuration>
  validateConfiguration(config: Configuration, logger: unknown): Promise<void>
}

// electron-builder's loader and validator, from the copy of app-builder-lib it depends on.
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'))
const configApi = fromBuilder('app-builder-lib/out/util/config/config.js') as ConfigApi
const { DebugLogger } = fromBuilder('builder-util') as { DebugLogger: new (on: boolean) => unknown }

const packageJson = z
  .object({
    main: z.string(),
    scripts: z.record(z.string(), z.string()),
    dependencies: z.record(z.string(), z.string()),
    devDependencies: z.record(z.string(), z.string()),
  })
  .parse(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')))

let config: Configuration

beforeAll(async () => {
  config = await configApi.getConfig(ROOT, 'electron-builder.yml', null)
  // `npm test` builds first; on its own, this builds the Electron app (no binary needed).
  if (!existsSync(MAIN_BUNDLE))
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
      {
        cwd: ROOT,
        stdio: 'ignore',
      },
    )
}, 120_000)

function targetNames(target: unknown): string[] {
  const list = Array.isArray(target) ? target : [target]
  return list.map((entry) =>
    typeof entry === 'string' ? entry : z.object({ target: z.string() }).parse(entry).target,
  )
}

/** The `files` patterns, whether written as strings or normalised into `{ filter }` sets. */
function filePatterns(): string[] {
  const fileSet = z.union([z.string(), z.object({ filter: z.array(z.string()) })])
  return z
    .array(fileSet)
    .parse(config.files)
    .flatMap((entry) => (typeof entry === 'string' ? [entry] : entry.filter))
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema', async () => {
    await expect(
      configApi.validateConfiguration(config, new DebugLogger(false)),
    ).resolves.toBeUndefined()
  })

  it('names the app and pins the Electron it was tested with', () => {
    expect(config.appId).toBe('org.quai.sandbox')
    expect(config.productName).toBe('Quai')
    expect(config.electronVersion).toBe(packageJson.devDependencies['electron'])
    expect(config.asar).toBe(true)
    expect(config.npmRebuild).toBe(false)
    expect(config.publish).toBeNull()
    expect(config.directories?.output).toBe('dist')
  })

  it('builds AppImage and deb, NSIS and a portable exe, and a dmg', () => {
    expect(targetNames(config.linux?.target)).toEqual(['AppImage', 'deb'])
    expect(targetNames(config.win?.target)).toEqual(['nsis', 'portable'])
    expect(targetNames(config.mac?.target)).toEqual(['dmg'])
    expect(config.linux?.maintainer).toBeTruthy()
  })

  it('installs for the current user only, and names the two Windows exes apart', () => {
    expect(config.nsis?.perMachine).toBe(false)
    expect(config.nsis?.oneClick).toBe(false)
    const installer = config.win?.artifactName
    const portable = config.portable?.artifactName
    expect(installer).toBeTruthy()
    expect(portable).toBeTruthy()
    expect(portable).not.toBe(installer)
  })

  it('ships the three builds and package.json, and no sources', () => {
    const patterns = filePatterns()
    expect(patterns).toEqual(
      expect.arrayContaining(['package.json', 'out/main/**', 'out/preload/**', 'out/renderer/**']),
    )
    expect(patterns.filter((pattern) => !pattern.startsWith('!'))).not.toEqual(
      expect.arrayContaining(['src/**']),
    )
    // The production dependencies main requires are added by electron-builder: never excluded.
    expect(
      patterns.some((pattern) => pattern.startsWith('!') && pattern.includes('node_modules')),
    ).toBe(false)
  })

  it('ships package.json’s entry point, and what main loads beside it', () => {
    expect(packageJson.main).toBe('./out/main/index.js')
    const main = readFileSync(MAIN_BUNDLE, 'utf8')
    expect(main).toContain('../preload/index.js')
    expect(main).toContain('../renderer/index.html')
  })

  it('has every package out/main requires among the production dependencies', () => {
    const main = readFileSync(MAIN_BUNDLE, 'utf8')
    const required = [...main.matchAll(/require\("([^"]+)"\)/g)].flatMap((match) => match[1] ?? [])
    const packages = required.filter(
      (name) => name !== 'electron' && !name.startsWith('node:') && !builtinModules.includes(name),
    )
    expect(packages.length).toBeGreaterThan(0)
    for (const name of packages) {
      const packageName = name.startsWith('@')
        ? name.split('/').slice(0, 2).join('/')
        : name.split('/')[0]
      expect(Object.keys(packageJson.dependencies), `${name} is required by out/main`).toContain(
        packageName,
      )
    }
  })

  it('is what `npm run dist` packages, after the Electron build', () => {
    expect(packageJson.scripts['dist']).toBe(
      'npm run build && electron-builder --config electron-builder.yml',
    )
    expect(packageJson.devDependencies['electron-builder']).toBe('26.17.0')
  })
})
