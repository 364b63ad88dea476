import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feedItemToDraft, parseFeed, type Feed } from '../../src/ingest/feed/parse-feed.ts';
import { InputError } from '../../src/input-error.ts';
import { answerOrRefusal, anyText, expectArticleOrRefusal, fixtureText, FUZZ_TIMEOUT, fuzzRuns, markupSoup, mutated } from '../support/hostile-input.ts';

const XML_SEEDS = ['fuzz/rss2sample.xml', 'fuzz/gulp-atom.atom', 'feed/rdf-rss1.xml', 'feed/atom-xhtml-base.xml', 'feed/podcast.rss', 'feed/broken-rss.xml'].map(fixtureText);
const JSON_SEED = JSON.parse(fixtureText('fuzz/jsonfeed-example.json')) as Record<string, unknown> & { items: Array<Record<string, unknown>> };

/** A feed, or the InputError that refuses the document; every item of a feed becomes an article draft. */
function expectFeedOrRefusal(answer: Feed | InputError): void {
  if (answer instanceof InputError) {
    expect(answer.message).not.toMatch(/[\r\n]/);
    return;
  }
  expect(Array.isArray(answer.items)).toBe(true);
  for (const item of answer.items) expectArticleOrRefusal(feedItemToDraft(item, answer));
}

const readFeed = (text: string) => expectFeedOrRefusal(answerOrRefusal(() => parseFeed(text, { url: 'https://feeds.example/news/rss' })));

describe('the RSS, RDF and Atom reader on hostile input', () => {
  it('reads any string as a feed or refuses it with an InputError', () => {
    fc.assert(fc.property(fc.oneof(anyText, markupSoup, markupSoup.map((soup) => `<rss><channel>${soup}`)), readFeed), { numRuns: fuzzRuns(200) });
  }, FUZZ_TIMEOUT);

  it('reads mutated real feeds as a feed or refuses them with an InputError', () => {
    fc.assert(fc.property(mutated(XML_SEEDS, { maxDepth: 5_000, maxAttributes: 5_000, maxRepeat: 5 }), ({ text }) => readFeed(text)), { numRuns: fuzzRuns(100) });
  }, FUZZ_TIMEOUT);
});

describe('the JSON Feed reader on hostile input', () => {
  it('reads a JSON Feed whose fields hold any JSON values as a feed or refuses it with an InputError', () => {
    const anyItem = fc.dictionary(fc.constantFrom(...Object.keys(JSON_SEED.items[0]!), 'content_html', 'date_published', 'authors', 'attachments', 'summary', 'image'), fc.jsonValue({ maxDepth: 4 }));
    fc.assert(
      fc.property(fc.array(fc.oneof(anyItem, fc.jsonValue({ maxDepth: 3 })), { maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), (items, title) =>
        readFeed(JSON.stringify({ ...JSON_SEED, title, items })),
      ),
      { numRuns: fuzzRuns(200) },
    );
  }, FUZZ_TIMEOUT);

  it('reads mutated JSON Feeds as a feed or refuses them with an InputError', () => {
    fc.assert(fc.property(mutated([JSON.stringify(JSON_SEED, null, 1)], { maxDepth: 5_000, maxAttributes: 1_000, maxRepeat: 5 }), ({ text }) => readFeed(text)), { numRuns: fuzzRuns(100) });
  }, FUZZ_TIMEOUT);
});
