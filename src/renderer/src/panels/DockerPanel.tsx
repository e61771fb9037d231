import { useState } from 'react'
import type { QuaiApi, SessionState } from '../../../shared/ipc'
import { ComposeView } from './ComposeView'
import './docker-panel.css'

type DockerState = SessionState['docker']
type Container = DockerState['containers'][number]
type Detail = NonNullable<DockerState['selected']>

/** `2026-01-05T09:00:00.123456789Z` → `2026-01-05 09:00:00 UTC`. */
function readableTime(rfc3339: string): string {
  return rfc3339.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC')
}

function StateBadge({ state }: { state: Container['state'] }): React.JSX.Element {
  return (
    <span className={`state-badge state-badge--${state}`} data-testid="state-badge">
      {state}
    </span>
  )
}

function Section({
  title,
  count,
  children,
}: {
  title: string
  count: number
  children: React.ReactNode
}): React.JSX.Element {
  const id = `docker-${title.toLowerCase().replace(/[^a-z]/g, '')}`
  return (
    <section className="docker-section" aria-labelledby={id}>
      <h3 id={id} className="docker-section__title">
        {title} <span className="docker-section__count">{count}</span>
      </h3>
      {children}
    </section>
  )
}

function ContainerRow({
  container,
  selected,
  onSelect,
}: {
  container: Container
  selected: boolean
  onSelect: () => void
}): React.JSX.Element {
  return (
    <li>
      <button
        type="button"
        className="docker-row docker-row--button"
        aria-pressed={selected}
        data-container={container.name}
        data-state={container.state}
        onClick={onSelect}
      >
        <span className="docker-row__line">
          <span className="docker-row__name">{container.name}</span>
          <StateBadge state={container.state} />
          {container.health !== null && (
            <span className={`health health--${container.health}`}>{container.health}</span>
          )}
        </span>
        <span className="docker-row__meta">
          <span>{container.image}</span>
          {container.ports.map((port) => (
            <span key={port} className="chip chip--port" data-testid="port">
              {port}
            </span>
          ))}
          {container.networks.map((network) => (
            <span key={network} className="chip">
              {network}
            </span>
          ))}
        </span>
        <span className="docker-row__status">{container.status}</span>
      </button>
    </li>
  )
}

function Field({
  label,
  children,
}: {
  label: string
  children: React.ReactNode
}): React.JSX.Element {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  )
}

function ContainerDetail({ detail }: { detail: Detail }): React.JSX.Element {
  return (
    <section className="docker-detail" aria-label={`Détails de ${detail.name}`}>
      <h3 className="docker-detail__title">
        {detail.name} <StateBadge state={detail.state} />
      </h3>
      <dl className="docker-detail__fields">
        <Field label="Image">{detail.image}</Field>
        <Field label="Commande">
          <code>{detail.command || '—'}</code>
        </Field>
        <Field label="Créé">{readableTime(detail.created)}</Field>
        <Field label="Statut">{detail.status}</Field>
        <Field label="Redémarrage">
          {detail.restartPolicy}
          {detail.restartCount > 0 ? ` (${detail.restartCount} fois)` : ''}
        </Field>
        <Field label="Ports">{detail.ports.length > 0 ? detail.ports.join(', ') : '—'}</Field>
        <Field label="Réseaux">
          {detail.networks.length === 0
            ? '—'
            : detail.networks.map((n) => (
                <div key={n.name}>
                  {n.name}
                  {n.ip !== '' ? ` : ${n.ip}` : ''}
                  {n.aliases.length > 0 ? ` (alias ${n.aliases.join(', ')})` : ''}
                </div>
              ))}
        </Field>
        <Field label="Montages">
          {detail.mounts.length === 0
            ? '—'
            : detail.mounts.map((m) => (
                <div key={m.destination}>
                  {m.type === 'volume' && m.source.length === 64 ? m.source.slice(0, 12) : m.source}
                  {' → '}
                  {m.destination}
                  {m.readOnly ? ' (lecture seule)' : ''}
                </div>
              ))}
        </Field>
      </dl>
      <h4 className="docker-detail__subtitle">Journaux récents</h4>
      {detail.logs.length === 0 ? (
        <p className="docker-empty">Aucune ligne.</p>
      ) : (
        <pre className="docker-logs" data-testid="container-logs">
          {detail.logs.map((line, i) => (
            <span key={i} className={`docker-logs__${line.stream}`}>
              {line.text}
              {'\n'}
            </span>
          ))}
        </pre>
      )}
    </section>
  )
}

