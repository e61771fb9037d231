import {
  decodeBytesToUtf8 as nodeDecode,
  parse as nodeParse,
  serialize as nodeSerialize,
} from 'just-bash'
import { describe, expect, it } from 'vitest'
import { decodeBytesToUtf8, parse, serialize } from '../../src/renderer/src/host/just-bash-web'

/**
 * The web build swaps just-bash's Node entry points for ones rebuilt on its browser bundle: they
 * must give the session the same trees and the same text.
 */
const scripts = [
  'echo hello',
  'mkdir -p a/b && cd a/b && pwd',
  'false || echo "no" ; echo done',
  'for i in 1 2 3; do echo $i; done',
  'greet() { echo "hi $1"; }\ngreet you',
  'cat <<EOF\n  indented\n\tline\nEOF',
  "echo 'multi\n   line'",
  'x=$(ls | wc -l) && echo ${x:-0} 2>&1 >> log.txt',
  '',
]

/** The first lines of here-documents typed at the prompt: parsed (the terminal sees them open), never printed. */
const openScripts = ["cat > compose.yaml <<'EOF'", 'cat <<EOF > f', 'cat <<-EOF\n\tpartial']

describe('just-bash entry points for the web build', () => {
  it.each(openScripts)(
    'parses the open here-document %j to the same tree as the Node bundle',
    (script) => {
      expect(parse(script)).toEqual(nodeParse(script))
    },
  )

  it.each(scripts)('parses %j to the same tree as the Node bundle', (script) => {
    expect(parse(script)).toEqual(nodeParse(script))
  })

  it.each(scripts)('prints %j the way the Node bundle does', (script) => {
    const tree = nodeParse(script)
    expect(serialize(tree)).toBe(nodeSerialize(tree))
  })

  it('prints a tree built from parts of another', () => {
    const tree = nodeParse('echo a; echo b')
    const second = { ...tree, statements: tree.statements.slice(1) }
    expect(serialize(second)).toBe(nodeSerialize(second))
  })

  it('throws on a syntax error like the Node bundle', () => {
    expect(() => nodeParse('echo "unterminated')).toThrow()
    expect(() => parse('echo "unterminated')).toThrow()
  })

  it.each([
    ['plain ASCII', 'hello'],
    ['UTF-8 bytes', 'caf\u00c3\u00a9'],
    ['already decoded text', 'café ✓'],
    ['bytes that are not UTF-8', '\u00ff\u00fe'],
    ['nothing', ''],
  ])('decodes %s like the Node bundle', (_name, bytes) => {
    const asBytes = bytes as unknown as Parameters<typeof nodeDecode>[0]
    expect(decodeBytesToUtf8(bytes)).toBe(nodeDecode(asBytes))
  })
})
