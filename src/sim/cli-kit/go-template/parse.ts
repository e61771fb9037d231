/**
 * The text/template parser (Go 1.24 text/template/parse/parse.go), with its error texts:
 * `template: NAME:LINE: unexpected "}" in operand`, `function "x" not defined`,
 * `undefined variable "$x"`, `missing value for command`…
 */
import {
  parseFloat as goParseFloat,
  parseInt as goParseInt,
  parseUint,
  quote,
  unquote,
} from '../go-strconv'
import { itemString, Lexer, type Item, type ItemType } from './lex'
import {
  nodeString,
  type BranchNode,
  type CommandNode,
  type ListNode,
  type Node,
  type NumberNode,
  type PipeNode,
  type VariableNode,
} from './nodes'

export class ParseFailure extends Error {}

export interface ParsedTemplate {
  name: string
  text: string
  root: ListNode
  /** Templates declared with {{define}} / {{block}}. */
  defined: Map<string, ListNode>
}

const MAX_STACK_DEPTH = 10000

class Tree {
  private readonly lex: Lexer
  private readonly token: Item[] = []
  private peekCount = 0
  private vars: string[] = ['$']
  private actionLine = 0
  private rangeDepth = 0
  private stackDepth = 0

  constructor(
    readonly name: string,
    readonly text: string,
    private readonly hasFunction: (name: string) => boolean,
    readonly defined: Map<string, ListNode>,
    lex?: Lexer,
  ) {
    this.lex =
      lex ??
      new Lexer(text, { breakOK: !hasFunction('break'), continueOK: !hasFunction('continue') })
  }

  errorf(message: string): never {
    const line = this.token[0]?.line ?? 1
    throw new ParseFailure(`template: ${this.name}:${line}: ${message}`)
  }

  private next(): Item {
    if (this.peekCount > 0) this.peekCount--
    else this.token[0] = this.lex.nextItem()
    return this.token[this.peekCount] as Item
  }

  private backup(): void {
    this.peekCount++
  }

  private backup2(t1: Item): void {
    this.token[1] = t1
    this.peekCount = 2
  }

  private backup3(t2: Item, t1: Item): void {
    this.token[1] = t1
    this.token[2] = t2
    this.peekCount = 3
  }

