/** Stable codes carried by {@link SentryEventFilterError}. */
export type SentryEventFilterErrorCode =
  /** An option has the wrong type, an unknown key, or a value outside what it accepts. */
  | 'INVALID_OPTION'
  /** A configuration file could not be read or parsed. */
  | 'INVALID_CONFIG_FILE'
  /** Input data (an event, envelope or JSON line) is malformed. */
  | 'INVALID_INPUT';

/**
 * The error this package throws at configuration time, and reports for malformed input.
 *
 * Event-time code never throws it into the application; it is thrown by the
 * `SentryEventFilter` constructor and by the command-line tool's readers.
 */
export class SentryEventFilterError extends Error {
  override readonly name = 'SentryEventFilterError';
  readonly code: SentryEventFilterErrorCode;
  /** The option path (`scrub.detectors.email`), file name, or other place the problem is at. */
  readonly where: string | undefined;

  constructor(
    code: SentryEventFilterErrorCode,
    message: string,
    options: { where?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.where = options.where;
  }
}

/** Tells whether `value` is a {@link SentryEventFilterError}, also across package copies. */
export function isSentryEventFilterError(value: unknown): value is SentryEventFilterError {
  return (
    value instanceof SentryEventFilterError ||
    (typeof value === 'object' &&
      value !== null &&
      (value as { name?: unknown }).name === 'SentryEventFilterError' &&
      typeof (value as { code?: unknown }).code === 'string')
  );
}
