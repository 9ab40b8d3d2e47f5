/**
 * The command's exit codes, as documented in the README's "Command line" section.
 */
export const EXIT_CODES = {
  /** Everything was read and checked. */
  ok: 0,
  /** Some input or the configuration is invalid; each problem was reported with its place. */
  invalid: 1,
  /** The command line itself is wrong: unknown command or option, missing argument. */
  usage: 2,
  /** A bug: something failed that should not have; the stack was printed. */
  unexpected: 3,
} as const;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];
