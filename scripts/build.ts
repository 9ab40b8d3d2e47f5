import { build } from 'tsdown';

// Builds dist/ from tsdown.config.ts through tsdown's API. Its command line warns on every run
// that Node 20 support will end in a later tsdown release, which is noise for people who
// only run the demo or pack the package; the build itself supports Node 20.
await build({ logLevel: 'warn' });
