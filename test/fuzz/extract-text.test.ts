import fc from 'fast-check';
import { describe, it } from 'vitest';
import { extractFromText } from '../../src/ingest/text/extract-text.ts';
import { answerOrRefusal, anyText, expectArticleOrRefusal, fixtureText, FUZZ_TIMEOUT, fuzzRuns, hostileCharacter, mutated } from '../support/hostile-input.ts';

const SEEDS = ['text/bbc-style-floods.txt', 'text/guardian-style-heatwave.txt', 'text/heldout-french-lemonde-style.txt', 'text/abc-style-key-points.txt'].map(fixtureText);

/** Lines a page dump is made of: prose, credits, dates, labels, and lines of nothing but hostile characters. */
const dumpLine = fc.oneof(
  fc.constantFrom('By Jane Roe', 'By JANE ROE | Reuters', 'Published 3 March 2024 14:05 GMT', 'Updated: 31/02/2024', 'Related:', 'Read more', 'Share', 'Advertisement', '', '   ', '—', '• Key points'),
  fc.constant('The river rose overnight and the town woke to water in its streets, the mayor said on Monday.'),
  fc.array(hostileCharacter, { maxLength: 10 }).map((characters) => characters.join('')),
  fc.string({ unit: 'binary', maxLength: 120 }),
);

describe('the text extractor on hostile input', () => {
  it('reads any string as an article or refuses it with an InputError', () => {
    fc.assert(fc.property(anyText, (text) => expectArticleOrRefusal(answerOrRefusal(() => extractFromText(text)))), { numRuns: fuzzRuns(300) });
  }, FUZZ_TIMEOUT);

  it('reads dumps of arbitrary lines as an article or refuses them with an InputError', () => {
    fc.assert(
      fc.property(fc.array(dumpLine, { maxLength: 200 }), fc.constantFrom('\n', '\r\n', '\r', '\u2028', '\n\n'), (lines, newline) =>
        expectArticleOrRefusal(answerOrRefusal(() => extractFromText(lines.join(newline)))),
      ),
      { numRuns: fuzzRuns(150) },
    );
  }, FUZZ_TIMEOUT);

  it('reads mutated real page dumps as an article or refuses them with an InputError', () => {
    fc.assert(
      fc.property(mutated(SEEDS, { maxDepth: 2_000, maxAttributes: 2_000, maxRepeat: 5 }), ({ text }) => expectArticleOrRefusal(answerOrRefusal(() => extractFromText(text)))),
      { numRuns: fuzzRuns(60) },
    );
  }, FUZZ_TIMEOUT);
});
