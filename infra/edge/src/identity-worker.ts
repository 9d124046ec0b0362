// The app entry, not the package index (which also exports migrations: node:url).
import { app } from '@tongxin/identity/app';
import { createEdgeHandler } from './edge-handler.ts';

/** The identity service as a Worker: needs ACCESS_PRIVATE_JWK as a secret to mint tokens. */
export default createEdgeHandler(app);
