/** The Compose loader's public surface: what the compose commands import. */
export { loadProject, normalizeProjectName, type LoadOptions, type ShellEnv } from './loader'
export { ComposeLoadError } from './errors'
export type { LoaderFs } from './discovery'
