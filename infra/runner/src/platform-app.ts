import type { ServiceBindings } from '@tongxin/trpc';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { services } from './services.ts';

/** Every service on one origin: `/api/<service>/…`. Static frontends are added by the Node host. */
export function createPlatformApp() {
  const app = new Hono<{ Bindings: ServiceBindings }>();
  app.use('*', secureHeaders({ crossOriginResourcePolicy: false, crossOriginEmbedderPolicy: false }));
  for (const service of services) app.route('/', service.app);
  app.notFound((c) =>
    c.req.path.startsWith('/api/') ? c.json({ error: { code: 'NOT_FOUND', message: `No such endpoint: ${c.req.path}` } }, 404) : c.text('Not found', 404),
  );
  return app;
}
