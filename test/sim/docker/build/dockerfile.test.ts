/** The Dockerfile reader, .dockerignore matching and the progress formatting helpers. */
import { describe, expect, test } from 'vitest'
import { isIgnored, parseIgnoreFile } from '../../../../src/sim/docker/build/context'
import { DockerfileError, parseDockerfile } from '../../../../src/sim/docker/build/dockerfile'
import { formatBytes, renderSource } from '../../../../src/sim/docker/build/progress'
import { processWord, splitWords } from '../../../../src/sim/docker/build/shell-lex'

describe('parseDockerfile', () => {
  test('joins continuation lines and skips comments inside them, as node.Original', () => {
    const parsed = parseDockerfile('FROM alpine\nRUN apk add \\\n# a comment\n    curl\n')
    const run = parsed.stages[0]?.commands[0]
    expect(run?.original).toBe('RUN apk add     curl')
    expect(run?.range).toEqual({ start: 2, end: 4 })
  })

  test('reads a heredoc body and keeps only its opening line as the original', () => {
    const parsed = parseDockerfile('FROM alpine\nRUN <<EOF\necho one\necho two\nEOF\n')
    const run = parsed.stages[0]?.commands[0]
    expect(run?.original).toBe('RUN <<EOF')
    expect(run?.heredocs).toEqual([
      { name: 'EOF', content: 'echo one\necho two\n', chomp: false, expand: true },
    ])
  })

  test('recognises the JSON form and the stage name', () => {
    const parsed = parseDockerfile('FROM node:20 AS Build\nCMD ["node",  "a b.js"]\n')
    expect(parsed.stages[0]?.name).toBe('build')
    expect(parsed.stages[0]?.commands[0]?.json).toEqual(['node', 'a b.js'])
  })

  test('names an unknown instruction and suggests the nearest one', () => {
    expect(() => parseDockerfile('FROM alpine\ncopyy a b\n')).toThrow(
      new DockerfileError(
        'dockerfile parse error on line 2: unknown instruction: copyy (did you mean copy?)',
        {
          start: 2,
          end: 2,
        },
      ),
    )
  })

  test('refuses a flag the instruction does not take', () => {
    expect(() => parseDockerfile('FROM alpine\nCOPY --form=a x y\n')).toThrow(
      'dockerfile parse error on line 2: Unknown flag: form',
    )
  })
})

describe('shell words', () => {
  test('splitWords keeps quotes; processWord expands and removes them', () => {
    const env = new Map([['NAME', 'world']])
    expect(splitWords(`a "b c" 'd e'`)).toEqual(['a', '"b c"', "'d e'"])
    expect(processWord('"hello $NAME" \'$NAME\' ${MISSING:-dflt}', env)).toBe(
      'hello world $NAME dflt',
    )
    expect(processWord('$NAME $MISSING', env, { skipUnset: true })).toBe('world $MISSING')
  })
})

describe('.dockerignore', () => {
  test('the last matching line wins and a directory takes its contents along', () => {
    const patterns = parseIgnoreFile(
      '# comment\nnode_modules\n*.log\n!keep.log\n/dist/\n**/*.tmp\n',
    )
    expect(isIgnored('node_modules/express/index.js', patterns)).toBe(true)
    expect(isIgnored('debug.log', patterns)).toBe(true)
    expect(isIgnored('keep.log', patterns)).toBe(false)
    expect(isIgnored('dist/app.js', patterns)).toBe(true)
    expect(isIgnored('src/a/b.tmp', patterns)).toBe(true)
    expect(isIgnored('src/index.js', patterns)).toBe(false)
  })
})

describe('progress helpers', () => {
  test('sizes use decimal units with two decimals, bytes without', () => {
    expect([formatBytes(0), formatBytes(999), formatBytes(7670), formatBytes(40_010_000)]).toEqual([
      '0B',
      '999B',
      '7.67kB',
      '40.01MB',
    ])
  })

  test('the error excerpt shows two lines around the failing one', () => {
    const text = 'FROM alpine\nWORKDIR /app\nCOPY . .\nRUN exit 3\nCMD ["sh"]\nEXPOSE 80\n'
    expect(renderSource({ filename: 'Dockerfile', text, start: 4, end: 4 })).toBe(
      'Dockerfile:4\n--------------------\n   2 |     WORKDIR /app\n   3 |     COPY . .\n   4 | >>> RUN exit 3\n   5 |     CMD ["sh"]\n   6 |     EXPOSE 80\n--------------------\n',
    )
  })
})
