import { consoleSandbox } from '@sentry/core';

/** The prefix of every line this package writes, so its own lines can be recognised. */
export const LOG_PREFIX = '[sentry-event-filter]';

type Level = 'info' | 'warn' | 'error';

/**
 * The package's way to write diagnostics: opt-in, prefixed, and free when off (`warnAlways`
 * is the one exception).
 */
export interface DebugLogger {
  readonly enabled: boolean;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const SILENT: DebugLogger = {
  enabled: false,
  info() {},
  warn() {},
  error() {},
};

/**
 * Returns a logger that writes to the console only when `enabled` is true.
 *
 * Writes go through Sentry's console sandbox, so the SDK's console instrumentation never
 * captures them as breadcrumbs, log records or events.
 */
export function createDebugLogger(enabled: boolean): DebugLogger {
  if (!enabled) {
    return SILENT;
  }

  return {
    enabled: true,
    info: (message) => write('info', message),
    warn: (message) => write('warn', message),
    error: (message) => write('error', message),
  };
}

/**
 * Writes a warning whatever `debug` says, through the same sandbox and with the same prefix:
 * only for a setup that would otherwise lose data without a word.
 */
export function warnAlways(message: string): void {
  write('warn', message);
}

function write(level: Level, message: string): void {
  try {
    consoleSandbox(() => {
      const sink = globalThis.console;
      sink?.[level]?.(`${LOG_PREFIX} ${message}`);
    });
  } catch {
    // A console that throws (test setups that fail on any output do) must not turn a
    // diagnostic into an error in the application; the line is lost.
  }
}
