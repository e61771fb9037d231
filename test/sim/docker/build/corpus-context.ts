/**
 * A build context made up for a Dockerfile: every path its COPY and ADD instructions read from
 * the context, as a file (a name with an extension, or copied to a file name) or a directory
 * holding one file, with content the build's programs can read (package.json with scripts, a
 * pom.xml, a go.mod, requirements.txt).
 */

const CONTENT: Record<string, string> = {
  'package.json': `${JSON.stringify(
    {
      name: 'app',
      version: '1.0.0',
      scripts: {
        start: 'node index.js',
        dev: 'node index.js',
        build: 'react-scripts build',
        test: 'echo ok',
      },
      dependencies: { express: '^4.21.2', react: '^18.3.1', 'react-scripts': '5.0.1' },
    },
    null,
    2,
  )}\n`,
  'package-lock.json': '{\n  "name": "app",\n  "lockfileVersion": 3\n}\n',
  'yarn.lock': '# yarn lockfile v1\n',
  'requirements.txt': 'flask==3.1.0\nredis\n',
  'go.mod': 'module example.com/app\n\ngo 1.22\n',
  'go.sum': '',
  'pom.xml':
    '<project>\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>com.company</groupId>\n  <artifactId>project</artifactId>\n  <version>0.0.1-SNAPSHOT</version>\n</project>\n',
  Gemfile: "source 'https://rubygems.org'\ngem 'rails'\n",
  'Gemfile.lock': 'GEM\n',
}

function contentFor(path: string, dockerfile: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1)
  if (name === 'pom.xml') {
    const artifact = /target\/([\w.-]+)\.(jar|war)\b/.exec(dockerfile)
    const build = artifact
      ? `  <packaging>${artifact[2]}</packaging>\n  <build><finalName>${artifact[1]}</finalName></build>\n`
      : ''
    return `<project>\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>com.company</groupId>\n  <artifactId>project</artifactId>\n  <version>0.0.1-SNAPSHOT</version>\n${build}</project>\n`
  }
  if (name === 'Cargo.toml') {
    const bin = /target\/release\/([\w-]+)/.exec(dockerfile)?.[1] ?? 'app'
    return `[package]\nname = "${bin}"\nversion = "0.1.0"\nedition = "2021"\n`
  }
  if (CONTENT[name] !== undefined) return CONTENT[name]
  if (name.endsWith('.sh')) return '#!/bin/sh\nset -e\nexec "$@"\n'
  return `# ${name}\n`
}

/** Paths (relative to the context) and contents for the Dockerfile's context sources. */
export function corpusContext(dockerfile: string): Map<string, string> {
  const files = new Map<string, string>()
  const joined = dockerfile.replace(/\\\n/g, ' ')
  for (const line of joined.split('\n')) {
    const m = /^\s*(COPY|ADD)\s+(.*)$/i.exec(line)
    if (m === null) continue
    let rest = m[2] ?? ''
    if (/--from=/.test(rest) || rest.includes('<<')) continue
    rest = rest.replace(/--\S+/g, '').trim()
    let words: string[]
    if (rest.startsWith('[')) {
      try {
        words = JSON.parse(rest) as string[]
      } catch {
        continue
      }
    } else words = rest.split(/\s+/)
    const dest = words[words.length - 1] ?? ''
    for (const src of words.slice(0, -1)) {
      if (/^https?:/.test(src) || src.includes('$')) continue
      const clean = src.replace(/^\.\//, '').replace(/\/$/, '')
      if (clean === '.' || clean === '') continue
      if (clean.includes('*')) {
        const stem = clean.replace(/\*.*$/, '')
        if (stem.startsWith('package')) {
          files.set('package.json', contentFor('package.json', dockerfile))
          files.set('package-lock.json', contentFor('package-lock.json', dockerfile))
        } else files.set(`${stem}example.txt`, '# example\n')
        continue
      }
      const base = clean.slice(clean.lastIndexOf('/') + 1)
      const destBase = dest.replace(/\/$/, '').slice(dest.replace(/\/$/, '').lastIndexOf('/') + 1)
      const isFile =
        base.includes('.') ||
        /^(Gemfile|Makefile|Dockerfile|Cargo\.toml)$/.test(base) ||
        (!dest.endsWith('/') && destBase.includes('.') && !src.endsWith('/'))
      if (isFile) files.set(clean, contentFor(clean, dockerfile))
      else files.set(`${clean}/index.js`, '// placeholder\n')
    }
  }
  // `COPY . .` brings the project: the files its RUN steps read.
  if (/^\s*COPY\s+(--\S+\s+)*\.\s/im.test(joined)) {
    const wanted: Array<[RegExp, string[]]> = [
      [/\b(npm|yarn)\b/, ['package.json', 'package-lock.json', 'yarn.lock']],
      [/\bpip3? install\b/, ['requirements.txt']],
      [/\bmvn\b/, ['pom.xml']],
      [/\bgo (build|mod)\b/, ['go.mod', 'go.sum', 'main.go']],
      [/\bcargo\b/, ['Cargo.toml']],
      [/\bbundle\b/, ['Gemfile', 'Gemfile.lock']],
    ]
    for (const [pattern, names] of wanted)
      if (pattern.test(joined))
        for (const name of names)
          if (!files.has(name)) files.set(name, contentFor(name, dockerfile))
  }
  return files
}
