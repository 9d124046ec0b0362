// The app entry, not the package index (which also exports migrations: node:url).
import { app } from '@tongxin/tasks/app';
import { createEdgeHandler } from './edge-handler.ts';

/** The tasks service as a Worker. */
export default createEdgeHandler(app);
