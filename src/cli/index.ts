#!/usr/bin/env node
// The `sentry-event-filter` command. Everything happens in the runner; this file only hands
// it the process and sets the exit code.
import { runCli } from './main.ts';

process.exitCode = await runCli(process.argv.slice(2));
