/**
 * Container operations kept out of engine.ts live in container-observe.ts (exec bookkeeping,
 * top, stats, diff, commit, update), container-fs.ts (the container's filesystem) and
 * container-prune.ts. This module re-exports the first for the callers that import it here.
 */
export * from './container-observe'
