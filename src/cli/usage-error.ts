/**
 * A mistake on the command line, exit code 2: printed with the usage of its command, or alone
 * when the message says all there is to do (`usage: false`).
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  /** The command whose usage is shown, when known. */
  readonly command: string | undefined;
  /** Whether the usage is printed after the message. */
  readonly showUsage: boolean;

  constructor(message: string, command?: string, options: { usage?: boolean } = {}) {
    super(message);
    this.command = command;
    this.showUsage = options.usage ?? true;
  }
}
