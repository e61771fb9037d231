/** The scenario guide. Scenarios arrive later; until then it says what the area is for. */
export function GuidePanel(): React.JSX.Element {
  return (
    <section className="side-panel" aria-labelledby="guide-title">
      <h2 id="guide-title" className="side-panel__title">
        Guide
      </h2>
      <p className="side-panel__placeholder">Guide — les scénarios arrivent ici.</p>
      <p className="side-panel__hint">En attendant, essayez dans le terminal :</p>
      <ul className="side-panel__list">
        <li>
          <code>help</code>
        </li>
        <li>
          <code>ls -la</code>
        </li>
        <li>
          <code>mkdir -p projet &amp;&amp; cd projet</code>
        </li>
        <li>
          <code>nano notes.txt</code>
        </li>
      </ul>
    </section>
  )
}