/** The Docker panel: what the simulated daemon holds, as the last snapshot from the host says. */
export function DockerPanel({
  host,
  state,
}: {
  host: QuaiApi
  state: SessionState | undefined
}): React.JSX.Element {
  const [selectedId, setSelectedId] = useState<string | null>(null)

  const docker = state?.docker
  const present = docker?.containers.some((c) => c.id === selectedId) ?? false
  const shownId = present ? selectedId : null
  const detail = docker?.selected && docker.selected.id === shownId ? docker.selected : null

  const select = (id: string): void => {
    const next = id === shownId ? null : id
    setSelectedId(next)
    host.selectContainer(next)
  }

  if (docker === undefined)
    return <p className="side-panel__placeholder">Connexion au démon Docker…</p>

  const compose = state?.compose ?? []

  return (
    <div className="docker-panel" data-testid="docker-panel">
      {compose.length > 0 && (
        <Section title="Compose" count={compose.length}>
          <ComposeView projects={compose} />
        </Section>
      )}
      <Section title="Conteneurs" count={docker.containers.length}>
        {docker.containers.length === 0 ? (
          <p className="docker-empty">
            Aucun conteneur. Essayez <code>docker run -d --name web -p 8080:80 nginx</code>
          </p>
        ) : (
          <ul className="docker-list" aria-label="Conteneurs">
            {docker.containers.map((container) => (
              <ContainerRow
                key={container.id}
                container={container}
                selected={container.id === shownId}
                onSelect={() => select(container.id)}
              />
            ))}
          </ul>
        )}
        {detail !== null && <ContainerDetail detail={detail} />}
      </Section>

      <Section title="Images" count={docker.images.length}>
        {docker.images.length === 0 ? (
          <p className="docker-empty">Aucune image.</p>
        ) : (
          <ul className="docker-list" aria-label="Images">
            {docker.images.map((image) => (
              <li key={image.id} className="docker-row" data-image={image.tags[0]}>
                <span className="docker-row__line">
                  <span className="docker-row__name">{image.tags.join(', ')}</span>
                  <span className="docker-row__size">{image.size}</span>
                </span>
                <span className="docker-row__meta">
                  <code>{image.id}</code>
                  {image.containers > 0 && (
                    <span>
                      {image.containers} conteneur{image.containers > 1 ? 's' : ''}
                    </span>
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title="Réseaux" count={docker.networks.length}>
        <ul className="docker-list" aria-label="Réseaux">
          {docker.networks.map((network) => (
            <li key={network.id} className="docker-row" data-network={network.name}>
              <span className="docker-row__line">
                <span className="docker-row__name">{network.name}</span>
                <span className="docker-row__size">
                  {network.driver}
                  {network.subnet !== null ? ` · ${network.subnet}` : ''}
                </span>
              </span>
              <span className="docker-row__meta">
                {network.containers.length === 0 ? (
                  <span className="docker-dim">aucun conteneur</span>
                ) : (
                  network.containers.map((name) => (
                    <span key={name} className="chip">
                      {name}
                    </span>
                  ))
                )}
              </span>
            </li>
          ))}
        </ul>
      </Section>

      <Section title="Volumes" count={docker.volumes.length}>
        {docker.volumes.length === 0 ? (
          <p className="docker-empty">Aucun volume.</p>
        ) : (
          <ul className="docker-list" aria-label="Volumes">
            {docker.volumes.map((volume) => (
              <li key={volume.name} className="docker-row" data-volume={volume.name}>
                <span className="docker-row__line">
                  <span className="docker-row__name" title={volume.name}>
                    {volume.anonymous ? `${volume.name.slice(0, 12)}…` : volume.name}
                  </span>
                  <span className="docker-row__size">
                    {volume.anonymous ? 'anonyme' : volume.driver}
                  </span>
                </span>
                <span className="docker-row__meta">
                  {volume.mountedBy.length === 0 ? (
                    <span className="docker-dim">monté par aucun conteneur</span>
                  ) : (
                    volume.mountedBy.map((name) => (
                      <span key={name} className="chip">
                        {name}
                      </span>
                    ))
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  )
}
