import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extractDocument, MAX_FEED_ARTICLES } from '../../src/ingest/extract-document.ts';
import { InputError } from '../../src/input-error.ts';
import { measureExtraction } from '../support/measure-extraction.ts';

/** Inputs the fuzzers found to crash Herald or to take far longer than their size warrants, kept as they were found. */
const fixture = (name: string): Uint8Array => readFileSync(new URL(`../fixtures/fuzz/${name}`, import.meta.url));

describe('inputs that crashed the HTML extractor', () => {
  it('refuses a page whose <html> is inside an unterminated comment with an InputError, not a TypeError', () => {
    expect(() => extractDocument({ location: 'page', bytes: fixture('unterminated-comment-before-html.html') })).toThrow(InputError);
  });

  it('refuses a page opened by a CDATA section that never closes with an InputError, not a TypeError', () => {
    expect(() => extractDocument({ location: 'page', bytes: fixture('cdata-comment-before-doctype.html') })).toThrow(InputError);
  });
});

describe('inputs that took time in the square of their size, or a millisecond a line', () => {
  const fastest = (bytes: Uint8Array) => Math.min(...[0, 1].map(() => measureExtraction(bytes).milliseconds));

  it.each([
    'nested-divs-100k.html.gz',
    'unterminated-comments-and-scripts.html.gz',
    'different-name-every-line.txt.gz',
  ])('reads %s in time linear in its size', (name) => {
    const whole = gunzipSync(fixture(name));
    const quarter = whole.subarray(0, whole.length / 4);
    // Four times the input may take four times as long, and twice that for a loaded machine; in the square of it, sixteen.
    expect(fastest(whole)).toBeLessThanOrEqual(8 * fastest(quarter));
  }, 120_000);
});

describe('a feed of tens of thousands of items', () => {
  const feed = `<rss><channel><title>Archive</title>${Array.from({ length: MAX_FEED_ARTICLES + 20 }, (_, index) => `<item><title>Item ${index}</title></item>`).join('')}</channel></rss>`;

  it(`has its first ${MAX_FEED_ARTICLES} items read as articles (at milliseconds each), and says how many more it had`, () => {
    const extraction = extractDocument({ location: 'feed', bytes: new TextEncoder().encode(feed) });
    expect(extraction.format === 'feed' && extraction.drafts.map((draft) => draft.title)).toEqual(Array.from({ length: MAX_FEED_ARTICLES }, (_, index) => `Item ${index}`));
    expect(extraction.format === 'feed' && extraction.itemsLeftOut).toBe(20);
  });
});
