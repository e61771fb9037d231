/**
 * The labels Compose v2 puts on what it creates (docker/compose pkg/api/labels.go). They are how
 * compose finds its project again: `ps`, `down` and the next `up` read the engine's objects by
 * them, so `docker ps`, `docker inspect` and `docker network ls` show the same ones as real compose.
 */

/** The Compose version Quai answers as (`docker compose version`, the version label). */
export const COMPOSE_VERSION = '2.36.2'

export const LABEL = {
  project: 'com.docker.compose.project',
  service: 'com.docker.compose.service',
  containerNumber: 'com.docker.compose.container-number',
  oneoff: 'com.docker.compose.oneoff',
  configFiles: 'com.docker.compose.project.config_files',
  workingDir: 'com.docker.compose.project.working_dir',
  configHash: 'com.docker.compose.config-hash',
  version: 'com.docker.compose.version',
  dependsOn: 'com.docker.compose.depends_on',
  image: 'com.docker.compose.image',
  network: 'com.docker.compose.network',
  volume: 'com.docker.compose.volume',
  slug: 'com.docker.compose.slug',
  replace: 'com.docker.compose.replace',
} as const
