/**
 * The web build's service worker, out/web/sw.js (see scripts/vite/offline-service-worker.mts):
 * keeps every file of the build in a cache at install time, so after one visit the page, its
 * Worker and all their chunks load with no server at all. A new build has a new cache name; the
 * previous cache is dropped once the new one is in place.
 */

/** Filled in at build time: every file of out/web, relative to this script, and the cache name. */
declare const __QUAI_PRECACHE__: readonly string[]
declare const __QUAI_CACHE_NAME__: string

const CACHE_PREFIX = 'quai-offline-'

/** The members of the service worker events and global scope used here (not in the DOM lib). */
interface LifecycleEvent extends Event {
  waitUntil(work: Promise<unknown>): void
}

interface FetchingEvent extends LifecycleEvent {
  readonly request: Request
  respondWith(response: Promise<Response>): void
}

interface ServiceWorkerScope {
  readonly location: { readonly href: string }
  readonly clients: { claim(): Promise<void> }
  skipWaiting(): Promise<void>
  addEventListener(type: 'install' | 'activate', listener: (event: LifecycleEvent) => void): void
  addEventListener(type: 'fetch', listener: (event: FetchingEvent) => void): void
}

const scope = globalThis as unknown as ServiceWorkerScope
const here = new URL(scope.location.href)
const urlOf = (path: string): string => new URL(path, here).href
const APP_SHELL = urlOf('./index.html')

async function precache(): Promise<void> {
  const cache = await caches.open(__QUAI_CACHE_NAME__)
  // 'reload': straight from the server, never a stale copy from the HTTP cache.
  await cache.addAll(__QUAI_PRECACHE__.map((path) => new Request(urlOf(path), { cache: 'reload' })))
  await scope.skipWaiting()
}

async function dropOldCaches(): Promise<void> {
  const names = await caches.keys()
  await Promise.all(
    names
      .filter((name) => name.startsWith(CACHE_PREFIX) && name !== __QUAI_CACHE_NAME__)
      .map((name) => caches.delete(name)),
  )
  // The page that registered this worker is served by it from now on, not only after a reload.
  await scope.clients.claim()
}

async function respond(request: Request): Promise<Response> {
  const cache = await caches.open(__QUAI_CACHE_NAME__)
  // ignoreVary: servers that send `Vary: Origin` would otherwise miss for module scripts, which
  // are fetched in CORS mode (with an Origin header) while the precache requests were not.
  const cached = await cache.match(request, { ignoreSearch: true, ignoreVary: true })
  if (cached !== undefined) return cached
  // Any address inside the app (`./`, `./?reset`) is the single page.
  if (request.mode === 'navigate') {
    const shell = await cache.match(APP_SHELL, { ignoreVary: true })
    if (shell !== undefined) return shell
  }
  return fetch(request)
}

scope.addEventListener('install', (event) => event.waitUntil(precache()))
scope.addEventListener('activate', (event) => event.waitUntil(dropOldCaches()))
scope.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET' || new URL(request.url).origin !== here.origin) return
  event.respondWith(respond(request))
})

export {}
