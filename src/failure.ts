/**
 * Names a caught failure for a diagnostic line. Only the error's class is shown: a message
 * may quote the very data that was being scrubbed.
 */
export function describeFailure(error: unknown): string {
  try {
    if (error instanceof Error) {
      return error.name;
    }
    return Object.prototype.toString.call(error);
  } catch {
    return 'an unprintable value';
  }
}
