import { z } from 'zod';

/** How the test suite reaches a database; set by `npm test` for each pass. */
export const testEnv = z
  .object({
    TEST_DB_DRIVER: z.enum(['pglite', 'neon', 'pg']).default('pglite'),
    DATABASE_URL: z.string().url().optional(),
    NEON_WS_PROXY: z.string().optional(),
  })
  .parse(process.env);
