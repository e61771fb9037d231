import { describe, expect, it } from 'vitest'
import { dockerFormat } from '../../../src/sim/cli-kit/docker-format'
import { quote } from '../../../src/sim/cli-kit/go-strconv'
import {
  DOCKER_FUNCS,
  executeTemplate,
  GoTemplate,
  KUBECTL_FUNCS,
} from '../../../src/sim/cli-kit/go-template'
import {
  fromJSON,
  GoFunc,
  GoStruct,
  goTyped,
  type GoValue,
} from '../../../src/sim/cli-kit/go-value'
import { DOCKER, KUBECTL, oracleAvailable, runDocker, runKubectl } from './oracle'

// ---------------------------------------------------------------------------------------------
// docker: `docker context ls --format` runs offline and renders *formatter.clientContextContext

interface ContextRow {
  name: string
  description: string
  endpoint: string
  current: boolean
}

const CONTEXTS = [
  { name: 'alpha', description: 'first one', host: 'tcp://10.0.0.1:2375' },
  { name: 'longer-name-here', host: 'unix:///x.sock' },
  { name: 'zz', description: '日本語の説明', host: 'tcp://h:1' },
]

const ROWS: ContextRow[] = [
  { name: 'alpha', description: 'first one', endpoint: 'tcp://10.0.0.1:2375', current: false },
  {
    name: 'default',
    description: 'Current DOCKER_HOST based configuration',
    endpoint: 'unix:///var/run/docker.sock',
    current: true,
  },
  { name: 'longer-name-here', description: '', endpoint: 'unix:///x.sock', current: false },
  { name: 'zz', description: '日本語の説明', endpoint: 'tcp://h:1', current: false },
]

function contextContext(row: ContextRow): GoStruct {
  const methods = {
    Current: () => row.current,
    Name: () => row.name,
    Description: () => row.description,
    DockerEndpoint: () => row.endpoint,
    Error: () => '',
  }
  return new GoStruct('*formatter.clientContextContext', {}, methods, {
    json: () => ({
      Current: row.current,
      Description: row.description,
      DockerEndpoint: row.endpoint,
      Error: '',
      Name: row.name,
    }),
  })
}

const CONTEXT_HEADER = goTyped('map[string]string', {
  Name: 'NAME',
  Description: 'DESCRIPTION',
  DockerEndpoint: 'DOCKER ENDPOINT',
  Error: 'ERROR',
})

function simulateContextLs(format: string): { stdout: string; stderr: string; status: number } {
  const r = dockerFormat(format, ROWS.map(contextContext), CONTEXT_HEADER)
  if (!r.ok) return { stdout: '', stderr: r.error + '\n', status: 1 }
  return { stdout: r.output, stderr: '', status: 0 }
}

