import { useEffect, useState } from 'react'
import type { QuaiApi, SessionState } from '../../../shared/ipc'
import { ClockControls } from './ClockControls'
import { ClusterPanel } from './ClusterPanel'
import { DockerPanel } from './DockerPanel'

type Tab = 'docker' | 'kubernetes'

const TABS: { id: Tab; label: string }[] = [
  { id: 'docker', label: 'Docker' },
  { id: 'kubernetes', label: 'Kubernetes' },
]

/** The tab the student chose is kept across visits (and reloads after a reset). */
const TAB_KEY = 'quai.state-tab'

function savedTab(): Tab {
  try {
    return window.localStorage.getItem(TAB_KEY) === 'kubernetes' ? 'kubernetes' : 'docker'
  } catch {
    // Storage can be refused (a private window, a policy): the Docker tab then.
    return 'docker'
  }
}

function saveTab(tab: Tab): void {
  try {
    window.localStorage.setItem(TAB_KEY, tab)
  } catch {
    // Not kept, but still shown.
  }
}

/**
 * The state panels: what the simulated machine holds, Docker or Kubernetes as tabs, under the
 * virtual clock's controls. One subscription feeds both tabs, and both stay mounted, so switching
 * shows the last snapshot at once (the host sends one only when something changes).
 */
export function StatePanels({ host }: { host: QuaiApi }): React.JSX.Element {
  const [state, setState] = useState<SessionState | undefined>(undefined)
  const [tab, setTab] = useState<Tab>(savedTab)

  useEffect(() => host.onState(setState), [host])

  const choose = (next: Tab): void => {
    setTab(next)
    saveTab(next)
  }

  return (
    <section className="side-panel" aria-labelledby="state-title">
      <h2 id="state-title" className="side-panel__title">
        État
      </h2>
      {state !== undefined && (
        <ClockControls host={host} clockMs={state.clockMs} rate={state.clockRate} />
      )}
      <div className="state-tabs" role="tablist" aria-label="Vues de l’état">
        {TABS.map(({ id, label }) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`state-tab-${id}`}
            className="state-tabs__tab"
            aria-selected={tab === id}
            aria-controls={`state-tabpanel-${id}`}
            onClick={() => choose(id)}
          >
            {label}
            {id === 'kubernetes' && (state?.cluster.clusters.length ?? 0) > 0 && (
              <span className="state-tabs__dot" aria-hidden="true" />
            )}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id="state-tabpanel-docker"
        aria-labelledby="state-tab-docker"
        hidden={tab !== 'docker'}
      >
        <DockerPanel host={host} state={state} />
      </div>
      <div
        role="tabpanel"
        id="state-tabpanel-kubernetes"
        aria-labelledby="state-tab-kubernetes"
        hidden={tab !== 'kubernetes'}
      >
        <ClusterPanel host={host} state={state?.cluster} />
      </div>
    </section>
  )
}
