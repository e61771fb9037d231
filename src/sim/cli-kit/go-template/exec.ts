/**
 * The text/template executor (Go 1.24 text/template/exec.go) over GoValue data: field and map
 * lookups, methods with arguments, pipelines, variables, if/with/range (with else, break and
 * continue), {{template}}, typed function calls, and Go's error texts with their location:
 * `template: NAME:LINE:COL: executing "NAME" at <NODE>: MESSAGE`.
 */
import { formatValue } from '../go-fmt'
import { quote } from '../go-strconv'
import {
  GoError,
  GoFunc,
  GoNumber,
  GoStruct,
  elemTypeOf,
  isMap,
  kindOf,
  numberOf,
  sortedKeys,
  typeNameOf,
  type GoValue,
} from '../go-value'
import {
  nodeString,
  type BranchNode,
  type ChainNode,
  type CommandNode,
  type FieldNode,
  type IdentifierNode,
  type ListNode,
  type Node,
  type NumberNode,
  type PipeNode,
  type TemplateNode,
  type VariableNode,
} from './nodes'
import type { ParsedTemplate } from './parse'

/**
 * A value during execution. `iface` marks values whose static type is `interface {}` (elements of
 * `[]interface {}` and `map[string]interface {}`): Go names that type in some errors
 * (`can't evaluate field x in type interface {}`).
 */
export interface Ref {
  readonly v: GoValue
  readonly iface: boolean
}

export const ref = (v: GoValue, iface = false): Ref => ({ v, iface })
const INVALID: Ref = ref(undefined)
/** Go's missingVal: "no final value from a previous pipeline stage". */
const MISSING: Ref = Object.freeze({ v: undefined, iface: false })

export class ExecFailure extends Error {}

/** A template function as the executor calls it. */
export interface FuncImpl {
  /** Fixed parameter types (Go type names; `reflect.Value` and `interface {}` take anything). */
  params: readonly string[]
  /** Element type of a final variadic parameter. */
  variadic?: string
  builtin?: boolean
  call(args: Ref[], calleeName?: string): Ref | GoError
}

export interface ExecOptions {
  /** missingkey option: what a missing map key yields. */
  missingKey: 'default' | 'zero' | 'error'
  /** Range over an integer (Go 1.24; kubectl 1.32 is built with an older Go and refuses it). */
  rangeOverInt: boolean
}

interface Variable {
  name: string
  value: Ref
}

const WALK_BREAK = Symbol('break')
const WALK_CONTINUE = Symbol('continue')
const MAX_EXEC_DEPTH = 100000

const INT_TYPES = new Set(['int', 'int8', 'int16', 'int32', 'int64'])
const UINT_TYPES = new Set(['uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr'])
const FLOAT_TYPES = new Set(['float32', 'float64'])

function isNilable(typ: string): boolean {
  return (
    typ === 'interface {}' ||
    typ === 'reflect.Value' ||
    typ.startsWith('[]') ||
    typ.startsWith('map[') ||
    typ.startsWith('*') ||
    typ.startsWith('func')
  )
}

/** Go's isTrue (for if, with, and, or, not). */
export function truth(v: GoValue): { truth: boolean; ok: boolean } {
  switch (kindOf(v)) {
    case 'invalid':
    case 'nil':
      return { truth: false, ok: true }
    case 'bool':
      return { truth: v === true, ok: true }
    case 'int':
    case 'uint':
    case 'float':
      return { truth: numberOf(v) !== 0, ok: true }
    case 'string':
      return { truth: (v as string).length > 0, ok: true }
    case 'slice':
      return { truth: (v as readonly GoValue[]).length > 0, ok: true }
    case 'map':
      return { truth: sortedKeys(v as Record<string, GoValue>).length > 0, ok: true }
    case 'struct':
    case 'func':
      return { truth: true, ok: true }
  }
}

export class State {
  out = ''
  private node: Node | undefined
  private vars: Variable[]
  private depth = 0

  constructor(
    private readonly tmpl: ParsedTemplate,
    private readonly funcs: ReadonlyMap<string, FuncImpl>,
    private readonly options: ExecOptions,
    data: Ref,
  ) {
    this.vars = [{ name: '$', value: data }]
  }

