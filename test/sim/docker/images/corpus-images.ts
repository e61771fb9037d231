/**
 * Every image the shared corpus names: compose `image:` keys, Kubernetes `image:` fields and
 * Dockerfile `FROM` lines. Read at test time; the corpus files are never copied into the repo.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { load } from 'js-yaml'

export const CORPUS_DIR = join(__dirname, '../../../../../shared/corpus')

export interface CorpusImage {
  ref: string
  file: string
}

export interface SkippedImage extends CorpusImage {
  reason: string
}

/**
 * Names in specification examples and test fixtures that no registry serves (the compose spec's
 * `foo`/`bar`, the Kubernetes docs' `<your-private-image>`), so a real `docker pull` fails too.
 */
export const PLACEHOLDERS = new Set([
  'foo',
  'bar',
  'baz',
  'zot',
  'frontend',
  'example/webapp',
  'example/database',
  'my-image:latest',
  'another-image:latest',
  'enabled:profile',
  '<your-private-image>',
  '<YOUR-CONTAINER>',
  'gcr.io/my-gcp-project/my-kube-scheduler:1.0',
])

function files(dir: string, pattern: RegExp): string[] {
  const full = join(CORPUS_DIR, dir)
  if (!existsSync(full)) return []
  return readdirSync(full)
    .filter((f) => pattern.test(f))
    .sort()
    .map((f) => join(dir, f))
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function corpusImages(): { images: CorpusImage[]; skipped: SkippedImage[] } {
  const images: CorpusImage[] = []
  const skipped: SkippedImage[] = []
  const add = (ref: string, file: string, skip?: string): void => {
    if (skip !== undefined) skipped.push({ ref, file, reason: skip })
    else if (PLACEHOLDERS.has(ref)) skipped.push({ ref, file, reason: 'placeholder name' })
    else if (ref.includes('$')) skipped.push({ ref, file, reason: 'interpolated variable' })
    else images.push({ ref, file })
  }

  for (const file of files('compose', /\.ya?ml$/)) {
    const doc: unknown = load(readFileSync(join(CORPUS_DIR, file), 'utf8'))
    const services = isRecord(doc) && isRecord(doc.services) ? doc.services : {}
    for (const service of Object.values(services)) {
      if (!isRecord(service) || typeof service.image !== 'string') continue
      add(
        service.image,
        file,
        'build' in service ? 'built locally (service has build:)' : undefined,
      )
    }
  }

  // Line-based, so manifests that a YAML parser or the API server rejects still count.
  const imageLine = /^\s*(?:-\s*)?image:\s*["']?([^\s"',#]+)/gm
  for (const file of [...files('k8s', /\.ya?ml$/), ...files('k8s-negative', /\.ya?ml$/)]) {
    for (const m of readFileSync(join(CORPUS_DIR, file), 'utf8').matchAll(imageLine)) {
      add(m[1] ?? '', file)
    }
  }

  for (const file of files('dockerfiles', /Dockerfile$/)) {
    const stages = new Set<string>()
    for (const line of readFileSync(join(CORPUS_DIR, file), 'utf8').split('\n')) {
      const from = /^\s*FROM\s+(.*)$/i.exec(line)
      if (from === null) continue
      const words = (from[1] ?? '')
        .trim()
        .split(/\s+/)
        .filter((w) => !w.startsWith('--'))
      const ref = words[0] ?? ''
      const as = words.findIndex((w) => w.toLowerCase() === 'as')
      const isStage = stages.has(ref.toLowerCase())
      if (as > 0) stages.add((words[as + 1] ?? '').toLowerCase())
      if (ref === 'scratch' || isStage) continue
      add(ref, file)
    }
  }
  return { images, skipped }
}
