/** What Herald got back for one URL. */
export interface FetchedResource {
  /** The URL asked for. */
  requestedUrl: string;
  /** The URL after redirects: links in the document resolve against it. */
  url: string;
  /** 200 with a body, or 304 when a conditional request found the resource unchanged (body empty). */
  status: 200 | 304;
  body: Uint8Array;
  contentType?: string;
  etag?: string;
  lastModified?: string;
  /**
   * How long after it arrived the response may be reused without asking again, from Cache-Control max-age
   * or s-maxage, else Expires; absent when the server says nothing or forbids reuse (no-store, no-cache).
   * A duration rather than a time, so that it means the same whichever clock the caller keeps.
   */
  freshForMs?: number;
}

export interface FetchOptions {
  /** Send If-None-Match / If-Modified-Since from the last 200 for this URL, and accept a 304. */
  conditional?: boolean;
  accept?: string;
  signal?: AbortSignal;
}

/**
 * The one way Herald reads the network. Every failure rejects with an InputError whose message names the URL
 * and the reason, such as "https://example.com/feed: HTTP 404 Not Found"; when the server answered with an
 * error status, it is a FetchError that carries the status too.
 */
export interface Fetcher {
  fetch(url: string, options?: FetchOptions): Promise<FetchedResource>;
}

/** Where conditional GET keeps each URL's validators between runs. */
export interface ValidatorStore {
  get(url: string): Promise<{ etag?: string; lastModified?: string } | undefined>;
  set(url: string, validators: { etag?: string; lastModified?: string }): Promise<void>;
}
