import { configDefaults, defineConfig } from 'vitest/config'

// Several API processes sharing one database is the PostgreSQL deployment (with Redis); the embedded
// SQLite default is one process, so that suite runs with `pnpm test:pg` only.
const postgresOnly = process.env.TEST_DATABASE === 'postgresql' ? [] : ['tests/api/scale-out*.test.ts']

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'domain',
          include: ['packages/domain/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        // Pothos loads graphql's CommonJS build; the app must share that one instance, not the .mjs copy.
        resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
        test: {
          name: 'api',
          include: ['tests/api/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...postgresOnly],
          environment: 'node',
          globalSetup: ['tests/fixtures/api-global-setup.ts'],
          setupFiles: ['tests/fixtures/test-database.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      'apps/pwa/vitest.config.ts',
      {
        // The built PWA and the real server in Debian's Chromium (see tests/e2e/global-setup.ts).
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
