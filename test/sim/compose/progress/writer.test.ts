/**
 * The progress writer's three outputs, as compose v2's pkg/progress writes them: plain lines
 * joined by Println, json objects with empty fields left out, and the tty block.
 */
import { describe, expect, it } from 'vitest'
import { ProgressWriter, type ProgressMode } from '../../../../src/sim/compose/progress/writer'

function writer(mode: ProgressMode, dryRun = false): ProgressWriter {
  return new ProgressWriter({
    mode,
    title: 'Pushing',
    width: 60,
    color: false,
    now: () => 0,
    dryRun,
  })
}

describe('plain progress', () => {
  it('joins the empty prefix, id, text and status text with spaces, as Println does', () => {
    const w = writer('plain')
    w.event('Container app-web-1', 'working', 'Creating')
    w.event('web', 'done', '', 'Skipped')
    expect(w.finish()).toBe(' Container app-web-1  Creating\n web Skipped \n')
  })

  it('prints a tail message as Println of the empty prefix and the message', () => {
    const w = writer('plain')
    w.tail('Pushing api: denied')
    expect(w.finish()).toBe(' Pushing api: denied\n')
  })

  it('puts the dry-run prefix first', () => {
    const w = writer('plain', true)
    w.event('Container app-web-1', 'done', 'Stopped')
    expect(w.finish()).toBe(' DRY-RUN MODE -  Container app-web-1  Stopped\n')
  })
})

describe('json progress', () => {
  it('writes one object per event: id, text and status, each left out when empty', () => {
    const w = writer('json')
    w.event('Container app-web-1', 'working', 'Creating')
    w.event('web', 'done', '', 'Skipped')
    expect(w.finish()).toBe(
      '{"id":"Container app-web-1","status":"Creating"}\n{"id":"web","text":"Skipped"}\n',
    )
  })

  it('marks tail messages and dry runs', () => {
    const w = writer('json', true)
    w.event('Container app-web-1', 'done', 'Stopped')
    w.tail('Pushing api: <denied>')
    expect(w.finish()).toBe(
      '{"dry-run":true,"id":"Container app-web-1","status":"Stopped"}\n' +
        '{"dry-run":true,"tail":true,"text":"Pushing api: \\u003cdenied\\u003e"}\n',
    )
  })
})

describe('tty progress', () => {
  it('shows an event text after the id and aligns the status after the longest of both', () => {
    const w = writer('tty')
    w.event('web', 'done', '', 'Skipped')
    w.event('Image me/api', 'working', 'Pushing')
    expect(w.finish()).toBe(
      [
        '[+] Pushing 1/2',
        ' ✔ web Skipped                                         0.0s ',
        ' ⠿ Image me/api  Pushing                               0.0s ',
        '',
      ].join('\n'),
    )
  })

  it('prints nothing in quiet mode', () => {
    const w = writer('quiet')
    w.event('Container app-web-1', 'done', 'Started')
    expect(w.finish()).toBe('')
  })
})
