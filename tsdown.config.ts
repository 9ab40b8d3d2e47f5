import { defineConfig } from 'tsdown';

// Plugin timing notes are about tsdown's own declaration plugin, not something to act on.
const checks = { pluginTimings: false };

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    platform: 'neutral',
    target: 'node20',
    clean: true,
    checks,
  },
  {
    entry: { cli: 'src/cli/index.ts' },
    format: ['esm'],
    dts: false,
    platform: 'node',
    target: 'node20',
    clean: false,
    checks,
  },
]);
