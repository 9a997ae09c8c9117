import { defineConfig } from 'vitest/config';

// Unit and integration tests run in plain Node against the real core (no Electron binary).
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // One fork (Vitest's default on two cores): the tests share one keychain, and every sandbox
    // sign-in keeps its tokens under the sandbox app's one client id, so two forks clobber
    // each other's tokens (tried: 13 files failed).
  },
});
