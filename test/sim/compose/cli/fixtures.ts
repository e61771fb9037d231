/**
 * Compose projects built in code (the loader's output shape), for testing the commands without
 * going through compose files.
 */
import type { ComposeProject, ServiceConfig } from '../../../../src/sim/compose/model'
import { runComposeWith } from '../../../../src/sim/compose/cli/docker-compose'
import type { Session } from '../../../../src/sim/shell/session'

export function service(name: string, fields: Partial<ServiceConfig> = {}): ServiceConfig {
  return {
    name,
    environment: {},
    ports: [],
    expose: [],
    volumes: [],
    networks: {},
    depends_on: {},
    profiles: [],
    labels: {},
    secrets: [],
    configs: [],
    extra: {},
    ...fields,
  }
}

export function project(
  services: ServiceConfig[],
  fields: Partial<ComposeProject> = {},
): ComposeProject {
  const name = fields.name ?? 'app'
  return {
    name,
    workingDir: '/home/student/app',
    configFiles: ['/home/student/app/compose.yaml'],
    services: Object.fromEntries(services.map((s) => [s.name, s])),
    disabledServices: {},
    networks: { default: { name: `${name}_default`, labels: {}, extra: {} } },
    volumes: {},
    secrets: {},
    configs: {},
    environment: {},
    warnings: [],
    ...fields,
  }
}

/** Runs `docker compose ARGS` with `p` as the project its files would give. */
export function compose(session: Session, p: ComposeProject | undefined, args: string) {
  const words = args.split(' ').filter((w) => w !== '')
  return runComposeWith(words, session.world, session.commandContext(), () =>
    Promise.resolve(
      p
        ? { ok: true as const, value: p }
        : {
            ok: false as const,
            error: { message: 'no configuration file provided: not found', exitCode: 14 },
          },
    ),
  )
}
