/**
 * What a failed poll comes to, as a metric label. A failure's reason is free text that names the URL, and
 * every distinct label value is a series Prometheus keeps for good, so only these few values are ever used.
 */
export const POLL_FAILURE_KINDS = ['timeout', 'http_4xx', 'http_5xx', 'network', 'not-a-feed', 'other'] as const;

export type PollFailureKind = (typeof POLL_FAILURE_KINDS)[number];

/** Below HTTP, in the words src/ingest/fetch/network-failure-reason.ts and open-response.ts use. */
const NETWORK = /connection refused|connection reset|DNS lookup failed|host unreachable|TLS error|malformed HTTP response|request failed:|connection closed before/;

/** What the document readers say of bytes that are neither a feed nor a page, for a file (a URL says so with its 200). */
const NOT_A_FEED = /(^|: )(feed|html|text): |not text, HTML or a feed|empty document|damaged gzip data/;

/**
 * The status decides when there is one: the fetcher keeps it only for an HTTP answer that was not 2xx, and
 * the poller gives a 200 to a response that arrived but could not be read as a feed or a page.
 */
export function pollFailureKind(failure: { status?: number | undefined; reason: string }): PollFailureKind {
  const { status, reason } = failure;
  if (status !== undefined && status >= 200 && status < 300) return 'not-a-feed';
  if (status !== undefined && status >= 400 && status < 500) return 'http_4xx';
  if (status !== undefined && status >= 500 && status < 600) return 'http_5xx';
  if (/timed out/.test(reason)) return 'timeout';
  if (NETWORK.test(reason)) return 'network';
  if (NOT_A_FEED.test(reason)) return 'not-a-feed';
  return 'other';
}
