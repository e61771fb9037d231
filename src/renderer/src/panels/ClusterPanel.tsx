import { useState } from 'react'
import type { QuaiApi, SessionState } from '../../../shared/ipc'
import type {
  ClusterPanelCluster,
  ClusterPanelNode,
  ClusterPanelPod,
} from '../../../sim/kube/snapshot'
import {
  DEFAULT_FILTER,
  filterCluster,
  groupWorkloads,
  isSystemNamespace,
  nodeCommand,
  podLabel,
  podsByNode,
  type ClusterFilter,
} from './cluster-view'
import './cluster-panel.css'

type ClusterState = SessionState['cluster']

const TONE_LABEL: Record<ClusterPanelPod['tone'], string> = {
  running: 'en marche',
  pending: 'en attente',
  failed: 'en échec',
  terminating: 'en arrêt',
  completed: 'terminé',
  unknown: 'inconnu',
}

function PodChip({
  pod,
  filter,
}: {
  pod: ClusterPanelPod
  filter: ClusterFilter
}): React.JSX.Element {
  const label = podLabel(pod, filter)
  return (
    <li
      className={`pod pod--${pod.tone}`}
      data-pod={pod.name}
      data-namespace={pod.namespace}
      data-tone={pod.tone}
      data-status={pod.status}
      title={`${pod.namespace}/${pod.name}\n${pod.status} (${TONE_LABEL[pod.tone]}) · prêt ${pod.ready}${
        pod.restarts > 0 ? ` · ${pod.restarts} redémarrage(s)` : ''
      }${pod.ip !== '' ? ` · ${pod.ip}` : ''}`}
    >
      <span className="pod__name">{label}</span>
      <span className="pod__status">
        {pod.status}
        {pod.restarts > 0 ? ` ↻${pod.restarts}` : ''}
      </span>
    </li>
  )
}

function NodeBox({
  node,
  pods,
  filter,
  onAction,
}: {
  node: ClusterPanelNode
  pods: readonly ClusterPanelPod[]
  filter: ClusterFilter
  onAction: (action: 'stop' | 'start') => void
}): React.JSX.Element {
  const stopped = node.machine === 'stopped'
  const role = node.roles.includes('control-plane') ? 'control-plane' : 'worker'
  return (
    <section
      className={`node${node.ready ? '' : ' node--notready'}${stopped ? ' node--stopped' : ''}`}
      aria-label={`Nœud ${node.name}`}
      data-node={node.name}
      data-status={node.status}
      data-machine={node.machine}
    >
      <header className="node__header">
        <span className="node__name">{node.name}</span>
        <span className={`node__role node__role--${role}`}>{role}</span>
      </header>
      <div className="node__badges">
        {node.status.split(',').map((word) => (
          <span
            key={word}
            className={`node-status node-status--${word.toLowerCase()}`}
            data-testid="node-status"
          >
            {word}
          </span>
        ))}
        {node.machine !== 'running' && (
          <span className={`node-machine node-machine--${node.machine}`}>
            {node.machine === 'stopped'
              ? 'machine arrêtée'
              : node.machine === 'paused'
                ? 'en pause'
                : 'machine ?'}
          </span>
        )}
        {node.internalIP !== '' && <span className="cluster-dim">{node.internalIP}</span>}
      </div>
      {pods.length === 0 ? (
        <p className="cluster-dim node__empty">aucun pod</p>
      ) : (
        <ul className="pods" aria-label={`Pods sur ${node.name}`}>
          {pods.map((pod) => (
            <PodChip key={`${pod.namespace}/${pod.name}`} pod={pod} filter={filter} />
          ))}
        </ul>
      )}
      {node.machine !== 'unknown' && (
        <button
          type="button"
          className="node__action"
          onClick={() => onAction(stopped ? 'start' : 'stop')}
          title={`Tape « ${stopped ? 'minikube node start' : 'minikube node stop'} ${node.name} » dans le terminal`}
        >
          {stopped ? 'Démarrer le nœud' : 'Arrêter le nœud'}
        </button>
      )}
    </section>
  )
}

