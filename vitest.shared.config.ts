import { defineConfig } from 'vitest/config';

// Suites that read ../shared (the event corpus and the field cases), which CI places beside
// the clone. Run with `npm run test:shared`.
export default defineConfig({
  test: {
    include: ['test/shared/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
