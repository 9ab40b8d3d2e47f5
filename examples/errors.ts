/**
 * The shop's own error classes, shared by the HTTP service and the worker. The Sentry setup
 * (sentry.ts) refers to them by class, so renaming one is a type error rather than a silent
 * change of what reaches Sentry.
 */

/** The user closed the identity provider's sign-in page. Nothing to fix: never reported. */
export class AuthCancelledError extends Error {
  override name = 'AuthCancelledError';
}

/** A request the user can fix: reported, but routed to the user-facing alert channel. */
export class ValidationError extends Error {
  override name = 'ValidationError';
  readonly statusCode = 422;

  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

/** The payment provider refused a charge. */
export class PaymentError extends Error {
  override name = 'PaymentError';
  readonly code: string;

  constructor(message: string, code: string) {
    super(message);
    this.code = code;
  }
}

/** The mail server did not accept a message. */
export class MailDeliveryError extends Error {
  override name = 'MailDeliveryError';
  readonly code: string;

  constructor(message: string, code: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}