function Filters({
  cluster,
  filter,
  onChange,
  labelError,
}: {
  cluster: ClusterPanelCluster
  filter: ClusterFilter
  onChange: (filter: ClusterFilter) => void
  labelError: string | null
}): React.JSX.Element {
  const namespaces = cluster.namespaces.filter((ns) => filter.showSystem || !isSystemNamespace(ns))
  return (
    <div className="cluster-filters" role="group" aria-label="Filtres">
      <label>
        Namespace{' '}
        <select
          value={filter.namespace ?? ''}
          onChange={(event) =>
            onChange({
              ...filter,
              namespace: event.target.value === '' ? null : event.target.value,
            })
          }
        >
          <option value="">{filter.showSystem ? 'tous' : 'tous (hors système)'}</option>
          {namespaces.map((ns) => (
            <option key={ns} value={ns}>
              {ns}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          checked={filter.showSystem}
          onChange={(event) => {
            const showSystem = event.target.checked
            const hidden =
              !showSystem && filter.namespace !== null && isSystemNamespace(filter.namespace)
            onChange({ ...filter, showSystem, namespace: hidden ? null : filter.namespace })
          }}
        />{' '}
        kube-system
      </label>
      <label className="cluster-filters__labels">
        Labels{' '}
        <input
          type="text"
          placeholder="app=web"
          spellCheck={false}
          value={filter.labels}
          aria-invalid={labelError !== null}
          onChange={(event) => onChange({ ...filter, labels: event.target.value })}
        />
      </label>
      {labelError !== null && (
        <p className="cluster-filters__error" role="alert">
          {labelError}
        </p>
      )}
    </div>
  )
}

function ClusterSection({
  title,
  count,
  children,
}: {
  title: string
  count?: number
  children: React.ReactNode
}): React.JSX.Element {
  const id = `cluster-${title.toLowerCase().replace(/[^a-z]/g, '')}`
  return (
    <section className="docker-section" aria-labelledby={id}>
      <h3 id={id} className="docker-section__title">
        {title} {count !== undefined && <span className="docker-section__count">{count}</span>}
      </h3>
      {children}
    </section>
  )
}

function ClusterView({
  cluster,
  filter,
  onFilter,
  run,
}: {
  cluster: ClusterPanelCluster
  filter: ClusterFilter
  onFilter: (filter: ClusterFilter) => void
  run: (line: string) => void
}): React.JSX.Element {
  const view = filterCluster(cluster, filter)
  const byNode = podsByNode(view.pods)
  const pending = byNode.get(null) ?? []
  const groups = groupWorkloads(view.workloads)
  return (
    <>
      <Filters cluster={cluster} filter={filter} onChange={onFilter} labelError={view.labelError} />
      <ClusterSection title="Nœuds" count={cluster.nodes.length}>
        <div className="nodes">
          {cluster.nodes.map((node) => (
            <NodeBox
              key={node.name}
              node={node}
              pods={byNode.get(node.name) ?? []}
              filter={filter}
              onAction={(action) => run(nodeCommand(cluster.profile, node.name, action))}
            />
          ))}
        </div>
        {pending.length > 0 && (
          <section
            className="pending-lane"
            aria-label="Pods non planifiés"
            data-testid="pending-lane"
          >
            <h4 className="pending-lane__title">Pending — en attente d’un nœud</h4>
            <ul className="pods">
              {pending.map((pod) => (
                <PodChip key={`${pod.namespace}/${pod.name}`} pod={pod} filter={filter} />
              ))}
            </ul>
          </section>
        )}
      </ClusterSection>

      <ClusterSection title="Workloads" count={groups.length}>
        {groups.length === 0 ? (
          <p className="docker-empty">
            Aucun. Essayez <code>kubectl create deployment web --image=nginx --replicas=3</code>
          </p>
        ) : (
          <ul className="docker-list" aria-label="Workloads">
            {groups.map(({ workload, children }) => (
              <li
                key={`${workload.namespace}/${workload.kind}/${workload.name}`}
                className="docker-row"
                data-workload={`${workload.kind}/${workload.name}`}
              >
                <span className="docker-row__line">
                  <span className="docker-row__name">
                    <span className="kind">{workload.kind}</span> {workload.name}
                  </span>
                  <span
                    className={`ratio${workload.ready < workload.desired ? ' ratio--short' : ''}`}
                    data-testid="ready-ratio"
                  >
                    {workload.ready}/{workload.desired}
                  </span>
                </span>
                {workload.namespace !== 'default' && (
                  <span className="docker-row__meta cluster-dim">{workload.namespace}</span>
                )}
                {children.length > 0 && (
                  <ul className="workload-children">
                    {children.map((rs) => (
                      <li
                        key={rs.name}
                        className={rs.desired === 0 ? 'cluster-dim' : ''}
                        data-workload={`ReplicaSet/${rs.name}`}
                      >
                        <span className="kind">ReplicaSet</span> {rs.name}{' '}
                        <span className="ratio">
                          {rs.ready}/{rs.desired}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
      </ClusterSection>

      <ClusterSection title="Services" count={view.services.length}>
        {view.services.length === 0 ? (
          <p className="docker-empty">Aucun service.</p>
        ) : (
          <ul className="docker-list" aria-label="Services">
            {view.services.map((service) => (
              <li
                key={`${service.namespace}/${service.name}`}
                className="docker-row"
                data-service={service.name}
              >
                <span className="docker-row__line">
                  <span className="docker-row__name">{service.name}</span>
                  <span className="docker-row__size">{service.type}</span>
                </span>
                <span className="docker-row__meta">
                  <span className="chip chip--port">{service.ports}</span>
                  <span className="chip" title="Sélecteur">
                    {service.selector}
                  </span>
                  {service.clusterIP !== '' && (
                    <span className="cluster-dim">{service.clusterIP}</span>
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
      </ClusterSection>

      <ClusterSection title="Événements" count={view.events.length}>
        {view.events.length === 0 ? (
          <p className="docker-empty">Aucun événement.</p>
        ) : (
          <ol className="events" aria-label="Événements" data-testid="events">
            {view.events.map((event, i) => (
              <li
                key={`${i}-${event.object}-${event.reason}`}
                className={`event event--${event.type.toLowerCase()}`}
              >
                <span className="event__age">{event.age}</span>
                <span className="event__type">{event.type}</span>
                <span className="event__reason">{event.reason}</span>
                <span className="event__object">{event.object}</span>
                <span className="event__message">
                  {event.message}
                  {event.count > 1 ? ` (×${event.count})` : ''}
                </span>
              </li>
            ))}
          </ol>
        )}
      </ClusterSection>
    </>
  )
}

/** The Kubernetes panel: nodes with their pods, workloads, services and events, live. */
export function ClusterPanel({
  host,
  state,
}: {
  host: QuaiApi
  state: ClusterState | undefined
}): React.JSX.Element {
  const [filter, setFilter] = useState<ClusterFilter>(DEFAULT_FILTER)
  const [profile, setProfile] = useState<string | null>(null)

  if (state === undefined) return <p className="side-panel__placeholder">Connexion au cluster…</p>
  if (state.clusters.length === 0)
    return (
      <div className="cluster-panel" data-testid="cluster-panel">
        <p className="docker-empty cluster-empty">
          Aucun cluster — lancez <code>minikube start</code>
        </p>
      </div>
    )
  const cluster = state.clusters.find((c) => c.profile === profile) ?? state.clusters[0]
  if (cluster === undefined) return <></>
  return (
    <div className="cluster-panel" data-testid="cluster-panel" data-profile={cluster.profile}>
      <div className="cluster-header">
        {state.clusters.length > 1 ? (
          <label>
            Profil{' '}
            <select value={cluster.profile} onChange={(event) => setProfile(event.target.value)}>
              {state.clusters.map((c) => (
                <option key={c.profile} value={c.profile}>
                  {c.profile}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span className="cluster-header__profile">{cluster.profile}</span>
        )}
        <span className="cluster-dim">
          {cluster.kubernetesVersion} · {cluster.server}
        </span>
      </div>
      <ClusterView
        cluster={cluster}
        filter={filter}
        onFilter={setFilter}
        run={(line) => host.runLine(line)}
      />
    </div>
  )
}
