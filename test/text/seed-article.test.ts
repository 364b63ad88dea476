import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFromText } from '../../src/ingest/text/extract-text.ts';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/text/${name}`, import.meta.url), 'utf8');

describe('GIVEN the seed page (a news portal dumped as text, weather widget and all)', () => {
  const draft = extractFromText(fixture('seed-article.txt'));
  const expected = JSON.parse(fixture('seed-article.expected.json')) as { paragraphs: string[] };
  const body = draft.paragraphs.join('\n');

  it('reads the headline, with the page’s own apostrophe, as the title', () => {
    expect(draft.title).toBe('Kim Jong Un to Meet Putin, North Korean Leader’s Armored Train Heads to Russia: Reports');
  });

  it('reads the line under the headline as the dek', () => {
    expect(draft.dek).toBe('The meeting is expected to take place in the Russian port city of Vladivostok');
  });

  it('keeps exactly the article’s paragraphs, from "NORTH KOREA: …" to "…satellite technology."', () => {
    expect(draft.paragraphs).toEqual(expected.paragraphs);
    expect(draft.paragraphs[0]).toMatch(/^NORTH KOREA: North Korea’s leader/);
    expect(draft.paragraphs.at(-1)).toMatch(/Moscow may also offer its nuclear-powered submarine and satellite technology\.$/);
  });

  it.each(['10.5 C', 'Madrid', 'Sunday, November 24, 2024', 'Must read', '- Advertisement -', 'Also Read', 'Author', 'Archives', 'spot_img', 'Trending Today'])(
    'leaves "%s" out of the body',
    (chrome) => {
      expect(body).not.toContain(chrome);
    },
  );

  it('keeps the "Also Read" line as an alsoRead link and out of the body', () => {
    expect(draft.alsoRead).toContainEqual({ title: 'Brazilian President Assures Putin Won’t Face Arrest during 2024 G20 Meeting' });
    expect(body).not.toContain('Brazilian President');
  });

  it('does not take the scrape date in the header widget for the publication date', () => {
    expect(draft.publishedAt).toBeUndefined();
  });
});
