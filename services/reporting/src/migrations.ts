import { fileURLToPath } from 'node:url';
import type { ServiceMigrations } from '@tongxin/db';

export const migrations: ServiceMigrations = { schema: 'reporting', folder: fileURLToPath(new URL('../drizzle', import.meta.url)) };
