import { fileURLToPath } from 'node:url';
import type { ServiceMigrations } from '@tongxin/db';

export const migrations: ServiceMigrations = { schema: 'roster', folder: fileURLToPath(new URL('../drizzle', import.meta.url)) };