  private peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1] as Item
    this.peekCount = 1
    this.token[0] = this.lex.nextItem()
    return this.token[0]
  }

  private nextNonSpace(): Item {
    for (;;) {
      const t = this.next()
      if (t.typ !== 'space') return t
    }
  }

  private peekNonSpace(): Item {
    const t = this.nextNonSpace()
    this.backup()
    return t
  }

  private expect(expected: ItemType, context: string): Item {
    const t = this.nextNonSpace()
    if (t.typ !== expected) this.unexpected(t, context)
    return t
  }

  private unexpected(token: Item, context: string): never {
    if (token.typ === 'error') {
      let extra = ''
      if (this.actionLine !== 0 && this.actionLine !== token.line) {
        extra = ` in action started at ${this.name}:${this.actionLine}`
        if (token.val.endsWith(' action')) extra = extra.slice(' in action'.length)
      }
      return this.errorf(token.val + extra)
    }
    return this.errorf(`unexpected ${itemString(token)} in ${context}`)
  }

  parse(): ListNode {
    const root: ListNode = { type: 'list', pos: this.peek().pos, nodes: [] }
    while (this.peek().typ !== 'EOF') {
      if (this.peek().typ === 'leftDelim') {
        const delim = this.next()
        if (this.nextNonSpace().typ === 'define') {
          const sub = new Tree('definition', this.text, this.hasFunction, this.defined, this.lex)
          sub.parseDefinition(this.name)
          continue
        }
        this.backup2(delim)
      }
      const n = this.textOrAction()
      if (n.type === 'end' || n.type === 'else') this.errorf(`unexpected ${nodeString(n)}`)
      root.nodes.push(n)
    }
    return root
  }

  private parseDefinition(parseName: string): void {
    const context = 'define clause'
    const nameTok = this.nextNonSpace()
    if (nameTok.typ !== 'string' && nameTok.typ !== 'rawString') this.unexpected(nameTok, context)
    const name = unquote(nameTok.val)
    if (!name.ok) this.errorfAs(parseName, name.error)
    this.expect('rightDelim', context)
    const [list, end] = this.itemList()
    if (end.type !== 'end') this.errorfAs(parseName, `unexpected ${nodeString(end)} in ${context}`)
    this.defined.set(name.ok ? name.value : '', list)
  }

  private errorfAs(name: string, message: string): never {
    const line = this.token[0]?.line ?? 1
    throw new ParseFailure(`template: ${name}:${line}: ${message}`)
  }

  private itemList(): [ListNode, Node] {
    const list: ListNode = { type: 'list', pos: this.peekNonSpace().pos, nodes: [] }
    while (this.peekNonSpace().typ !== 'EOF') {
      const n = this.textOrAction()
      if (n.type === 'end' || n.type === 'else') return [list, n]
      list.nodes.push(n)
    }
    return this.errorf('unexpected EOF')
  }

  private textOrAction(): Node {
    const token = this.nextNonSpace()
    switch (token.typ) {
      case 'text':
        return { type: 'text', pos: token.pos, text: token.val }
      case 'leftDelim': {
        this.actionLine = token.line
        try {
          return this.action()
        } finally {
          this.actionLine = 0
        }
      }
      case 'comment':
        return { type: 'comment', pos: token.pos, text: token.val }
      default:
        return this.unexpected(token, 'input')
    }
  }

  private action(): Node {
    const token = this.nextNonSpace()
    switch (token.typ) {
      case 'block':
        return this.blockControl()
      case 'break':
        return this.breakControl(token)
      case 'continue':
        return this.continueControl(token)
      case 'else':
        return this.elseControl()
      case 'end':
        return { type: 'end', pos: this.expect('rightDelim', 'end').pos }
      case 'if':
        return this.branch('if')
      case 'range':
        return this.branch('range')
      case 'template':
        return this.templateControl()
      case 'with':
        return this.branch('with')
    }
    this.backup()
    const t = this.peek()
    return {
      type: 'action',
      pos: t.pos,
      line: t.line,
      pipe: this.pipeline('command', 'rightDelim'),
    }
  }

  private breakControl(token: Item): Node {
    const t = this.nextNonSpace()
    if (t.typ !== 'rightDelim') this.unexpected(t, '{{break}}')
    if (this.rangeDepth === 0) this.errorf('{{break}} outside {{range}}')
    return { type: 'break', pos: token.pos, line: token.line }
  }

  private continueControl(token: Item): Node {
    const t = this.nextNonSpace()
    if (t.typ !== 'rightDelim') this.unexpected(t, '{{continue}}')
    if (this.rangeDepth === 0) this.errorf('{{continue}} outside {{range}}')
    return { type: 'continue', pos: token.pos, line: token.line }
  }

  private pipeline(context: string, end: ItemType): PipeNode {
    const token = this.peekNonSpace()
    const pipe: PipeNode = {
      type: 'pipe',
      pos: token.pos,
      line: token.line,
      isAssign: false,
      decl: [],
      cmds: [],
    }
    decls: for (;;) {
      const v = this.peekNonSpace()
      if (v.typ !== 'variable') break
      this.next()
      const tokenAfterVariable = this.peek()
      const next = this.peekNonSpace()
      if (next.typ === 'assign' || next.typ === 'declare') {
        pipe.isAssign = next.typ === 'assign'
        this.nextNonSpace()
        pipe.decl.push({ type: 'variable', pos: v.pos, ident: v.val.split('.') })
        this.vars.push(v.val)
      } else if (next.typ === 'char' && next.val === ',') {
        this.nextNonSpace()
        pipe.decl.push({ type: 'variable', pos: v.pos, ident: v.val.split('.') })
        this.vars.push(v.val)
        if (context === 'range' && pipe.decl.length < 2) {
          const p = this.peekNonSpace().typ
          if (p === 'variable' || p === 'rightDelim' || p === 'rightParen') continue decls
          this.errorf('range can only initialize variables')
        }
        this.errorf(`too many declarations in ${context}`)
      } else if (tokenAfterVariable.typ === 'space') {
        this.backup3(v, tokenAfterVariable)
      } else {
        this.backup2(v)
      }
      break
    }
    for (;;) {
      const t = this.nextNonSpace()
      if (t.typ === end) {
        this.checkPipeline(pipe, context)
        return pipe
      }
      switch (t.typ) {
        case 'bool':
        case 'charConstant':
        case 'complex':
        case 'dot':
        case 'field':
        case 'identifier':
        case 'number':
        case 'nil':
        case 'rawString':
        case 'string':
        case 'variable':
        case 'leftParen':
          this.backup()
          pipe.cmds.push(this.command())
          break
        default:
          this.unexpected(t, context)
      }
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`)
    pipe.cmds.slice(1).forEach((c, i) => {
      const first = c.args[0]
      if (first !== undefined && ['bool', 'dot', 'nil', 'number', 'string'].includes(first.type)) {
        this.errorf(`non executable command in pipeline stage ${i + 2}`)
      }
    })
  }

  private branch(context: 'if' | 'range' | 'with'): BranchNode {
    const mark = this.vars.length
    try {
      const pipe = this.pipeline(context, 'rightDelim')
      if (context === 'range') this.rangeDepth++
      let [list, next] = this.itemList()
      if (context === 'range') this.rangeDepth--
      let elseList: ListNode | undefined
      if (next.type === 'else') {
        if (context === 'if' && this.peek().typ === 'if') {
          this.next()
          elseList = { type: 'list', pos: next.pos, nodes: [this.branch('if')] }
        } else if (context === 'with' && this.peek().typ === 'with') {
          this.next()
          elseList = { type: 'list', pos: next.pos, nodes: [this.branch('with')] }
        } else {
          ;[elseList, next] = this.itemList()
          if (next.type !== 'end') this.errorf(`expected end; found ${nodeString(next)}`)
        }
      }
      list = list ?? { type: 'list', pos: pipe.pos, nodes: [] }
      return { type: context, pos: pipe.pos, line: pipe.line, pipe, list, elseList }
    } finally {
      this.vars.length = mark
    }
  }

  private elseControl(): Node {
    const peek = this.peekNonSpace()
    if (peek.typ === 'if' || peek.typ === 'with') {
      return { type: 'else', pos: peek.pos, line: peek.line }
    }
    const t = this.expect('rightDelim', 'else')
    return { type: 'else', pos: t.pos, line: t.line }
  }

  private blockControl(): Node {
    const context = 'block clause'
    const token = this.nextNonSpace()
    const name = this.parseTemplateName(token, context)
    const pipe = this.pipeline(context, 'rightDelim')
    const sub = new Tree(name, this.text, this.hasFunction, this.defined, this.lex)
    const [list, end] = sub.itemList()
    if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`)
    this.defined.set(name, list)
    return { type: 'template', pos: token.pos, line: token.line, name, pipe }
  }

  private templateControl(): Node {
    const context = 'template clause'
    const token = this.nextNonSpace()
    const name = this.parseTemplateName(token, context)
    let pipe: PipeNode | undefined
    if (this.nextNonSpace().typ !== 'rightDelim') {
      this.backup()
      pipe = this.pipeline(context, 'rightDelim')
    }
    return { type: 'template', pos: token.pos, line: token.line, name, pipe }
  }

  private parseTemplateName(token: Item, context: string): string {
    if (token.typ === 'string' || token.typ === 'rawString') {
      const s = unquote(token.val)
      if (!s.ok) this.errorf(s.error)
      return s.ok ? s.value : ''
    }
    return this.unexpected(token, context)
  }

  private command(): CommandNode {
    const cmd: CommandNode = { type: 'command', pos: this.peekNonSpace().pos, args: [] }
    for (;;) {
      this.peekNonSpace()
      const operand = this.operand()
      if (operand !== undefined) cmd.args.push(operand)
      const t = this.next()
      if (t.typ === 'space') continue
      if (t.typ === 'rightDelim' || t.typ === 'rightParen') this.backup()
      else if (t.typ !== 'pipe') this.unexpected(t, 'operand')
      break
    }
    if (cmd.args.length === 0) this.errorf('empty command')
    return cmd
  }

  private operand(): Node | undefined {
    const node = this.term()
    if (node === undefined) return undefined
    if (this.peek().typ !== 'field') return node
    const fields: string[] = []
    const pos = this.peek().pos
    while (this.peek().typ === 'field') fields.push(this.next().val.slice(1))
    switch (node.type) {
      case 'field':
        return { type: 'field', pos, ident: [...node.ident, ...fields] }
      case 'variable':
        return { type: 'variable', pos, ident: [...node.ident, ...fields] }
      case 'bool':
      case 'string':
      case 'number':
      case 'nil':
      case 'dot':
        return this.errorf(`unexpected . after term ${quote(nodeString(node))}`)
      default:
        return { type: 'chain', pos, node, field: fields }
    }
  }

  private term(): Node | undefined {
    const token = this.nextNonSpace()
    switch (token.typ) {
      case 'identifier':
        if (!this.hasFunction(token.val)) this.errorf(`function ${quote(token.val)} not defined`)
        return { type: 'identifier', pos: token.pos, ident: token.val }
      case 'dot':
        return { type: 'dot', pos: token.pos }
      case 'nil':
        return { type: 'nil', pos: token.pos }
      case 'variable':
        return this.useVar(token)
      case 'field':
        return { type: 'field', pos: token.pos, ident: token.val.slice(1).split('.') }
      case 'bool':
        return { type: 'bool', pos: token.pos, value: token.val === 'true' }
      case 'charConstant':
      case 'complex':
      case 'number':
        return this.newNumber(token)
      case 'leftParen': {
        if (this.stackDepth >= MAX_STACK_DEPTH) this.errorf('max expression depth exceeded')
        this.stackDepth++
        try {
          return this.pipeline('parenthesized pipeline', 'rightParen')
        } finally {
          this.stackDepth--
        }
      }
      case 'string':
      case 'rawString': {
        const s = unquote(token.val)
        if (!s.ok) return this.errorf(s.error)
        return { type: 'string', pos: token.pos, quoted: token.val, text: s.value }
      }
    }
    this.backup()
    return undefined
  }

  private useVar(token: Item): VariableNode {
    const v: VariableNode = { type: 'variable', pos: token.pos, ident: token.val.split('.') }
    if (!this.vars.includes(v.ident[0] ?? '')) {
      this.errorf(`undefined variable ${quote(v.ident[0] ?? '')}`)
    }
    return v
  }

  /** parse.newNumber: which of int, uint and float a literal can be. */
  private newNumber(token: Item): NumberNode {
    const text = token.val
    const n: NumberNode = {
      type: 'number',
      pos: token.pos,
      text,
      isInt: false,
      isUint: false,
      isFloat: false,
      int: 0,
      float: 0,
    }
    if (token.typ === 'charConstant') {
      const r = unquote(text)
      if (!r.ok) this.errorf(r.error)
      const cp = r.ok ? (r.value.codePointAt(0) ?? 0) : 0
      return { ...n, isInt: true, isUint: true, isFloat: true, int: cp, float: cp }
    }
    if (token.typ === 'complex') this.errorf(`complex numbers are not supported: ${quote(text)}`)
    if (text.length > 0 && text[text.length - 1] === 'i')
      this.errorf(`illegal number syntax: ${quote(text)}`)
    const u = parseUint(text, 0, 64)
    if (u.ok) {
      n.isUint = true
      n.int = Number(u.value)
    }
    const i = goParseInt(text, 0, 64)
    if (i.ok) {
      n.isInt = true
      n.int = Number(i.value)
    }
    if (n.isInt || n.isUint) {
      n.isFloat = true
      n.float = n.int
    } else {
      const f = goParseFloat(text, 64)
      if (f.ok) {
        if (!/[.eEpP]/.test(text)) this.errorf(`integer overflow: ${quote(text)}`)
        n.isFloat = true
        n.float = f.value
        if (Number.isInteger(f.value) && Math.abs(f.value) < 2 ** 63) {
          n.isInt = true
          n.int = f.value
          if (f.value >= 0) n.isUint = true
        }
      }
    }
    if (!n.isInt && !n.isUint && !n.isFloat) this.errorf(`illegal number syntax: ${quote(text)}`)
    return n
  }
}

/**
 * Parses a template. `hasFunction` says which identifiers are functions (builtins and added
 * ones); `name` appears in errors (`template: NAME:1: …`; docker's is empty).
 */
export function parseTemplate(
  name: string,
  text: string,
  hasFunction: (name: string) => boolean,
): { ok: true; template: ParsedTemplate } | { ok: false; error: string } {
  const defined = new Map<string, ListNode>()
  try {
    const tree = new Tree(name, text, hasFunction, defined)
    const root = tree.parse()
    return { ok: true, template: { name, text, root, defined } }
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, error: e.message }
    throw e
  }
}
