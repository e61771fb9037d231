import type { QuaiApi } from '../../../shared/ipc'
import type { ClockRate } from '../../../shared/real-time-driver'

/** `2026-01-05 09:01:15` of the virtual clock, in UTC as the simulated machine keeps it. */
function virtualTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ')
}

const RATES: { rate: ClockRate; label: string; title: string }[] = [
  { rate: 1, label: '▶', title: 'Temps réel' },
  { rate: 10, label: '×10', title: 'Accélérer ×10' },
  { rate: 60, label: '×60', title: 'Accélérer ×60 (une minute par seconde)' },
]

/**
 * The virtual clock's controls: pause, real time, fast-forward, and steps. Fast-forward is how a
 * student sees in seconds what takes minutes in a cluster (a node's eviction timeout, a back-off).
 */
export function ClockControls({
  host,
  clockMs,
  rate,
}: {
  host: QuaiApi
  clockMs: number
  rate: ClockRate
}): React.JSX.Element {
  return (
    <div className="clock" role="toolbar" aria-label="Horloge simulée" data-rate={rate}>
      <span
        className="clock__time"
        data-testid="clock-time"
        title="Heure de la machine simulée (UTC)"
      >
        {virtualTime(clockMs)}
      </span>
      <button
        type="button"
        className="clock__button"
        aria-pressed={rate === 0}
        aria-label="Pause"
        title="Mettre le temps en pause"
        onClick={() => host.controlClock({ action: 'rate', rate: 0 })}
      >
        ❚❚
      </button>
      {RATES.map(({ rate: r, label, title }) => (
        <button
          key={r}
          type="button"
          className="clock__button"
          aria-pressed={rate === r}
          aria-label={label === '▶' ? 'Temps réel' : label}
          title={title}
          onClick={() => host.controlClock({ action: 'rate', rate: r })}
        >
          {label}
        </button>
      ))}
      <button
        type="button"
        className="clock__button"
        title="Avancer d’une seconde"
        onClick={() => host.controlClock({ action: 'step', ms: 1_000 })}
      >
        +1 s
      </button>
      <button
        type="button"
        className="clock__button"
        title="Avancer de dix secondes"
        onClick={() => host.controlClock({ action: 'step', ms: 10_000 })}
      >
        +10 s
      </button>
      {rate === 0 && <span className="clock__note">en pause</span>}
    </div>
  )
}
