import { build } from 'tsdown';

/**
 * Builds the package once before the tests that run it as a user would (the built command
 * line, the README's code pasted into a file that imports `sentry-event-filter`).
 */
export default async function setup(): Promise<void> {
  await build({ logLevel: 'warn' });
}
