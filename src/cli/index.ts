#!/usr/bin/env node
// TODO(cli): the `check`, `explain` and `init` commands replace this placeholder.
console.error('sentry-event-filter: the command-line tool is not built yet');
process.exit(2);
