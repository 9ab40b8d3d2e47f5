import { isThenable } from '@sentry/core';
import { type DebugLogger, LOG_PREFIX } from '../debug.ts';
import { describeFailure } from '../failure.ts';
import type { ItemKind } from './stats.ts';

/**
 * A logger for drop notices: anything with an `info` method, such as `console` or a pino or
 * bunyan logger. Loggers with a `child` method are taken for structured loggers that read
 * fields first, `info(fields, message)`, and get the rule and event id as fields too. Winston
 * reads the message first: give it as `{ info: (line) => winston.info(line) }`.
 */
export interface DropLogger {
  info(...args: never[]): unknown;
}

/** One drop, described without any of the dropped item's data. */
export interface DropNotice {
  readonly kind: ItemKind;
  /** The option and entry that matched, as in `filter.stats().rules`. */
  readonly rule: string;
  readonly eventId: string | undefined;
}

interface RuleWindow {
  lastWrittenAt: number;
  suppressed: number;
}

/**
 * Writes one line per drop, at most one per rule per interval, and tells whether a write is
 * under way so that what the write itself causes (a console capture, a pino record) can be
 * recognised and never loops back through the filter.
 */
export class DropLog {
  readonly #logger: DropLogger | undefined;
  readonly #debug: DebugLogger;
  readonly #intervalMs: number;
  readonly #windows = new Map<string, RuleWindow>();
  readonly #now: () => number;
  #writing = false;

  constructor(
    logger: DropLogger | undefined,
    debug: DebugLogger,
    intervalMs: number,
    now: () => number = Date.now,
  ) {
    this.#logger = logger;
    this.#debug = debug;
    this.#intervalMs = intervalMs;
    this.#now = now;
  }

  /** True while a notice is being written. */
  get isWriting(): boolean {
    return this.#writing;
  }

  /** True when nothing would ever be written. */
  get isSilent(): boolean {
    return this.#logger === undefined && !this.#debug.enabled;
  }

  record(notice: DropNotice): void {
    if (this.isSilent) {
      return;
    }

    const now = this.#now();
    const window = this.#windows.get(notice.rule);
    if (window !== undefined && now - window.lastWrittenAt < this.#intervalMs) {
      window.suppressed++;
      return;
    }

    const suppressed = window?.suppressed ?? 0;
    this.#windows.set(notice.rule, { lastWrittenAt: now, suppressed: 0 });
    this.#write(notice, suppressed);
  }

  #write(notice: DropNotice, suppressed: number): void {
    const id = notice.eventId ?? 'without id';
    const more =
      suppressed > 0 ? ` (${suppressed} more dropped by this rule since the last notice)` : '';
    const message = `${LOG_PREFIX} dropped ${notice.kind} ${id}: ${notice.rule}${more}`;

    if (this.#logger === undefined) {
      this.#debug.info(message.slice(LOG_PREFIX.length + 1));
      return;
    }

    this.#writing = true;
    try {
      const logger = this.#logger as { info(...args: unknown[]): unknown; child?: unknown };
      const written =
        typeof logger.child === 'function'
          ? logger.info(
              { rule: notice.rule, kind: notice.kind, eventId: notice.eventId, suppressed },
              message,
            )
          : logger.info(message);
      // A logger that writes asynchronously must not leave a rejection unhandled in the app.
      if (isThenable(written)) {
        written.then(undefined, () => this.#debug.warn('the drop logger failed to write'));
      }
    } catch (error) {
      // Only its class: `String` throws for some values and may print what the logger held.
      this.#debug.warn(`the drop logger threw: ${describeFailure(error)}`);
    } finally {
      this.#writing = false;
    }
  }
}

const OWN_LINE_START = `${LOG_PREFIX} dropped `;

/**
 * Tells whether a text is one of this package's drop notices. Only the notice's own start
 * counts, so text that merely contains the prefix (user input, say) is not taken for one.
 */
export function isOwnLine(text: unknown): boolean {
  return typeof text === 'string' && text.startsWith(OWN_LINE_START);
}
