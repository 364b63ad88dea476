import { InputError } from '../../input-error.ts';

/**
 * Why one fetch failed, in words for the person who supplied the URL ("HTTP 404 Not Found"). The fetcher
 * adds the URL and turns it into a FetchError; the pieces below it only know the reason.
 */
export class FetchFailure extends Error {
  constructor(
    readonly reason: string,
    /** The HTTP status the server answered with, when the failure was its answer. */
    readonly status?: number,
    /** How long the server asked to be left alone (Retry-After), when it did. */
    readonly retryAfterMs?: number,
  ) {
    super(reason);
  }
}

/**
 * How the fetcher rejects: an InputError whose message names the URL and the reason, with the HTTP status
 * kept apart so that a poller can tell a page that is gone (404, 410) from one that failed for a while.
 */
export class FetchError extends InputError {
  readonly status: number | undefined;
  /** How long the server asked to be left alone before the next request (Retry-After), when it did. */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options: { cause?: unknown; status?: number | undefined; retryAfterMs?: number | undefined } = {}) {
    super(message, { cause: options.cause });
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }
}