const DOCKER_CASES = [
  '{{.Name}}',
  '{{.Name}}: {{.Description}}',
  '{{json .}}',
  'json',
  '{{.Nope}}',
  '{{.Name.X}}',
  '{{.Current.X}}',
  '{{.Name 1}}',
  '{{upper 1}}',
  '{{upper .Current}}',
  '{{join .Name ","}}',
  '{{join (split .Name "") ","}}',
  '{{.}}|{{printf "%v|%s" . .}}',
  'table {{.Name}}\\t{{.Description}}\\t{{.DockerEndpoint}}',
  'table {{.Name}}\\t{{upper .Name}}\\t{{.Current}}',
  'table {{.Description}}\\t{{.Name}}',
  '  {{.Name}}  ',
  '{{.Name}}\\t|{{.Current}}\\n--',
  '{{if .Current}}* {{else}}  {{end}}{{.Name}}',
  '{{if eq .Name "alpha"}}A{{else if eq .Name "zz"}}Z{{else}}-{{end}}',
  '{{with .Description}}[{{.}}]{{else}}(none){{end}}',
  '{{$n := .Name}}{{$n}}{{$n = "x"}}{{$n}}',
  '{{range $i, $c := split .DockerEndpoint "/"}}{{$i}}={{$c}};{{end}}',
  '{{range split .Name "a"}}<{{.}}>{{else}}empty{{end}}',
  '{{range 3}}{{.}}{{end}}',
  '{{range $i, $e := split .Name ""}}{{if eq $i 2}}{{break}}{{end}}{{$e}}{{end}}',
  '{{range split .Name ""}}{{if eq . "a"}}{{continue}}{{end}}{{.}}{{end}}',
  '{{printf "%-18s|%5.2f|%q|%v|%T|%d" .Name 3.14159 .Description .Current .Current 42}}',
  '{{printf "%x %X %o %b %c %U %e %g %08.3f %+d % d" 255 255 8 5 65 9731 1234.5678 0.000012 3.14159 5 7}}',
  '{{printf "%s %d"}}|{{printf "%d" "str"}}|{{printf "%s" 1 2}}|{{printf "%!"}}',
  '{{printf "%5s|%-5s|%.2s|%5.1s|%05d|%-5d|%x" "ab" "ab" "abcdef" "xyz" 42 42 "hi"}}',
  '{{printf "%v %v %v %v" 1e6 123456.0 0.0001 1e-5}}',
  '{{printf "%6.2f|%-8.3e|%g|%G" 2.5 1234.5 100000000.0 1e-7}}',
  '{{print 1 2 "a" "b" 3 true}}|{{println .Name 1}}',
  '{{len .Name}} {{index .Name 0}} {{slice .Name 1 3}} {{"x" | upper}} {{.Name | len}}',
  '{{index .Name 99}}',
  '{{slice .Name 3 1}}',
  '{{len 3}}',
  '{{and .Current .Name}}|{{or .Current .Name}}|{{not .Current}}|{{and 0 .Nope}}',
  '{{eq .Current true}} {{ne .Name "alpha"}} {{lt .Name "b"}} {{le 1 1}} {{gt 2.5 1.5}} {{ge "a" "b"}}',
  '{{eq .Name 1}}',
  '{{lt .Current true}}',
  '{{eq .Name}}',
  '{{title "hello wORLD-foo_bar"}} {{lower "ÀB"}} {{upper "àb"}} {{pad .Name 2 1}}|{{pad "" 2 2}}| {{truncate .Name 3}}',
  '{{html "<a href=\'x\'>&</a>"}} {{js "it\'s <b>"}} {{urlquery "a b&c/d"}}',
  '{{- .Name -}} | {{- " x " -}} ',
  '{{/* a comment */}}{{.Name}}{{- /* trimmed */ -}} !',
  '{{.Name}',
  '{{.Name',
  '{{if}}',
  '{{end}}',
  '{{else}}',
  '{{range .Name}}',
  '{{nope}}',
  '{{$x}}',
  '{{.Name | 3}}',
  '{{(.Name}}',
  '{{.Name)}}',
  '{{"unterminated}}',
  '{{1.2.3}}',
  '{{3 .Name}}',
  '{{break}}',
  '{{with $x := .Name}}{{$x}}{{end}}{{$x}}',
  '{{template "t"}}',
  '{{define "t"}}[{{.}}]{{end}}{{template "t" .Name}}',
  '{{.Name}} {{.Description | printf "%q"}}{{/* unclosed',
  '{{printf "%s" .Name .Name}}',
  '{{json .Name}} {{json 1.5}} {{json "<&>"}}',
  '{{ .Name  |  printf  "%s!" }}',
  "{{'a'}} {{0x1F}} {{1_000}} {{-3}} {{+4}} {{1e3}}",
  '{{nil}}',
  '{{printf "%s" nil}}',
  '{{call .Name}}',
  '{{index .Name }}}',
  '{{.Name | }}',
  '{{ } }}',
  '{{.Name }',
  '{{printf "%s" .Name )}}',
  '{{$x := }}',
  '{{range $a, $b, $c := .X}}{{end}}',
  '{{if .Name}}x{{else}}y{{else}}z{{end}}',
  '{{with .Name}}{{end',
  '{{.Name\n}}',
  '{{if .Name}}\n\n{{.Name}',
  '{{"\\z"}}',
  '{{.Name | "x"}}',
  '{{with .Nope}}a{{else with .Name}}b{{end}}',
  '{{if .Name}}\n{{"a\nb"}}\n{{.Nope}}{{end}}',
]

