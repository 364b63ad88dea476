/**
 * Why one fetch failed, in words for the person who supplied the URL ("HTTP 404 Not Found"). The fetcher
 * adds the URL and turns it into an InputError; the pieces below it only know the reason.
 */
export class FetchFailure extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}
