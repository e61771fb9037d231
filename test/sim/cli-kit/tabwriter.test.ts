import { describe, expect, it } from 'vitest'
import {
  DOCKER_TABWRITER,
  KUBECTL_TABWRITER,
  tabwrite,
  Tabwriter,
  type TabwriterOptions,
} from '../../../src/sim/cli-kit/tabwriter'
import { DOCKER, KUBECTL, oracleAvailable, runDocker, runKubectl } from './oracle'

const dots = (minwidth: number, padding: number, extra: Partial<TabwriterOptions> = {}) => ({
  minwidth,
  tabwidth: 0,
  padding,
  padchar: '.',
  ...extra,
})

describe('tabwriter (Go text/tabwriter rules)', () => {
  it('pads tab-terminated cells to the widest cell of their column plus padding', () => {
    expect(tabwrite('a\tbbb\tc\naaaa\tb\tc\n', dots(0, 1))).toBe('a....bbb.c\naaaa.b...c\n')
  })

  it('leaves the last cell of a line out of any column', () => {
    expect(tabwrite('x\tshort\nxx\ta much longer trailing text\n', dots(0, 2))).toBe(
      'x...short\nxx..a much longer trailing text\n',
    )
  })

  it('applies minwidth', () => {
    expect(tabwrite('a\tb\n', dots(5, 0))).toBe('a....b\n')
  })

  it('starts a new block where a line lacks the column (blocks are consecutive lines)', () => {
    // Column 1 of lines 1 and 3 are separate blocks because line 2 has no cell there.
    const src = 'aaaa\tbbb\td\naa\tb\tdd\na\t\naa\tcccc\teee\n'
    expect(tabwrite(src, dots(0, 1))).toBe('aaaa.bbb.d\naa...b...dd\na....\naa...cccc.eee\n')
  })

  it('ends every block at a line without tabs (Go flushes there)', () => {
    expect(tabwrite('a\tb\nno tabs here\nlonger\tc\n', dots(0, 1))).toBe(
      'a.b\nno tabs here\nlonger.c\n',
    )
  })

  it('treats a form feed as a line break that also ends all columns', () => {
    expect(tabwrite('1\t2\f333\t4\n', dots(0, 0))).toBe('12\n3334\n')
  })

  it('keeps an unterminated last line as is, and empty input empty', () => {
    expect(tabwrite('a\tb', dots(0, 1))).toBe('a.b')
    expect(tabwrite('', dots(8, 1))).toBe('')
    expect(tabwrite('\t', dots(8, 1))).toBe('')
    expect(tabwrite('\n\n', dots(8, 1))).toBe('\n\n')
  })

  it('aligns right and draws column bars in debug mode', () => {
    expect(tabwrite('a\tbb\t\nccc\td\t\n', dots(0, 1, { alignRight: true }))).toBe(
      '...a.bb\n.ccc..d\n',
    )
    expect(tabwrite('a\tb\tc\n', dots(0, 1, { debug: true }))).toBe('a.|b.|c\n')
  })

  it('discards empty soft-tab columns only with DiscardEmptyColumns', () => {
    expect(tabwrite('a\v\vb', dots(4, 0))).toBe('a.......b')
    expect(tabwrite('a\v\vb', dots(4, 0, { discardEmptyColumns: true }))).toBe('a...b')
    expect(tabwrite('a\t\tb', dots(4, 0, { discardEmptyColumns: true }))).toBe('a.......b')
  })

  it('pads with tabs when the pad character is a tab', () => {
    expect(
      tabwrite('a\tb\naaaaaaaaa\tc\n', { minwidth: 0, tabwidth: 8, padding: 1, padchar: '\t' }),
    ).toBe('a\t\tb\naaaaaaaaa\tc\n')
  })

  it('counts runes by default and East Asian widths in the docker preset', () => {
    expect(tabwrite('日本\tx\nab\ty\n', dots(0, 1))).toBe('日本.x\nab.y\n')
    expect(tabwrite('日本\tx\nab\ty\n', { ...DOCKER_TABWRITER, minwidth: 0, padding: 1 })).toBe(
      '日本 x\nab   y\n',
    )
  })

  it('streams: write returns what became final, flush the rest', () => {
    const w = new Tabwriter(dots(0, 1))
    expect(w.write('a\tb\n')).toBe('')
    expect(w.write('ccc\td\n')).toBe('')
    expect(w.write('plain line\n')).toBe('a...b\nccc.d\nplain line\n')
    expect(w.write('e\tf')).toBe('')
    expect(w.flush()).toBe('e.f')
  })

  it('keeps columns from shrinking with RememberWidths (kubectl get -w)', () => {
    const w = new Tabwriter(KUBECTL_TABWRITER)
    const first = w.write('NAME\tREADY\tSTATUS\nweb-long-name\t1/1\tRunning\n') + w.flush()
    const later = w.write('a\t0/1\tPending\n') + w.flush()
    expect(first).toBe('NAME            READY   STATUS\nweb-long-name   1/1     Running\n')
    expect(later).toBe('a               0/1     Pending\n')
    expect(w.rememberedWidths()).toEqual([16, 8])
  })
})

describe.runIf(oracleAvailable(KUBECTL, 'kubectl'))('kubectl table layout', () => {
  it('matches kubectl config get-contexts (6, 4, 3, rune widths)', () => {
    const kubeconfig = [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      '- {name: c1, cluster: {server: "https://1.2.3.4"}}',
      '- {name: a-much-longer-cluster-name, cluster: {server: "https://5.6.7.8"}}',
      'users:',
      '- {name: u, user: {token: abc}}',
      'contexts:',
      '- {name: minikube, context: {cluster: c1, user: u, namespace: default}}',
      '- {name: x, context: {cluster: a-much-longer-cluster-name, user: u}}',
      '- {name: 日本語, context: {cluster: c1, user: u, namespace: kube-system}}',
      'current-context: minikube',
    ].join('\n')
    const real = runKubectl(['config', 'get-contexts'], kubeconfig)
    const text =
      'CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n' +
      '*\tminikube\tc1\tu\tdefault\n' +
      '\tx\ta-much-longer-cluster-name\tu\t\n' +
      '\t日本語\tc1\tu\tkube-system\n'
    expect(tabwrite(text, KUBECTL_TABWRITER)).toBe(real.stdout)
  })
})

describe.runIf(oracleAvailable(DOCKER, 'docker'))('docker table layout', () => {
  it('matches docker context ls (10, 1, 3, East Asian widths)', () => {
    const real = runDocker(
      ['context', 'ls', '--format', 'table {{.Name}}\t{{.Description}}\t{{.DockerEndpoint}}'],
      [
        { name: 'a1', description: '中文描述', host: 'tcp://1.2.3.4:2375' },
        { name: 'very-long-context-name', host: 'unix:///tmp/d.sock' },
      ],
    )
    const text =
      'NAME\tDESCRIPTION\tDOCKER ENDPOINT\n' +
      'a1\t中文描述\ttcp://1.2.3.4:2375\n' +
      'default\tCurrent DOCKER_HOST based configuration\tunix:///var/run/docker.sock\n' +
      'very-long-context-name\t\tunix:///tmp/d.sock\n'
    expect(tabwrite(text, DOCKER_TABWRITER)).toBe(real.stdout)
  })
})
