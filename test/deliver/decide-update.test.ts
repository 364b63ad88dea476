import { describe, expect, it } from 'vitest';
import { coverageSentence } from '../../src/deliver/updates/coverage-sentence.ts';
import { decideUpdate, type StoryCoverage } from '../../src/deliver/updates/decide-update.ts';
import type { Article } from '../../src/model/article.ts';
import { damReport } from '../support/dam-reports.ts';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-12-06T12:00:00Z');
const RULES = { minIntervalMs: 3 * HOUR, maxAgeMs: 24 * HOUR };

const first = await damReport('coastline-dam');
const secondSite = await damReport('harbour-dam');
const wireCopy = await damReport('gazette-dam');

/** The first report, published again by its own site under a new address with what the test gives it. */
function followUp(change: Partial<Pick<Article, 'title' | 'paragraphs'>>): Article {
  return { ...first, ...change, id: `follow-up-${JSON.stringify(change).length}`, url: 'https://coastline.example/news/millbrook-dam-latest', contentHash: 'follow-up' };
}

function coverage(fresh: Article[], timing: Partial<StoryCoverage> = {}): StoryCoverage {
  return { sent: [first], fresh, firstSentAt: NOW - 2 * HOUR, now: NOW, ...timing };
}

describe('whether new coverage of a story a channel was sent is an update', () => {
  it('GIVEN a second site reporting the story WHEN it arrives THEN it is an update naming the site and its new facts', () => {
    const decision = decideUpdate(coverage([secondSite]), RULES);
    expect(decision).toMatchObject({ update: true, coverage: { publishers: ['Harbour Times'], figures: ['4,000 evacuated', '1.2 metres'], names: ['Ana Ruiz'] } });
    if (decision.update) expect(decision.coverage.reports.map((report) => report.id)).toEqual([secondSite.id]);
  });

  it('GIVEN another site printing a copy of the text the channel was sent THEN there is no update', () => {
    expect(decideUpdate(coverage([wireCopy]), RULES)).toEqual({ update: false, reason: 'only-copies' });
  });

  it('GIVEN a copy and a second site THEN the update links only the second site', () => {
    const decision = decideUpdate(coverage([wireCopy, secondSite]), RULES);
    expect(decision.update && decision.coverage.reports.map((report) => report.id)).toEqual([secondSite.id]);
  });

  it('GIVEN the same site with new figures THEN it is an update that names the figures', () => {
    const decision = decideUpdate(coverage([followUp({ paragraphs: [...first.paragraphs, 'By noon 2,350 residents had registered at the leisure centre.'] })]), RULES);
    expect(decision).toMatchObject({ update: true, coverage: { publishers: [], figures: ['2,350 residents'] } });
  });

  it('GIVEN the same site naming someone new in its opening THEN it is an update that names them', () => {
    const paragraphs = [`Council leader Priya Desai said the cracks were found by a dog walker. ${first.paragraphs[0]}`, ...first.paragraphs.slice(1)];
    const decision = decideUpdate(coverage([followUp({ paragraphs })]), RULES);
    expect(decision).toMatchObject({ update: true, coverage: { names: ['Priya Desai'] } });
  });

  it('GIVEN the same site under a changed headline THEN it is an update that gives the headline', () => {
    const title = 'Millbrook dam holds as reservoir level falls';
    const decision = decideUpdate(coverage([followUp({ title })]), RULES);
    expect(decision).toMatchObject({ update: true, coverage: { headline: title } });
  });

  it('GIVEN the same site adding nothing but a sentence of advice under the same headline THEN there is no update', () => {
    const republished = followUp({ paragraphs: [...first.paragraphs, 'Residents were asked to check on elderly neighbours and to keep away from the river bank.'] });
    expect(decideUpdate(coverage([republished]), RULES)).toEqual({ update: false, reason: 'only-copies' });
  });

  it('GIVEN a story first sent more than a day ago THEN there is no update', () => {
    expect(decideUpdate(coverage([secondSite], { firstSentAt: NOW - 25 * HOUR }), RULES)).toEqual({ update: false, reason: 'story-too-old' });
  });

  it('GIVEN an update within the minimum interval THEN the new coverage waits', () => {
    expect(decideUpdate(coverage([secondSite], { lastUpdateAt: NOW - 2 * HOUR }), RULES)).toEqual({ update: false, reason: 'too-soon' });
    expect(decideUpdate(coverage([secondSite], { lastUpdateAt: NOW - 4 * HOUR }), RULES).update).toBe(true);
  });
});

describe('what an update says changed', () => {
  it('names the new sites, then the new facts, in two sentences', () => {
    expect(coverageSentence({ publishers: ['Coastline Post', 'Harbour Times'], figures: ['4,000 evacuated'], names: ['Ana Ruiz'] })).toBe(
      'Coastline Post and Harbour Times now report it. New: 4,000 evacuated, Ana Ruiz.',
    );
  });

  it('counts the sites past the third instead of naming them', () => {
    expect(coverageSentence({ publishers: ['A', 'B', 'C', 'D', 'E'], figures: [], names: [] })).toBe('A, B, C and 2 more sites now report it.');
  });

  it('gives a changed headline as a new fact', () => {
    expect(coverageSentence({ publishers: [], figures: [], names: [], headline: 'Dam holds' })).toBe('New: headline now “Dam holds”.');
  });
});
