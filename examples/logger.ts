import pino from 'pino';

/**
 * One pino root logger for the shop; every part of the app logs through a named child. The
 * names form a dot hierarchy, which is what `ignoredLoggers` matches on.
 */
export const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });

export const httpLog = logger.child({ name: 'http' });

/**
 * The Host-header check, one of the `http.security.*` loggers. Every scanner on the internet
 * trips it, so it logs a lot at error level and none of it is worth an alert.
 */
export const disallowedHostLog = logger.child({ name: 'http.security.disallowed_host' });

export const jobLog = logger.child({ name: 'worker.jobs' });
