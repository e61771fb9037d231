/** The state panels (files, containers, cluster). Empty until the simulations publish state. */
export function StatePanels(): React.JSX.Element {
  return (
    <section className="side-panel" aria-labelledby="state-title">
      <h2 id="state-title" className="side-panel__title">
        État
      </h2>
      <p className="side-panel__placeholder">Les panneaux d’état s’afficheront ici.</p>
    </section>
  )
}
