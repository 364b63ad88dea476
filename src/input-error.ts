/**
 * A failure caused by input Herald does not control (a file, a page, a feed, a URL).
 * Its message is one line meant for the person who supplied the input; callers show it as is,
 * without a stack trace, and carry on with the next input.
 */
export class InputError extends Error {
  override readonly name = 'InputError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
