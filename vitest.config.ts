import { defineConfig } from 'vitest/config';

// Unit and integration tests run in plain Node against the real core (no Electron binary).
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Two forks on CI's two cores: most long tests wait on a rate limit or an outage's back-off,
    // not on the CPU, and Vitest's default (cores - 1) ran the whole suite in one fork.
    maxWorkers: 2,
  },
});
