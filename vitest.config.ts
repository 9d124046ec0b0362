import { defineConfig } from 'vitest/config';

// One run over every workspace's tests; `npm test` runs it once per database driver.
export default defineConfig({
  test: {
    include: ['{packages,services,infra}/*/src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
