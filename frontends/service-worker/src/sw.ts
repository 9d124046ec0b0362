/// <reference lib="webworker" />
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';

declare const self: ServiceWorkerGlobalScope;
declare const __PRECACHE_MANIFEST__: PrecacheEntry[];

// The shell and the member remote of one build, as one set: a page is served every file of the
// build it started with, from the cache, whatever was deployed since. A new build is a new
// worker that precaches its set beside the old one and waits (no skipWaiting) until no page
// of the old build is open, then drops the old set: the next visit is wholly the new build,
// never a mix of old and new chunks. `attempt` is the shell's Retry of a remote (esm-remote.ts).
precacheAndRoute(__PRECACHE_MANIFEST__, { ignoreURLParametersMatching: [/^utm_/, /^attempt$/] });
cleanupOutdatedCaches();

// Every page of the app is the shell's index.html (the runner's client routes), offline too.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//, /^\/remotes\//, /^\/sw\.js$/] }));

// Which remote is where: the network's answer when there is one (a county may switch a remote),
// the last one otherwise. Kept at install too: the page that installed the worker read it
// before the worker was there to keep it, and the next visit may be offline.
const REMOTES_CACHE = 'tongxin-remotes';
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(REMOTES_CACHE).then((cache) => cache.add('/remotes.json')).catch(() => undefined));
});
registerRoute(({ url, sameOrigin }) => sameOrigin && url.pathname === '/remotes.json', new NetworkFirst({ cacheName: REMOTES_CACHE, networkTimeoutSeconds: 4 }));
