import type { SessionState } from '../../../shared/ipc'
import './compose-view.css'

type Project = SessionState['compose'][number]
type Service = Project['services'][number]

function ServiceCard({ service }: { service: Service }): React.JSX.Element {
  const replicas = service.containers.length
  return (
    <li
      className={`compose-service compose-service--${service.state}`}
      data-service={service.name}
      data-state={service.state}
      data-health={service.health ?? 'none'}
    >
      <span className="docker-row__line">
        <span className="docker-row__name">{service.name}</span>
        <span className={`state-badge state-badge--${service.state}`} data-testid="state-badge">
          {service.state}
        </span>
        {service.health !== null && (
          <span className={`health health--${service.health}`} data-testid="health">
            {service.health}
          </span>
        )}
      </span>
      <span className="docker-row__meta">
        {replicas > 1 && <span>{replicas} conteneurs</span>}
        {service.ports.map((port) => (
          <span key={port} className="chip chip--port">
            {port}
          </span>
        ))}
        {service.volumes.map((volume) => (
          <span key={volume} className="chip chip--volume" title="Volume">
            ⛁ {volume}
          </span>
        ))}
      </span>
      <span className="docker-row__status">
        {service.containers.map((c) => c.status).join(' · ')}
      </span>
    </li>
  )
}

function ProjectCard({ project }: { project: Project }): React.JSX.Element {
  return (
    <section
      className="compose-project"
      aria-label={`Projet ${project.name}`}
      data-compose-project={project.name}
    >
      <header className="compose-project__header">
        <span className="compose-project__name">{project.name}</span>
        <span className="docker-dim">{project.status}</span>
      </header>
      {project.workingDir !== '' && (
        <p className="compose-project__dir docker-dim">{project.workingDir}</p>
      )}
      <ul className="docker-list" aria-label={`Services de ${project.name}`}>
        {project.services.map((service) => (
          <ServiceCard key={service.name} service={service} />
        ))}
      </ul>
      {project.networks.length > 0 && (
        <>
          <h4 className="compose-project__subtitle">Réseaux</h4>
          <div className="compose-networks">
            {project.networks.map((network) => (
              <div
                key={network.name}
                className="compose-network"
                data-compose-network={network.name}
                title={network.fullName}
              >
                <span className="compose-network__name">{network.name}</span>
                <div className="compose-network__members">
                  {network.services.length === 0 ? (
                    <span className="docker-dim">aucun service</span>
                  ) : (
                    network.services.map((name) => (
                      <span key={name} className="chip compose-network__service">
                        {name}
                      </span>
                    ))
                  )}
                </div>
              </div>
            ))}
          </div>
        </>
      )}
      {project.volumes.length > 0 && (
        <>
          <h4 className="compose-project__subtitle">Volumes</h4>
          <ul className="compose-volumes">
            {project.volumes.map((volume) => (
              <li key={volume.name} data-compose-volume={volume.name} title={volume.fullName}>
                <span className="compose-volume__name">⛁ {volume.name}</span>
                {volume.services.length === 0 ? (
                  <span className="docker-dim"> monté par aucun service</span>
                ) : (
                  volume.services.map((name) => (
                    <span key={name} className="chip">
                      {name}
                    </span>
                  ))
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}

/**
 * The Compose projects in the Docker panel: each service with its state and health, the
 * networks as groups (which services can reach which), and the volumes they mount.
 */
export function ComposeView({ projects }: { projects: Project[] }): React.JSX.Element {
  return (
    <div className="compose-view" data-testid="compose-view">
      {projects.map((project) => (
        <ProjectCard key={project.name} project={project} />
      ))}
    </div>
  )
}
