// The app entry, not the package index: the index also exports the migrations (a node:url
// file path, evaluated at import), which a Worker must not load.
import { app } from '@tongxin/roster/app';
import { createEdgeHandler } from './edge-handler.ts';

/** The roster service as a Worker (wrangler.toml `main`). */
export default createEdgeHandler(app);