describe.runIf(oracleAvailable(DOCKER, 'docker'))(
  'templates match docker (context ls --format)',
  () => {
    for (const format of DOCKER_CASES) {
      it(format, () => {
        const real = runDocker(['context', 'ls', '--format', format], CONTEXTS)
        const sim = simulateContextLs(format)
        expect(sim).toEqual({ stdout: real.stdout, stderr: real.stderr, status: real.status })
      })
    }
  },
)

// ---------------------------------------------------------------------------------------------
// kubectl: `-o go-template` on a --dry-run=client Deployment (unstructured: int64 numbers)

const DEPLOY = [
  'create',
  'deployment',
  'web',
  '--image=nginx',
  '--image=busybox',
  '--dry-run=client',
]

function kubectlObject(): GoValue {
  const json = runKubectl([...DEPLOY, '-o', 'json'])
  return fromJSON(JSON.parse(json.stdout))
}

function simulateKubectl(text: string, data: GoValue): { stdout: string; stderr: string } {
  const parsed = GoTemplate.parse(text, {
    name: 'output',
    funcs: KUBECTL_FUNCS,
    rangeOverInt: false,
  })
  if (!parsed.ok) {
    return {
      stdout: '',
      stderr: `error: error parsing template ${text}, ${parsed.error.message}\n`,
    }
  }
  const r = parsed.template.execute(data)
  if (r.ok) return { stdout: r.output, stderr: '' }
  return {
    stdout: r.output + `Error executing template: ${r.error.message}. Printing more information`,
    stderr: `error: error executing template ${quote(text)}: ${r.error.message}\n`,
  }
}

const KUBECTL_CASES = [
  '{{.metadata.name}}',
  '{{.spec.replicas}} {{.nope}} {{.spec.template.spec.containers}}',
  '{{.spec.replicas.x}}',
  '{{.metadata.creationTimestamp.x}}',
  '{{.metadata.creationTimestamp}}|{{print .metadata.creationTimestamp}}|{{printf "%v" .nope}}',
  '{{range .spec.template.spec.containers}}{{.name}},{{end}}',
  '{{printf "%v|%d|%s|%T|%q" .spec.replicas .spec.replicas .spec.replicas .spec.replicas .metadata.name}}',
  '{{.spec}}',
  '{{printf "%+v" .metadata}}',
  '{{printf "%#v" .metadata}}',
  '{{len .spec.template.spec.containers}}',
  '{{index .spec.template.spec.containers 1 "name"}}',
  '{{index .spec.template.spec.containers 5}}',
  '{{index .spec.template.spec.containers 2}}',
  '{{index .spec 1}}',
  '{{index .metadata.labels "app"}} {{index .metadata.labels "nope"}}',
  '{{slice .metadata.name 1 2}}',
  '{{eq .spec.replicas 1}} {{eq .metadata.name "web" "x"}}',
  '{{lt .spec.replicas 2.5}}',
  '{{eq .spec.replicas "1"}}',
  '{{if .status}}y{{else}}n{{end}}',
  '{{with .metadata.labels}}{{.app}}{{end}}',
  '{{range $k, $v := .metadata.labels}}{{$k}}={{$v}}{{end}}',
  '{{.metadata.labels | len}}',
  '{{exists .metadata "name"}} {{exists .metadata "nope"}} {{exists .spec.template.spec.containers 1}}',
  '{{base64decode "aGVsbG8="}}',
  '{{base64decode "%%%"}}',
  '{{nope}}',
  '{{.metadata.name | printf "%s-%s" "x"}}',
  '{{and 1 0 2}} {{or 0 "" "z"}} {{not 0}}',
  '{{range 3}}{{.}}{{end}}',
  '{{break}}',
  '{{.spec.template.spec.containers.name}}',
  '{{call .spec}}',
  '{{index}}',
  '{{range .spec.template.spec.containers}}{{.image}} {{.nope.deeper}}{{end}}',
  '{{.metadata.name}} then {{.spec.replicas.x}}',
  '{{$x := .spec.template.spec.containers}}{{range $x}}{{.name}}{{end}}{{len $x}}',
]

