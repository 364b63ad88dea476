import fc from 'fast-check';
import { describe, it } from 'vitest';
import { extractFromHtml } from '../../src/ingest/html/extract-html.ts';
import { answerOrRefusal, expectArticleOrRefusal, fixtureText, FUZZ_TIMEOUT, fuzzRuns, markupSoup, mutated, anyText } from '../support/hostile-input.ts';

const SEEDS = ['fuzz/readability-001.html', 'html/jsonld-graph.html', 'html/teaser-cards.html', 'html/modal-wrapper.html', 'html/related-and-nav.html'].map(fixtureText);

describe('the HTML extractor on hostile input', () => {
  it('reads any string as an article or refuses it with an InputError', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, markupSoup), fc.option(fc.webUrl()), (html, url) => expectArticleOrRefusal(answerOrRefusal(() => extractFromHtml(html, url ?? undefined)))),
      { numRuns: fuzzRuns(100) },
    );
  }, FUZZ_TIMEOUT);

  it('reads mutated real pages as an article or refuses them with an InputError', () => {
    fc.assert(
      fc.property(mutated(SEEDS, { maxDepth: 3_000, maxAttributes: 3_000, maxRepeat: 5 }), ({ text }) => expectArticleOrRefusal(answerOrRefusal(() => extractFromHtml(text, 'https://news.example/a/b?x=1')))),
      { numRuns: fuzzRuns(50) },
    );
  }, FUZZ_TIMEOUT);
});
