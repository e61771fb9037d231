/**
 * The parse tree of text/template (parse/node.go). `String()` reproduces Go's, since error
 * messages quote nodes: `executing "" at <index .Labels "a">: …`.
 */
import { quote } from '../go-strconv'

interface Base {
  pos: number
}

export interface TextNode extends Base {
  type: 'text'
  text: string
}
export interface CommentNode extends Base {
  type: 'comment'
  text: string
}
export interface DotNode extends Base {
  type: 'dot'
}
export interface NilNode extends Base {
  type: 'nil'
}
export interface BoolNode extends Base {
  type: 'bool'
  value: boolean
}
export interface NumberNode extends Base {
  type: 'number'
  text: string
  isInt: boolean
  isUint: boolean
  isFloat: boolean
  int: number
  float: number
}
export interface StringNode extends Base {
  type: 'string'
  quoted: string
  text: string
}
export interface FieldNode extends Base {
  type: 'field'
  ident: string[]
}
export interface VariableNode extends Base {
  type: 'variable'
  ident: string[]
}
export interface IdentifierNode extends Base {
  type: 'identifier'
  ident: string
}
export interface ChainNode extends Base {
  type: 'chain'
  node: Node
  field: string[]
}
export interface PipeNode extends Base {
  type: 'pipe'
  line: number
  isAssign: boolean
  decl: VariableNode[]
  cmds: CommandNode[]
}
export interface CommandNode extends Base {
  type: 'command'
  args: Node[]
}
export interface ActionNode extends Base {
  type: 'action'
  line: number
  pipe: PipeNode
}
export interface ListNode extends Base {
  type: 'list'
  nodes: Node[]
}
export interface BranchNode extends Base {
  type: 'if' | 'range' | 'with'
  line: number
  pipe: PipeNode
  list: ListNode
  elseList: ListNode | undefined
}
export interface TemplateNode extends Base {
  type: 'template'
  line: number
  name: string
  pipe: PipeNode | undefined
}
export interface BreakNode extends Base {
  type: 'break'
  line: number
}
export interface ContinueNode extends Base {
  type: 'continue'
  line: number
}
/** Parser-internal markers for {{end}} and {{else}}. */
export interface EndNode extends Base {
  type: 'end'
}
export interface ElseNode extends Base {
  type: 'else'
  line: number
}

export type Node =
  | TextNode
  | CommentNode
  | DotNode
  | NilNode
  | BoolNode
  | NumberNode
  | StringNode
  | FieldNode
  | VariableNode
  | IdentifierNode
  | ChainNode
  | PipeNode
  | CommandNode
  | ActionNode
  | ListNode
  | BranchNode
  | TemplateNode
  | BreakNode
  | ContinueNode
  | EndNode
  | ElseNode

export function nodeString(n: Node): string {
  switch (n.type) {
    case 'text':
      return n.text
    case 'comment':
      return '{{' + n.text + '}}'
    case 'dot':
      return '.'
    case 'nil':
      return 'nil'
    case 'bool':
      return n.value ? 'true' : 'false'
    case 'number':
      return n.text
    case 'string':
      return n.quoted
    case 'field':
      return n.ident.map((id) => '.' + id).join('')
    case 'variable':
      return n.ident.join('.')
    case 'identifier':
      return n.ident
    case 'chain': {
      const head = n.node.type === 'pipe' ? '(' + nodeString(n.node) + ')' : nodeString(n.node)
      return head + n.field.map((f) => '.' + f).join('')
    }
    case 'pipe': {
      let s = ''
      if (n.decl.length > 0) {
        s += n.decl.map(nodeString).join(', ') + (n.isAssign ? ' = ' : ' := ')
      }
      return s + n.cmds.map(nodeString).join(' | ')
    }
    case 'command':
      return n.args
        .map((a) => (a.type === 'pipe' ? '(' + nodeString(a) + ')' : nodeString(a)))
        .join(' ')
    case 'action':
      return '{{' + nodeString(n.pipe) + '}}'
    case 'list':
      return n.nodes.map(nodeString).join('')
    case 'if':
    case 'range':
    case 'with': {
      let s = `{{${n.type} ${nodeString(n.pipe)}}}${nodeString(n.list)}`
      if (n.elseList !== undefined) s += '{{else}}' + nodeString(n.elseList)
      return s + '{{end}}'
    }
    case 'template':
      return n.pipe === undefined
        ? `{{template ${quote(n.name)}}}`
        : `{{template ${quote(n.name)} ${nodeString(n.pipe)}}}`
    case 'break':
      return '{{break}}'
    case 'continue':
      return '{{continue}}'
    case 'end':
      return '{{end}}'
    case 'else':
      return '{{else}}'
  }
}