describe.runIf(oracleAvailable(KUBECTL, 'kubectl'))(
  'templates match kubectl -o go-template',
  () => {
    const data = oracleAvailable(KUBECTL, 'kubectl') ? kubectlObject() : null
    for (const text of KUBECTL_CASES) {
      it(text, () => {
        const real = runKubectl([...DEPLOY, '-o', `go-template=${text}`])
        const sim = simulateKubectl(text, data)
        expect(sim.stderr).toBe(real.stderr)
        if (sim.stderr === '') expect(sim.stdout).toBe(real.stdout)
        else expect(real.stdout.startsWith(sim.stdout)).toBe(true)
      })
    }
  },
)

// ---------------------------------------------------------------------------------------------
// behaviours pinned without an oracle

describe('Go templates', () => {
  it('calls methods with arguments (docker .Label "key")', () => {
    const labels: Record<string, string> = goTyped('map[string]string', {
      app: 'web',
      tier: 'front',
    })
    const container = new GoStruct(
      '*formatter.ContainerContext',
      {},
      {
        ID: () => '4f2a9c',
        Labels: () => 'app=web,tier=front',
        Label: new GoFunc(['string'], (k) => labels[k as string] ?? ''),
      },
    )
    const r = executeTemplate('{{.ID}} {{.Label "app"}} {{.Label "none"}}|{{.Label}}', container, {
      funcs: DOCKER_FUNCS,
    })
    expect(r).toEqual({
      ok: false,
      output: '4f2a9c web |',
      error: expect.objectContaining({
        code: 'exec',
        message:
          'template: :1:45: executing "" at <.Label>: wrong number of args for Label: want 1 got 0',
      }),
    })
  })

  it('reads struct fields and reports missing ones with the injected type name', () => {
    const s = new GoStruct('types.Container', {
      Names: goTyped('[]string', ['/web']),
      State: 'running',
    })
    expect(executeTemplate('{{index .Names 0}} {{.State}} {{printf "%+v" .}}', s)).toEqual({
      ok: true,
      output: '/web running {Names:[/web] State:running}',
    })
    const r = executeTemplate('{{.Nope}}', s)
    expect(!r.ok && r.error.message).toBe(
      'template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type types.Container',
    )
  })

  it('prints maps sorted and slices space-separated, with missing keys as <no value>', () => {
    const data: GoValue = { b: [1, 'x', true], a: { z: null, y: 2.5 } }
    expect(executeTemplate('{{.}} {{.c}} {{.a.y}}', data)).toEqual({
      ok: true,
      output: 'map[a:map[y:2.5 z:<nil>] b:[1 x true]] <no value> 2.5',
    })
  })

  it('honours missingkey=error', () => {
    const r = executeTemplate('{{.a}}', {}, { name: 'output', missingKey: 'error' })
    expect(!r.ok && r.error.message).toBe(
      'template: output:1:2: executing "output" at <.a>: map has no entry for key "a"',
    )
  })

  it('reports parse errors on the line they happen', () => {
    const r = executeTemplate('line one\n{{if .x}}\n{{.y}', {})
    expect(!r.ok && r.error.message).toBe("template: :3: bad character U+007D '}'")
  })
})
