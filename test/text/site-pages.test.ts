import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AlsoReadLink } from '../../src/model/article.ts';
import { extractFromText } from '../../src/ingest/text/extract-text.ts';

/** What a person reading each page sees as its article, written by hand from the page before the extractor was tuned. */
interface Expected {
  title: string;
  dek?: string;
  byline?: string;
  publishedAt?: string;
  paragraphs: string[];
  alsoRead: AlsoReadLink[];
}

const fixtures = new URL('../fixtures/text/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, fixtures), 'utf8');
const names = readdirSync(fixtures)
  .filter((name) => name.endsWith('.expected.json') && !name.startsWith('seed-'))
  .map((name) => name.replace('.expected.json', ''));

describe('scraped pages from other sites', () => {
  it('covers at least ten site styles besides the seed, three of them held out from tuning', () => {
    expect(names.length).toBeGreaterThanOrEqual(10);
    expect(names.filter((name) => name.startsWith('heldout-')).length).toBeGreaterThanOrEqual(3);
  });

  describe.each(names)('%s', (name) => {
    const expected = JSON.parse(read(`${name}.expected.json`)) as Expected;
    const draft = extractFromText(read(`${name}.txt`));

    it('finds the headline as the title', () => expect(draft.title).toBe(expected.title));
    it('finds the dek, or reports none', () => expect(draft.dek).toBe(expected.dek));
    it('finds the byline, or reports none', () => expect(draft.byline).toBe(expected.byline));
    it('reads the publication date only where the article states one', () => expect(draft.publishedAt).toBe(expected.publishedAt));
    it('keeps exactly the paragraphs of the article', () => expect(draft.paragraphs).toEqual(expected.paragraphs));
    it("collects the publisher's related links, out of the body", () => {
      expect(draft.alsoRead).toEqual(expected.alsoRead);
      for (const link of expected.alsoRead) expect(draft.paragraphs.join('\n')).not.toContain(link.title);
    });
  });
});
