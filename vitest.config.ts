import { defineConfig } from 'vitest/config';

// One run over every workspace's tests; `npm test` runs it once per database driver.
export default defineConfig({
  test: {
    // Frontend tests cover pure logic only (no DOM): they run in Node beside the rest.
    include: ['{packages,services,infra,frontends}/*/src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
