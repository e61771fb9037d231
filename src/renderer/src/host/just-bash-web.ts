import { Bash } from 'just-bash/browser'

/**
 * What `just-bash` resolves to in the web build (vite.web.config.mts). The package's browser bundle
 * has the interpreter but not three entry points the session imports: `parse`, `serialize` and
 * `decodeBytesToUtf8`. They are rebuilt here on the browser bundle's public API: `Bash.transform`
 * parses a script, lets plugins replace the tree, and prints the result. One difference, harmless
 * for splitting statements: `transform` trims leading blanks of lines outside quotes and heredocs.
 */
export * from 'just-bash/browser'

type ScriptNode = ReturnType<Bash['transform']>['ast']

let printing: ScriptNode | undefined
let parsed: ScriptNode | undefined
let tool: Bash | undefined

function transformer(): Bash {
  if (tool === undefined) {
    tool = new Bash()
    // While `serialize` runs, the tree to print replaces the (empty) parsed one. While `parse`
    // runs, the tree is kept and an empty one is printed instead: an unterminated here-document
    // (the first line of `cat > f <<EOF`, which the terminal must see as open) cannot be printed.
    tool.registerTransformPlugin({
      name: 'quai-print',
      transform: ({ ast }) => {
        if (printing !== undefined) return { ast: printing }
        parsed = ast
        return { ast: { ...ast, statements: [] } }
      },
    })
  }
  return tool
}

export function parse(source: string): ScriptNode {
  printing = undefined
  parsed = undefined
  try {
    transformer().transform(source)
    if (parsed === undefined) throw new Error('just-bash did not hand over the parsed script')
    return parsed
  } finally {
    parsed = undefined
  }
}

export function serialize(ast: ScriptNode): string {
  printing = ast
  try {
    return transformer().transform('').script
  } finally {
    printing = undefined
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * just-bash passes bytes as strings of char codes 0–255. Text that is already decoded (any code
 * above 255) or plain ASCII comes back as is; bytes that are not valid UTF-8 are left as bytes.
 */
export function decodeBytesToUtf8(bytes: string): string {
  let highBytes = false
  for (let i = 0; i < bytes.length; i++) {
    const code = bytes.charCodeAt(i)
    if (code > 255) return bytes
    if (code > 127) highBytes = true
  }
  if (!highBytes) return bytes
  try {
    return strictUtf8.decode(Uint8Array.from(bytes, (char) => char.charCodeAt(0)))
  } catch {
    return bytes
  }
}
