import type { QuaiApi } from '../../../shared/ipc'
import { DockerPanel } from './DockerPanel'

/** The state panels: what the simulated machine holds (Docker today; files and cluster later). */
export function StatePanels({ host }: { host: QuaiApi }): React.JSX.Element {
  return (
    <section className="side-panel" aria-labelledby="state-title">
      <h2 id="state-title" className="side-panel__title">
        État
      </h2>
      <DockerPanel host={host} />
    </section>
  )
}
