import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/input-error.ts';
import { extractFromText } from '../../src/ingest/text/extract-text.ts';

const fixtures = new URL('../fixtures/text/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, fixtures), 'utf8');

describe('the seed article', () => {
  const seed = extractFromText(read('seed-article.txt'));
  const body = seed.paragraphs.join('\n');

  it('has its exact title', () => {
    expect(seed.title).toBe('Kim Jong Un to Meet Putin, North Korean Leader’s Armored Train Heads to Russia: Reports');
  });

  it('has its dek', () => {
    expect(seed.dek).toBe('The meeting is expected to take place in the Russian port city of Vladivostok');
  });

  it('keeps the ten paragraphs of the article, from first to last', () => {
    expect(seed.paragraphs).toHaveLength(10);
    expect(seed.paragraphs[0]).toMatch(/^NORTH KOREA: North Korea’s leader, Kim Jong-un, will travel to Russia/);
    expect(seed.paragraphs.at(-1)).toMatch(/Moscow may also offer its nuclear-powered submarine and satellite technology\.$/);
  });

  it('leaves every piece of page chrome out of the body', () => {
    for (const chrome of ['10.5 C', 'Madrid', 'Sunday, November 24, 2024', 'Must read', 'Advertisement', 'Also Read', 'Author', 'Archives', 'spot_img', 'Trending Today']) {
      expect(body).not.toContain(chrome);
    }
  });

  it('keeps the "Also Read" line as an alsoRead link, not in the body', () => {
    expect(seed.alsoRead).toContainEqual({ title: 'Brazilian President Assures Putin Won’t Face Arrest during 2024 G20 Meeting' });
    expect(body).not.toContain('Brazilian President');
  });

  it('does not take the scrape date at the top of the page for the publication date', () => {
    expect(seed.publishedAt).toBeUndefined();
  });
});

describe('pages from other sites', () => {
  const names = readdirSync(fixtures)
    .filter((name) => name.endsWith('.expected.json'))
    .map((name) => name.replace('.expected.json', ''));

  it('has at least eight site styles besides the seed', () => {
    expect(names.length).toBeGreaterThanOrEqual(8);
  });

  describe.each(names)('%s', (name) => {
    const expected = JSON.parse(read(`${name}.expected.json`)) as Record<string, unknown>;
    const draft = extractFromText(read(`${name}.txt`));

    it('finds the title', () => expect(draft.title).toBe(expected.title));
    it('finds the dek, or says there is none', () => expect(draft.dek).toBe(expected.dek));
    it('keeps exactly the paragraphs of the article', () => expect(draft.paragraphs).toEqual(expected.paragraphs));
    it("collects the publisher's related links", () => expect(draft.alsoRead).toEqual(expected.alsoRead));
    if (expected.byline) it('reads the byline', () => expect(draft.byline).toBe(expected.byline));
    it('reads the publication date only where the article states one', () => expect(draft.publishedAt).toBe(expected.publishedAt));
  });
});

describe('extractFromText', () => {
  const article = [
    'Home', 'News', 'Sport',
    'Council votes to keep the old library open',
    'By Jane Roe',
    'Published 3 March 2024',
    'The city council voted on Tuesday to keep the old library on Bridge Street open for at least two more years.',
    'Advertisement',
    'Councillors said the building would be repaired with money from the heritage fund, which was topped up in January.',
    '“It is the heart of the street.”',
    'Work on the roof will start in the spring and should take about six months, the council said.',
    'Related articles',
    'Library fines to be scrapped from April',
    'New reading rooms open in three villages',
    '3 Comments',
    'What a relief, I was worried they would sell it to developers like the old school.',
  ];

  it('removes an advertisement line between two paragraphs and keeps both paragraphs', () => {
    const draft = extractFromText(article.join('\n'));
    expect(draft.paragraphs).not.toContain('Advertisement');
    expect(draft.paragraphs[0]).toMatch(/^The city council voted/);
    expect(draft.paragraphs[1]).toMatch(/^Councillors said/);
  });

  it('keeps a one-line quote between paragraphs', () => {
    expect(extractFromText(article.join('\n')).paragraphs).toContain('“It is the heart of the street.”');
  });

  it('turns a "Related articles" block into alsoRead links', () => {
    expect(extractFromText(article.join('\n')).alsoRead).toEqual([
      { title: 'Library fines to be scrapped from April' },
      { title: 'New reading rooms open in three villages' },
    ]);
  });

  it('stops the body at the comments', () => {
    expect(extractFromText(article.join('\n')).paragraphs.join(' ')).not.toContain('What a relief');
  });

  it('reads a byline and a dateline between the title and the body', () => {
    const draft = extractFromText(article.join('\n'));
    expect(draft.byline).toBe('Jane Roe');
    expect(draft.publishedAt).toBe('2024-03-03T00:00:00.000Z');
  });

  it('keeps the URL of an "Also read" line that carries one', () => {
    const text = [...article.slice(0, 7), 'Also read: Why old libraries cost so much to heat https://news.example/heating?id=4', ...article.slice(7)].join('\n');
    expect(extractFromText(text).alsoRead[0]).toEqual({ title: 'Why old libraries cost so much to heat', url: 'https://news.example/heating?id=4' });
  });

  it('joins paragraphs that a text-mode browser wrapped at a fixed width', () => {
    const wrapped = ['Storm closes harbour for second day', '', 'The harbour at Port Ellis stayed closed for a second day on Wednesday as', 'winds of up to 70mph kept fishing boats and ferries in port, the harbour', 'master said.', '', 'Forecasters expect the wind to ease by Friday, when sailings should resume as normal.'].join('\n');
    expect(extractFromText(wrapped).paragraphs[0]).toBe(
      'The harbour at Port Ellis stayed closed for a second day on Wednesday as winds of up to 70mph kept fishing boats and ferries in port, the harbour master said.',
    );
  });

  it('reads Windows line endings, tabs and non-breaking spaces like plain ones', () => {
    const messy = article.join('\r\n').replace(/ /g, (space, offset: number) => (offset % 7 === 0 ? '\u00a0' : space)).replace('Home', '\tHome');
    expect(extractFromText(messy).paragraphs).toEqual(extractFromText(article.join('\n')).paragraphs);
  });

  it('says there is no article in a page of links', () => {
    const menu = ['Home', 'News', 'Sport', 'Weather', 'Latest stories', 'Council votes to keep library open', 'Storm closes harbour', '© 2024 Example News'].join('\n');
    expect(() => extractFromText(menu)).toThrow(InputError);
    expect(() => extractFromText(menu)).toThrow(/^text: no article found/);
  });

  it('says there is no article in an empty page', () => {
    expect(() => extractFromText('   \n\n  ')).toThrow(/^text: no article found/);
  });

  it('reads a megabyte of text in well under a second', () => {
    const big = Array.from({ length: 5000 }, (_, index) => `Paragraph ${index} says that the council met again on Tuesday and agreed to carry on with the plan.`).join('\n');
    const started = performance.now();
    const draft = extractFromText(`${'x'.repeat(600_000)}\n${big}`);
    expect(draft.paragraphs.length).toBeGreaterThan(4000);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
