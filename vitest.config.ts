import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // one graphql for everyone: Vite would otherwise load the ESM build for our code and Node the CJS build for libraries
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['test/**/*.test.ts', 'subgraphs/*/src/**/*.test.ts', 'gateway/src/**/*.test.ts', 'fakes/src/**/*.test.ts'],
    setupFiles: ['reflect-metadata', 'test/support/no-internet.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: { NODE_ENV: 'test', LOG_LEVEL: process.env.LOG_LEVEL ?? 'error' },
  },
});
