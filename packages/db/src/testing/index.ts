export { createTestDatabase } from './test-database.ts';
export { testEnv } from './env.ts';
