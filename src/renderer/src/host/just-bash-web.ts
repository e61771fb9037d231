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
let tool: Bash | undefined

function transformer(): Bash {
  if (tool === undefined) {
    tool = new Bash()
    // While `serialize` runs, the tree to print replaces the (empty) parsed one.
    tool.registerTransformPlugin({
      name: 'quai-print',
      transform: ({ ast }) => ({ ast: printing ?? ast }),
    })
  }
  return tool
}

export function parse(source: string): ScriptNode {
  printing = undefined
  return transformer().transform(source).ast
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