  // -------------------------------------------------------------------------------------------
  // errors

  private at(node: Node): void {
    this.node = node
  }

  errorf(message: string): never {
    const name = this.tmpl.name
    if (this.node === undefined) throw new ExecFailure(`template: ${name}: ${message}`)
    const pos = this.node.pos
    const before = this.tmpl.text.slice(0, pos)
    const nl = before.lastIndexOf('\n')
    const lineNum = 1 + (before.match(/\n/g)?.length ?? 0)
    const col = utf8Length(nl < 0 ? before : before.slice(nl + 1))
    throw new ExecFailure(
      `template: ${name}:${lineNum}:${col}: executing ${quote(name)} at <${nodeString(this.node)}>: ${message}`,
    )
  }

  // -------------------------------------------------------------------------------------------
  // variables

  private mark(): number {
    return this.vars.length
  }

  private pop(mark: number): void {
    this.vars.length = mark
  }

  private push(name: string, value: Ref): void {
    this.vars.push({ name, value })
  }

  private setVar(name: string, value: Ref): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i]
      if (v !== undefined && v.name === name) {
        v.value = value
        return
      }
    }
    this.errorf(`undefined variable: ${name}`)
  }

  private setTopVar(n: number, value: Ref): void {
    const v = this.vars[this.vars.length - n]
    if (v !== undefined) v.value = value
  }

  private varValue(name: string): Ref {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i]
      if (v !== undefined && v.name === name) return v.value
    }
    return this.errorf(`undefined variable: ${name}`)
  }

  // -------------------------------------------------------------------------------------------
  // walking

  walk(dot: Ref, node: Node): void {
    this.at(node)
    switch (node.type) {
      case 'action': {
        const val = this.evalPipeline(dot, node.pipe)
        if (node.pipe.decl.length === 0) this.printValue(node, val)
        return
      }
      case 'break':
        throw WALK_BREAK
      case 'continue':
        throw WALK_CONTINUE
      case 'comment':
        return
      case 'if':
      case 'with':
        this.walkIfOrWith(node, dot)
        return
      case 'list':
        for (const n of node.nodes) this.walk(dot, n)
        return
      case 'range':
        this.walkRange(dot, node)
        return
      case 'template':
        this.walkTemplate(dot, node)
        return
      case 'text':
        this.out += node.text
        return
      default:
        this.errorf(`unknown node: ${nodeString(node)}`)
    }
  }

  private walkIfOrWith(node: BranchNode, dot: Ref): void {
    const mark = this.mark()
    try {
      const val = this.evalPipeline(dot, node.pipe)
      const t = truth(val.v)
      if (!t.ok) this.errorf(`if/with can't use ${formatValue(val.v)}`)
      if (t.truth) this.walk(node.type === 'with' ? val : dot, node.list)
      else if (node.elseList !== undefined) this.walk(dot, node.elseList)
    } finally {
      this.pop(mark)
    }
  }

  private walkRange(dot: Ref, r: BranchNode): void {
    this.at(r)
    const outer = this.mark()
    try {
      const val = this.evalPipeline(dot, r.pipe)
      const mark = this.mark()
      const decl = r.pipe.decl
      const oneIteration = (index: Ref, elem: Ref): boolean => {
        if (decl.length > 0) {
          if (r.pipe.isAssign) {
            const first = decl[0]?.ident[0] ?? ''
            this.setVar(first, decl.length > 1 ? index : elem)
          } else this.setTopVar(1, elem)
        }
        if (decl.length > 1) {
          if (r.pipe.isAssign) this.setVar(decl[1]?.ident[0] ?? '', elem)
          else this.setTopVar(2, index)
        }
        try {
          this.walk(elem, r.list)
        } catch (e) {
          if (e === WALK_BREAK) return false
          if (e !== WALK_CONTINUE) throw e
        } finally {
          this.pop(mark)
        }
        return true
      }
      let ran = false
      const v = val.v
      switch (kindOf(v)) {
        case 'int':
        case 'uint': {
          if (!this.options.rangeOverInt) this.errorf(`range can't iterate over ${formatValue(v)}`)
          if (decl.length > 1) {
            this.errorf(`can't use ${formatValue(v)} to iterate over more than one variable`)
          }
          const n = numberOf(v)
          for (let i = 0; i < n; i++) {
            ran = true
            const item = v instanceof GoNumber ? new GoNumber(v.kind, i) : i
            if (!oneIteration(INVALID, ref(item))) break
          }
          break
        }
        case 'slice': {
          const arr = v as readonly GoValue[]
          const iface = elemTypeOf(typeNameOf(arr)) === 'interface {}'
          for (let i = 0; i < arr.length; i++) {
            ran = true
            if (!oneIteration(ref(i), ref(arr[i], iface))) break
          }
          break
        }
        case 'map': {
          const m = v as Record<string, GoValue>
          const iface = elemTypeOf(typeNameOf(m)) === 'interface {}'
          for (const k of sortedKeys(m)) {
            ran = true
            if (!oneIteration(ref(k), ref(m[k], iface))) break
          }
          break
        }
        case 'invalid':
          break
        default:
          this.errorf(`range can't iterate over ${formatValue(v)}`)
      }
      if (!ran && r.elseList !== undefined) this.walk(dot, r.elseList)
    } catch (e) {
      if (e !== WALK_BREAK) throw e
    } finally {
      this.pop(outer)
    }
  }

  private walkTemplate(dot: Ref, t: TemplateNode): void {
    this.at(t)
    const list = this.tmpl.defined.get(t.name)
    if (list === undefined) this.errorf(`template ${quote(t.name)} not defined`)
    if (this.depth === MAX_EXEC_DEPTH)
      this.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`)
    const newDot = t.pipe === undefined ? INVALID : this.evalPipeline(dot, t.pipe)
    const saved = this.vars
    this.vars = [{ name: '$', value: newDot }]
    this.depth++
    try {
      this.walk(newDot, list as ListNode)
    } finally {
      this.depth--
      this.vars = saved
    }
  }

  // -------------------------------------------------------------------------------------------
  // evaluation

  evalPipeline(dot: Ref, pipe: PipeNode | undefined): Ref {
    if (pipe === undefined) return INVALID
    this.at(pipe)
    let value = MISSING
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value)
      // A value of type interface {} is unwrapped to what it holds (nil becomes invalid).
      if (value.iface) value = ref(value.v === null ? undefined : value.v)
    }
    for (const v of pipe.decl) {
      const name = v.ident[0] ?? ''
      if (pipe.isAssign) this.setVar(name, value)
      else this.push(name, value)
    }
    return value
  }

  private notAFunction(args: readonly Node[] | null, final: Ref): void {
    const first = args?.[0]
    if ((args !== null && args.length > 1) || final !== MISSING) {
      this.errorf(
        `can't give argument to non-function ${first === undefined ? '' : nodeString(first)}`,
      )
    }
  }

  private evalCommand(dot: Ref, cmd: CommandNode, final: Ref): Ref {
    const first = cmd.args[0]
    if (first === undefined) return this.errorf('empty command')
    switch (first.type) {
      case 'field':
        return this.evalFieldNode(dot, first, cmd.args, final)
      case 'chain':
        return this.evalChainNode(dot, first, cmd.args, final)
      case 'identifier':
        return this.evalFunction(dot, first, cmd, cmd.args, final)
      case 'pipe':
        this.notAFunction(cmd.args, final)
        return this.evalPipeline(dot, first)
      case 'variable':
        return this.evalVariableNode(dot, first, cmd.args, final)
    }
    this.at(first)
    this.notAFunction(cmd.args, final)
    switch (first.type) {
      case 'bool':
        return ref(first.value)
      case 'dot':
        return dot
      case 'nil':
        return this.errorf('nil is not a command')
      case 'number':
        return this.idealConstant(first)
      case 'string':
        return ref(first.text)
    }
    return this.errorf(`can't evaluate command ${quote(nodeString(first))}`)
  }

  private idealConstant(n: NumberNode): Ref {
    this.at(n)
    const isHexInt = /^0[xX]/.test(n.text) && !/[pP]/.test(n.text)
    const isRune = n.text.startsWith("'")
    if (n.isFloat && !isHexInt && !isRune && /[.eEpP]/.test(n.text)) {
      return ref(new GoNumber('float64', n.float))
    }
    if (n.isInt) return ref(n.int)
    if (n.isUint) this.errorf(`${n.text} overflows int`)
    return INVALID
  }

  private evalFieldNode(dot: Ref, field: FieldNode, args: readonly Node[] | null, final: Ref): Ref {
    this.at(field)
    return this.evalFieldChain(dot, dot, field, field.ident, args, final)
  }

  private evalChainNode(dot: Ref, chain: ChainNode, args: readonly Node[] | null, final: Ref): Ref {
    this.at(chain)
    if (chain.field.length === 0) this.errorf('internal error: no fields in evalChainNode')
    if (chain.node.type === 'nil')
      this.errorf(`indirection through explicit nil in ${nodeString(chain)}`)
    const pipe = this.evalArg(dot, undefined, chain.node)
    return this.evalFieldChain(dot, pipe, chain, chain.field, args, final)
  }

  private evalVariableNode(
    dot: Ref,
    variable: VariableNode,
    args: readonly Node[] | null,
    final: Ref,
  ): Ref {
    this.at(variable)
    const value = this.varValue(variable.ident[0] ?? '$')
    if (variable.ident.length === 1) {
      this.notAFunction(args, final)
      return value
    }
    return this.evalFieldChain(dot, value, variable, variable.ident.slice(1), args, final)
  }

  private evalFieldChain(
    dot: Ref,
    receiver: Ref,
    node: Node,
    ident: readonly string[],
    args: readonly Node[] | null,
    final: Ref,
  ): Ref {
    let r = receiver
    for (let i = 0; i < ident.length - 1; i++) {
      r = this.evalField(dot, ident[i] ?? '', node, null, MISSING, r)
    }
    return this.evalField(dot, ident[ident.length - 1] ?? '', node, args, final, r)
  }

  private evalFunction(
    dot: Ref,
    node: IdentifierNode,
    cmd: Node,
    args: readonly Node[] | null,
    final: Ref,
  ): Ref {
    this.at(node)
    const fn = this.funcs.get(node.ident)
    if (fn === undefined) return this.errorf(`${quote(node.ident)} is not a defined function`)
    return this.evalCall(dot, fn, cmd, node.ident, args, final)
  }

  private evalField(
    dot: Ref,
    fieldName: string,
    node: Node,
    args: readonly Node[] | null,
    final: Ref,
    receiver: Ref,
  ): Ref {
    const v = receiver.v
    if (v === undefined) {
      if (this.options.missingKey === 'error') {
        this.errorf(`nil data; no entry for key ${quote(fieldName)}`)
      }
      return INVALID
    }
    const typ = receiver.iface ? 'interface {}' : typeNameOf(v)
    if (v === null) return this.errorf(`nil pointer evaluating ${typ}.${fieldName}`)
    if (v instanceof GoStruct) {
      const method = v.method(fieldName)
      if (method !== undefined) {
        return this.evalCall(dot, funcImpl(method), node, fieldName, args, final)
      }
    }
    const hasArgs = (args !== null && args.length > 1) || final !== MISSING
    if (v instanceof GoStruct && v.hasField(fieldName)) {
      if (hasArgs) this.errorf(`${fieldName} has arguments but cannot be invoked as function`)
      return ref(v.fields[fieldName])
    }
    if (isMap(v)) {
      if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`)
      const elemType = elemTypeOf(typeNameOf(v))
      const found = Object.prototype.hasOwnProperty.call(v, fieldName) ? v[fieldName] : undefined
      if (found !== undefined) return ref(found, elemType === 'interface {}')
      switch (this.options.missingKey) {
        case 'zero':
          return ref(zeroOf(elemType), elemType === 'interface {}')
        case 'error':
          return this.errorf(`map has no entry for key ${quote(fieldName)}`)
        default:
          return INVALID
      }
    }
    return this.errorf(`can't evaluate field ${fieldName} in type ${typ}`)
  }

  private evalCall(
    dot: Ref,
    fn: FuncImpl,
    node: Node,
    name: string,
    argNodes: readonly Node[] | null,
    final: Ref,
  ): Ref {
    const args = argNodes === null ? [] : argNodes.slice(1)
    let numIn = args.length
    if (final !== MISSING) numIn++
    let numFixed = args.length
    if (fn.variadic !== undefined) {
      numFixed = fn.params.length
      if (numIn < numFixed) {
        this.errorf(
          `wrong number of args for ${name}: want at least ${numFixed} got ${args.length}`,
        )
      }
    } else if (numIn !== fn.params.length) {
      this.errorf(`wrong number of args for ${name}: want ${fn.params.length} got ${numIn}`)
    }
    // and/or evaluate lazily and stop at the deciding argument.
    if (fn.builtin === true && (name === 'and' || name === 'or')) {
      let v: Ref = INVALID
      for (const a of args) {
        v = this.evalArg(dot, 'reflect.Value', a)
        if (truth(v.v).truth === (name === 'or')) return v
      }
      if (final !== MISSING) v = this.validateType(final, 'reflect.Value')
      return v
    }
    const argv: Ref[] = []
    let i = 0
    for (; i < numFixed && i < args.length; i++) {
      argv.push(this.evalArg(dot, fn.params[i], args[i] as Node))
    }
    if (fn.variadic !== undefined) {
      for (; i < args.length; i++) argv.push(this.evalArg(dot, fn.variadic, args[i] as Node))
    }
    if (final !== MISSING) {
      let t = fn.params[fn.params.length - 1] ?? 'interface {}'
      if (fn.variadic !== undefined) {
        t = numIn - 1 < numFixed ? (fn.params[numIn - 1] ?? t) : fn.variadic
      }
      argv.push(this.validateType(final, t))
    }
    let calleeName: string | undefined
    if (fn.builtin === true && name === 'call') {
      const first = args[0]
      calleeName = first === undefined ? formatValue(final.v) : nodeString(first)
    }
    const result = fn.call(argv, calleeName)
    if (result instanceof GoError) {
      this.at(node)
      this.errorf(`error calling ${name}: ${result.message}`)
    }
    return result
  }

  /** Checks a value against a parameter type (Go's validateType). */
  private validateType(value: Ref, typ: string | undefined): Ref {
    if (value.v === undefined) {
      if (typ === undefined) return INVALID
      if (typ === 'reflect.Value') return INVALID
      if (isNilable(typ)) return ref(null)
      return this.errorf(`invalid value; expected ${typ}`)
    }
    if (typ === undefined || typ === 'reflect.Value' || typ === 'interface {}') return value
    let v = value
    if (!assignable(v, typ)) {
      if (v.iface && v.v !== null) {
        v = ref(v.v)
        if (assignable(v, typ)) return v
      }
      const got = v.iface ? 'interface {}' : typeNameOf(v.v)
      this.errorf(`wrong type for value; expected ${typ}; got ${got}`)
    }
    return v
  }

  private evalArg(dot: Ref, typ: string | undefined, n: Node): Ref {
    this.at(n)
    switch (n.type) {
      case 'dot':
        return this.validateType(dot, typ)
      case 'nil':
        // A nil reflect.Value argument arrives as the invalid value.
        if (typ === 'reflect.Value') return INVALID
        if (typ !== undefined && isNilable(typ)) return ref(null)
        return this.errorf(`cannot assign nil to ${typ ?? '<nil>'}`)
      case 'field':
        return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), typ)
      case 'variable':
        return this.validateType(this.evalVariableNode(dot, n, null, MISSING), typ)
      case 'pipe':
        return this.validateType(this.evalPipeline(dot, n), typ)
      case 'identifier':
        return this.validateType(this.evalFunction(dot, n, n, null, MISSING), typ)
      case 'chain':
        return this.validateType(this.evalChainNode(dot, n, null, MISSING), typ)
    }
    if (typ === undefined || typ === 'interface {}' || typ === 'reflect.Value') {
      return this.evalEmptyInterface(dot, n)
    }
    if (typ === 'bool') {
      if (n.type === 'bool') return ref(n.value)
      return this.errorf(`expected bool; found ${nodeString(n)}`)
    }
    if (typ === 'string') {
      if (n.type === 'string') return ref(n.text)
      return this.errorf(`expected string; found ${nodeString(n)}`)
    }
    if (INT_TYPES.has(typ)) {
      if (n.type === 'number' && n.isInt)
        return ref(typ === 'int' ? n.int : new GoNumber(typ as 'int64', n.int))
      return this.errorf(`expected integer; found ${nodeString(n)}`)
    }
    if (UINT_TYPES.has(typ)) {
      if (n.type === 'number' && n.isUint) return ref(new GoNumber(typ as 'uint', n.int))
      return this.errorf(`expected unsigned integer; found ${nodeString(n)}`)
    }
    if (FLOAT_TYPES.has(typ)) {
      if (n.type === 'number' && n.isFloat) return ref(new GoNumber(typ as 'float64', n.float))
      return this.errorf(`expected float; found ${nodeString(n)}`)
    }
    return this.errorf(`can't handle ${nodeString(n)} for arg of type ${typ}`)
  }

  private evalEmptyInterface(dot: Ref, n: Node): Ref {
    this.at(n)
    switch (n.type) {
      case 'bool':
        return ref(n.value)
      case 'dot':
        return dot
      case 'field':
        return this.evalFieldNode(dot, n, null, MISSING)
      case 'identifier':
        return this.evalFunction(dot, n, n, null, MISSING)
      case 'nil':
        return this.errorf("evalEmptyInterface: nil (can't happen)")
      case 'number':
        return this.idealConstant(n)
      case 'string':
        return ref(n.text)
      case 'variable':
        return this.evalVariableNode(dot, n, null, MISSING)
      case 'pipe':
        return this.evalPipeline(dot, n)
    }
    return this.errorf(`can't handle assignment of ${nodeString(n)} to empty interface argument`)
  }

  private printValue(node: Node, val: Ref): void {
    this.at(node)
    const v = val.v
    if (v === undefined) {
      this.out += '<no value>'
      return
    }
    if (v instanceof GoFunc) {
      this.errorf(`can't print ${nodeString(node)} of type ${typeNameOf(v)}`)
    }
    if (v instanceof GoStruct && v.pointer) {
      // fmt.Fprint of the pointed-to struct: no leading '&'.
      this.out += formatValue(
        new GoStruct(v.typeName.replace(/^\*/, ''), v.fields, v.methods, {
          ...v.options,
          pointer: false,
        }),
      )
      return
    }
    this.out += formatValue(v)
  }
}

function assignable(v: Ref, typ: string): boolean {
  if (typ === 'interface {}' || typ === 'reflect.Value') return true
  if (v.iface) return false
  const t = typeNameOf(v.v)
  if (t === typ) return true
  return v.v instanceof GoStruct && v.v.typeName.replace(/^\*/, '') === typ.replace(/^\*/, '')
}

function zeroOf(typ: string): GoValue {
  if (typ === 'string') return ''
  if (typ === 'bool') return false
  if (INT_TYPES.has(typ)) return typ === 'int' ? 0 : new GoNumber(typ as 'int64', 0)
  if (UINT_TYPES.has(typ) || FLOAT_TYPES.has(typ)) return new GoNumber(typ as 'uint', 0)
  return null
}

/** A GoFunc as the executor calls it: plain Go values in, a plain value (or GoError) out. */
export function funcImpl(fn: GoFunc): FuncImpl {
  const impl: FuncImpl = {
    params: fn.params,
    call: (args) => {
      const result = fn.fn(...args.map((a) => a.v))
      return result instanceof GoError ? result : ref(result)
    },
  }
  if (fn.variadic !== undefined) impl.variadic = fn.variadic
  return impl
}

function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length
}
