import { fileURLToPath } from 'node:url';
import type { ServiceMigrations } from '@tongxin/db';

export const migrations: ServiceMigrations = { schema: 'scoring', folder: fileURLToPath(new URL('../drizzle', import.meta.url)) };
