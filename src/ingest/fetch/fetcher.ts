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
}

export interface FetchOptions {
  /** Send If-None-Match / If-Modified-Since from the last 200 for this URL, and accept a 304. */
  conditional?: boolean;
  accept?: string;
  signal?: AbortSignal;
}

/**
 * The one way Herald reads the network. Every failure rejects with an InputError whose message names the URL
 * and the reason, such as "https://example.com/feed: HTTP 404 Not Found".
 */
export interface Fetcher {
  fetch(url: string, options?: FetchOptions): Promise<FetchedResource>;
}

/** Where conditional GET keeps each URL's validators between runs. */
export interface ValidatorStore {
  get(url: string): Promise<{ etag?: string; lastModified?: string } | undefined>;
  set(url: string, validators: { etag?: string; lastModified?: string }): Promise<void>;
}
