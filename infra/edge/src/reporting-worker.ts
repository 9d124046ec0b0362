// The app entry, not the package index (which also exports migrations: node:url).
import { app } from '@tongxin/reporting/app';
import { createEdgeHandler } from './edge-handler.ts';

/** The reporting service as a Worker. */
export default createEdgeHandler(app);
