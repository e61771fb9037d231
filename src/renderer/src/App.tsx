import { useRef, useState } from 'react'
import { Group, Panel, Separator, usePanelRef, type PanelSize } from 'react-resizable-panels'
import type { QuaiApi } from '../../shared/ipc'
import { GuidePanel } from './guide/GuidePanel'
import { HOST_NAME } from './host'
import { StatePanels } from './panels/StatePanels'
import { TerminalView, type TerminalHandle } from './terminal/TerminalView'

/** A side area that the top bar can fold away and unfold again. */
function useCollapsible(afterToggle: () => void): {
  ref: ReturnType<typeof usePanelRef>
  open: boolean
  toggle: () => void
  onResize: (size: PanelSize) => void
} {
  const ref = usePanelRef()
  const [open, setOpen] = useState(true)
  return {
    ref,
    open,
    toggle: () => {
      const panel = ref.current
      if (panel === null) return
      if (panel.isCollapsed()) panel.expand()
      else panel.collapse()
      afterToggle()
    },
    // Dragging a panel shut collapses it too; the button follows.
    onResize: (size) => setOpen(size.inPixels > 0),
  }
}

export function App({ host }: { host: QuaiApi }): React.JSX.Element {
  const terminal = useRef<TerminalHandle>(null)
  // The student keeps typing after folding a side away: the keyboard goes back to the shell.
  const refocus = (): void => terminal.current?.focus()
  const guide = useCollapsible(refocus)
  const state = useCollapsible(refocus)

  return (
    <div className="app">
      <header className="top-bar">
        <div className="top-bar__brand">
          <span className="top-bar__title">Quai</span>
          <span className="top-bar__badge" title="Où tourne la session simulée">
            {HOST_NAME}
          </span>
        </div>
        <nav className="top-bar__actions" aria-label="Zones">
          <button
            type="button"
            className="toggle"
            aria-pressed={guide.open}
            aria-controls="guide"
            onClick={guide.toggle}
          >
            Guide
          </button>
          <button
            type="button"
            className="toggle"
            aria-pressed={state.open}
            aria-controls="state"
            onClick={state.toggle}
          >
            État
          </button>
        </nav>
      </header>
      <Group className="workspace" orientation="horizontal">
        <Panel
          id="guide"
          className="workspace__side"
          panelRef={guide.ref}
          collapsible
          defaultSize="22%"
          minSize={200}
          maxSize="40%"
          onResize={guide.onResize}
        >
          <GuidePanel />
        </Panel>
        <Separator className="workspace__separator" />
        <Panel id="terminal" className="workspace__terminal" minSize="30%">
          <TerminalView host={host} ref={terminal} />
        </Panel>
        <Separator className="workspace__separator" />
        <Panel
          id="state"
          className="workspace__side"
          panelRef={state.ref}
          collapsible
          defaultSize="24%"
          minSize={220}
          maxSize="45%"
          onResize={state.onResize}
        >
          <StatePanels host={host} />
        </Panel>
      </Group>
    </div>
  )
}
