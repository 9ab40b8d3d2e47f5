import { type Client, SDK_VERSION } from '@sentry/core';
import { warnAlways } from './debug.ts';

let warned = false;

/**
 * The version of the Sentry SDK a client runs on, when it says, and whether it is not the
 * `@sentry/core` this package loaded. Sentry keeps its scopes per SDK version, so with two
 * versions installed (an app pinned to `@sentry/node` 11.12 while npm filled this package's
 * peer dependency with a newer `@sentry/core`), the scopes this package reads and sets are not
 * the client's: `runJob` sets its context on a scope no event sees, and the live trace id
 * for the request id comes from an idle scope.
 */
function otherCoreVersion(client: Client): string | undefined {
  const version = client.getSdkMetadata()?.sdk?.version;
  return typeof version === 'string' && version !== SDK_VERSION ? version : undefined;
}

/**
 * Warns once per process that the client runs on another `@sentry/core` than this package.
 * Not behind `debug`: the application would otherwise lose job context and request ids
 * without a word.
 */
export function warnAboutCoreCopies(client: Client): void {
  const version = otherCoreVersion(client);
  if (version === undefined || warned) {
    return;
  }
  warned = true;
  warnAlways(
    `the Sentry client runs on @sentry/core ${version}, this package on ` +
      `${SDK_VERSION}. Scopes are not shared between versions, so runJob's job context and the ` +
      `request id taken from the trace are lost. Run npm install --save-exact ` +
      `@sentry/core@${version} so there is one version (npm ls @sentry/core shows them).`,
  );
}
