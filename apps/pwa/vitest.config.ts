import path from 'node:path'
import { defineProject } from 'vitest/config'
import solid from 'vite-plugin-solid'

// The `pwa` test project (listed in the root vitest.config.ts). Its tests live in tests/pwa but run
// from here, so solid-js and the testing library resolve to this app's single copy (dedupe).
export default defineProject({
  plugins: [solid()],
  resolve: { dedupe: ['solid-js', '@solidjs/testing-library', '@testing-library/jest-dom', '@urql/core', 'gql.tada', 'graphql'], conditions: ['browser', 'development'] },
  test: {
    name: 'pwa',
    dir: path.resolve(import.meta.dirname, '../../tests/pwa'),
    include: ['**/*.test.{ts,tsx}'],
    environment: 'jsdom',
    setupFiles: [path.resolve(import.meta.dirname, '../../tests/pwa/setup.ts')],
  },
})
