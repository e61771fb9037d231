import { describe, expect, it } from 'vitest'
import { composePanelState, type ComposePanelProject } from '../../../src/sim/compose/snapshot'
import { Session } from '../../../src/sim/shell/session'

/** Two networks: the front end cannot reach the database, the api sits on both. */
const SHOP = `services:
  front:
    image: nginx
    ports: ["8080:80"]
    networks: [frontend]
  api:
    image: httpd
    networks: [frontend, backend]
    depends_on: [db]
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: secret
    volumes: [dbdata:/var/lib/postgresql/data]
    networks: [backend]
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U postgres"]
      interval: 5s
      retries: 5
networks:
  frontend:
  backend:
volumes:
  dbdata:
`

async function shop() {
  const session = await Session.create({ seed: 1 })
  await session.fs.mkdir('/home/student/shop', { recursive: true })
  await session.fs.writeFile('/home/student/shop/compose.yaml', SHOP)
  const run = async (line: string): Promise<number> => (await session.run(line)).exitCode
  expect(await run('cd shop')).toBe(0)
  /** The projects without container ids (random, and not what the view is about). */
  const projects = (): unknown[] =>
    composePanelState(session.world.docker).map((p: ComposePanelProject) => ({
      ...p,
      services: p.services.map((s) => ({
        ...s,
        containers: s.containers.map(({ id, ...c }) => {
          expect(id).toMatch(/^[0-9a-f]{64}$/)
          return c
        }),
      })),
    }))
  return { session, run, projects }
}

describe('the compose view snapshot', () => {
  it('has no project for containers compose did not create', async () => {
    const { run, session } = await shop()
    expect(await run('docker run -d --name web nginx')).toBe(0)
    expect(composePanelState(session.world.docker)).toEqual([])
  })

  it('shows the services with state and health, the networks they share and the volumes they mount', async () => {
    const { run, projects } = await shop()
    expect(await run('docker compose up -d')).toBe(0)
    expect(projects()).toEqual([
      {
        name: 'shop',
        workingDir: '/home/student/shop',
        status: 'running(3)',
        services: [
          {
            name: 'api',
            state: 'running',
            health: null,
            containers: [
              {
                name: 'shop-api-1',
                number: 1,
                state: 'running',
                status: 'Up Less than a second',
                health: null,
              },
            ],
            networks: ['backend', 'frontend'],
            volumes: [],
            ports: [],
          },
          {
            name: 'db',
            state: 'running',
            health: 'starting',
            containers: [
              {
                name: 'shop-db-1',
                number: 1,
                state: 'running',
                status: 'Up Less than a second (health: starting)',
                health: 'starting',
              },
            ],
            networks: ['backend'],
            volumes: ['dbdata'],
            ports: [],
          },
          {
            name: 'front',
            state: 'running',
            health: null,
            containers: [
              {
                name: 'shop-front-1',
                number: 1,
                state: 'running',
                status: 'Up Less than a second',
                health: null,
              },
            ],
            networks: ['frontend'],
            volumes: [],
            ports: ['8080→80'],
          },
        ],
        networks: [
          { name: 'backend', fullName: 'shop_backend', services: ['api', 'db'] },
          { name: 'frontend', fullName: 'shop_frontend', services: ['api', 'front'] },
        ],
        volumes: [{ name: 'dbdata', fullName: 'shop_dbdata', services: ['db'] }],
      },
    ])
  })

  it('turns db healthy once its healthcheck passes', async () => {
    const { session, run } = await shop()
    await run('docker compose up -d')
    // Each probe is an exec that completes asynchronously: let it finish between steps.
    for (let i = 0; i < 6; i++) {
      session.clock.advance(5_000)
      await new Promise((resolve) => setTimeout(resolve, 0))
    }
    const db = composePanelState(session.world.docker)[0]?.services.find((s) => s.name === 'db')
    expect([db?.health, db?.containers[0]?.status]).toEqual(['healthy', 'Up 30 seconds (healthy)'])
  })

  it('keeps a stopped service in its networks, exited, and counts it in the project status', async () => {
    const { session, run } = await shop()
    await run('docker compose up -d')
    expect(await run('docker compose stop api')).toBe(0)
    const [project] = composePanelState(session.world.docker)
    const api = project?.services.find((s) => s.name === 'api')
    expect([project?.status, api?.state, api?.networks]).toEqual([
      'exited(1), running(2)',
      'exited',
      ['backend', 'frontend'],
    ])
    expect(api?.containers[0]?.status).toMatch(/^Exited \(\d+\) Less than a second ago$/)
  })

  it('forgets the project after docker compose down', async () => {
    const { session, run } = await shop()
    await run('docker compose up -d')
    expect(await run('docker compose down')).toBe(0)
    expect(composePanelState(session.world.docker)).toEqual([])
  })
})
