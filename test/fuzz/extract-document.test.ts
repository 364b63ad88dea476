import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractDocument, type Extraction } from '../../src/ingest/extract-document.ts';
import { InputError } from '../../src/input-error.ts';
import { answerOrRefusal, DECLARED_CHARSETS, declareCharset, encode, expectArticleOrRefusal, fixtureText, FUZZ_TIMEOUT, fuzzRuns, mutated, type Encoding } from '../support/hostile-input.ts';

const SEEDS = ['fuzz/readability-001.html', 'html/teaser-cards.html', 'text/bbc-style-floods.txt', 'fuzz/rss2sample.xml', 'fuzz/gulp-atom.atom', 'feed/rdf-rss1.xml', 'fuzz/jsonfeed-example.json'].map(fixtureText);
const ENCODINGS: Encoding[] = ['utf-8', 'utf-8-bom', 'latin1', 'utf-16le', 'utf-16le-bom', 'utf-16be-bom', 'cesu'];

/** What `herald extract` promises for any bytes: a feed's, a page's or a dump's articles, or a one-line InputError. */
function expectExtractionOrRefusal(answer: Extraction | InputError): void {
  if (answer instanceof InputError) {
    expect(answer.message).not.toMatch(/[\r\n]/);
    return;
  }
  for (const draft of answer.format === 'feed' ? answer.drafts : [answer.draft]) expectArticleOrRefusal(draft);
}

const extract = (bytes: Uint8Array, contentType?: string) =>
  expectExtractionOrRefusal(answerOrRefusal(() => extractDocument({ location: 'fuzz', url: 'https://news.example/a', bytes, ...(contentType === undefined ? {} : { contentType }) })));

describe('herald extract on hostile bytes', () => {
  it('reads any bytes as articles or refuses them with an InputError', () => {
    const anyBytes = fc.oneof(fc.uint8Array({ maxLength: 4_000 }), fc.uint8Array({ maxLength: 200 }).map((bytes) => gzipSync(bytes)), fc.uint8Array({ maxLength: 200 }).map((bytes) => Uint8Array.from([0x1f, 0x8b, ...bytes])));
    fc.assert(fc.property(anyBytes, fc.option(fc.string(), { nil: undefined }), (bytes, contentType) => extract(bytes, contentType)), { numRuns: fuzzRuns(300) });
  }, FUZZ_TIMEOUT);

  it('reads mutated documents in any encoding, declaring any charset, as articles or refuses them with an InputError', () => {
    fc.assert(
      fc.property(
        mutated(SEEDS, { maxDepth: 1_000, maxAttributes: 1_000, maxRepeat: 3 }),
        fc.constantFrom(...ENCODINGS),
        fc.constantFrom(...DECLARED_CHARSETS),
        fc.option(fc.constantFrom(...DECLARED_CHARSETS.filter(Boolean).map((charset) => `text/html; charset=${charset}`)), { nil: undefined }),
        fc.boolean(),
        ({ text }, encoding, declared, contentType, gzipped) => {
          const bytes = encode(declareCharset(text, declared), encoding);
          extract(gzipped ? gzipSync(bytes) : bytes, contentType);
        },
      ),
      { numRuns: fuzzRuns(80) },
    );
  }, FUZZ_TIMEOUT);
});
