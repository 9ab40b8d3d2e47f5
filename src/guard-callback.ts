import { isThenable } from '@sentry/core';

/** How a guarded callback's answer is read, and what stands in when there is none. */
export interface CallbackAnswer<Answer> {
  /** What a call gives when the callback has no usable answer. */
  readonly fallback: Answer;
  /** The error a promise is reported with: the answer is needed before it could settle. */
  promised(): Error;
  /** The answer as the caller uses it; throws the error to report for one it cannot use. */
  read(answer: unknown): Answer;
}

/**
 * Wraps a function from the options that runs at event time so that it never throws into the
 * app: a throw, a promise or an answer `read` refuses gives `fallback`, and only the first such
 * failure reaches `onFailure`, so a broken callback is reported without flooding the log. An
 * event the callback captures through Sentry reaches the filter again before it returned; that
 * call is not made and gives `fallback`, or a callback that reports what it sees would never
 * end. The guard's state lives in the wrapper, so a call adds no allocation. For a callback of
 * one argument, `Second` is `void`.
 */
export function guardCallback<First, Second, Answer>(
  callback: (first: First, second: Second) => unknown,
  answer: CallbackAnswer<Answer>,
  onFailure: (error: unknown) => void,
): (first: First, second: Second) => Answer {
  let running = false;
  let reported = false;

  return function guardedCallback(first, second) {
    if (running) {
      return answer.fallback;
    }

    running = true;
    try {
      const returned: unknown = callback(first, second);
      if (isThenable(returned)) {
        // Its rejection must not go unhandled in the app.
        returned.then(undefined, ignoreRejection);
        throw answer.promised();
      }
      return answer.read(returned);
    } catch (failure) {
      if (!reported) {
        reported = true;
        onFailure(failure);
      }
      return answer.fallback;
    } finally {
      running = false;
    }
  };
}

function ignoreRejection(): undefined {
  return undefined;
}
