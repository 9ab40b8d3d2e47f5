import { basename } from 'node:path';

/** The shapes of starter configuration: an ES module, a CommonJS module, or JSONC. */
export type StarterKind = 'module' | 'commonjs' | 'jsonc';

/**
 * The commented starter configuration `init` writes, for the file `name`. A JavaScript
 * module by default, so comments are plain and the same file can later import real
 * exception classes, and so the application can import it too:
 * `new SentryEventFilter(options)`. JSONC is offered for teams that want data only.
 */
export function starterConfig(kind: StarterKind, name: string): string {
  if (kind === 'jsonc') {
    return JSONC_STARTER;
  }
  const specifier = `./${basename(name)}`;
  const [loading, exporting] =
    kind === 'module'
      ? [`import options from '${specifier}';`, 'export default {']
      : [`const options = require('${specifier}');`, 'module.exports = {'];
  return `// Configuration for sentry-event-filter, read by its \`check\` command.
// Your application can use the same options:
//   ${loading}
//   const filter = new SentryEventFilter(options);
// Every option is optional. With none set, sensitive information is removed and nothing is
// dropped.

/** @type {import('sentry-event-filter').SentryEventFilterOptions} */
${exporting}${MODULE_OPTIONS}`;
}

const MODULE_OPTIONS = `
  // Error events whose exception is one of these are dropped. Write classes by name (the
  // name matches the exception \`type\` in events), or import the classes themselves.
  filteredOutExceptions: [
    // 'AuthCancelledError',
  ],

  // Events whose exception is one of these are tagged user_caused: "true".
  userCausedExceptions: [
    // 'ValidationError',
  ],

  // Events, breadcrumbs and log records from these loggers are dropped: exact names, dot
  // hierarchies ('http.security' also covers 'http.security.csrf') or globs ('worker.*').
  ignoredLoggers: [
    // 'http.security',
  ],

  // Match the exception lists against every cause in the chain, not only the captured error.
  matchCauses: false,

  // true sends everything as it is, without removing sensitive information.
  sensitiveLoggingEnabled: false,

  scrub: {
    // More sensitive key names, compared word by word like the built-in ones.
    keys: [],
    // Key names never filtered by name; their values are still scanned.
    exemptKeys: [],
    // Switch detectors off by name, for example { ipAddress: false }.
    detectors: {},
  },
};
`;

const JSONC_STARTER = `// Configuration for sentry-event-filter, read by its \`check\` command.
// JSON with comments. Every option is optional. With none set, sensitive information is
// removed and nothing is dropped.
{
  // Error events whose exception is one of these are dropped, by class name (the name
  // matches the exception \`type\` in events).
  "filteredOutExceptions": [],

  // Events whose exception is one of these are tagged user_caused: "true".
  "userCausedExceptions": [],

  // Events, breadcrumbs and log records from these loggers are dropped: exact names, dot
  // hierarchies ("http.security" also covers "http.security.csrf") or globs ("worker.*").
  "ignoredLoggers": [],

  // Match the exception lists against every cause in the chain, not only the captured error.
  "matchCauses": false,

  // true sends everything as it is, without removing sensitive information.
  "sensitiveLoggingEnabled": false,

  "scrub": {
    // More sensitive key names, compared word by word like the built-in ones.
    "keys": [],
    // Key names never filtered by name; their values are still scanned.
    "exemptKeys": [],
    // Switch detectors off by name, for example { "ipAddress": false }.
    "detectors": {}
  }
}
`;
