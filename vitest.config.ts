import { defineConfig } from 'vitest/config';

// `npm test`: everything that runs from a fresh clone. Suites that read `../shared` (the
// event corpus and the field cases) live in test/shared and run with vitest.shared.config.ts.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    exclude: ['test/shared/**', 'node_modules/**'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    coverage: {
      provider: 'v8',
      include: ['src/**'],
    },
  },
});
