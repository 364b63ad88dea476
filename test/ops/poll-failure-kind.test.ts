import { describe, expect, it } from 'vitest';
import { networkFailureReason } from '../../src/ingest/fetch/network-failure-reason.ts';
import { pollFailureKind } from '../../src/ops/poll-failure-kind.ts';

const feed = 'https://example.com/feed';

describe('pollFailureKind', () => {
  it('files a 404 or 410 under http_4xx', () => {
    expect(pollFailureKind({ status: 404, reason: `${feed}: HTTP 404 Not Found` })).toBe('http_4xx');
    expect(pollFailureKind({ status: 410, reason: `${feed}: HTTP 410 Gone` })).toBe('http_4xx');
  });

  it('files a 503 under http_5xx', () => {
    expect(pollFailureKind({ status: 503, reason: `${feed}: HTTP 503 Service Unavailable` })).toBe('http_5xx');
  });

  it('files a 200 the poller could not read as a feed or a page under not-a-feed', () => {
    expect(pollFailureKind({ status: 200, reason: `${feed}: feed: malformed XML (2 elements never closed) and no items` })).toBe('not-a-feed');
  });

  it('files a file that is not a feed or a page under not-a-feed', () => {
    expect(pollFailureKind({ reason: 'config/samples/logo.png: binary data, not text, HTML or a feed' })).toBe('not-a-feed');
    expect(pollFailureKind({ reason: 'config/samples/notes.txt: text: no article found (too little prose)' })).toBe('not-a-feed');
  });

  it('files the whole-request and the idle timeouts under timeout', () => {
    expect(pollFailureKind({ reason: `${feed}: timed out after 15 s` })).toBe('timeout');
    expect(pollFailureKind({ reason: `${feed}: timed out (no data for 10 s)` })).toBe('timeout');
    expect(pollFailureKind({ reason: `${feed}: ${networkFailureReason(Object.assign(new Error('x'), { code: 'ETIMEDOUT' }))}` })).toBe('timeout');
  });

  it('files what goes wrong below HTTP under network, in the words the fetcher uses', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EHOSTUNREACH', 'HPE_INVALID_CONSTANT', 'CERT_HAS_EXPIRED', 'EWHATEVER']) {
      expect(pollFailureKind({ reason: `${feed}: ${networkFailureReason(Object.assign(new Error('boom'), { code }))}` }), code).toBe('network');
    }
    expect(pollFailureKind({ reason: `${feed}: connection closed before the body was complete` })).toBe('network');
  });

  it('files anything else under other, never under its own words', () => {
    expect(pollFailureKind({ reason: `${feed}: refused: 10.0.0.1 is a private address` })).toBe('other');
    expect(pollFailureKind({ reason: `${feed}: response larger than 10 MiB` })).toBe('other');
    expect(pollFailureKind({ status: 302, reason: `${feed}: HTTP 302 redirect without a Location` })).toBe('other');
  });
});
