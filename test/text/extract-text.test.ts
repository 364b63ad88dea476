import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/input-error.ts';
import { extractFromText } from '../../src/ingest/text/extract-text.ts';

/** A small local-paper page: menu, headline, credits, body with an ad and a one-line quote, related links, comments. */
const page = [
  'Home',
  'News',
  'Sport',
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
const extract = (lines: string[]) => extractFromText(lines.join('\n'));
const bodyOf = (lines: string[]): string => extract(lines).paragraphs.join('\n');


/** Ten times the input may take this many times as long: linear work takes about 10 (up to 27 seen on a busy machine), work in its square 100. */
const TENFOLD_BUDGET = 50;

/** How many times longer `large` takes than `small`, each the fastest of three runs so that a pause of the machine does not count. */
function timesSlower(large: () => void, small: () => void): number {
  const fastest = (work: () => void): number => {
    let best = Infinity;
    for (let run = 0; run < 3; run += 1) {
      const started = performance.now();
      work();
      best = Math.min(best, performance.now() - started);
    }
    return best;
  };
  const baseline = fastest(small);
  return fastest(large) / Math.max(baseline, 0.1);
}
describe('extractFromText: chrome inside and around the body', () => {
  it('removes an advertisement line between two paragraphs and keeps both paragraphs', () => {
    const { paragraphs } = extract(page);
    expect(paragraphs).not.toContain('Advertisement');
    expect(paragraphs.slice(0, 2)).toEqual([page[6], page[8]]);
  });

  it('keeps a one-line quote between paragraphs', () => {
    expect(extract(page).paragraphs).toContain('“It is the heart of the street.”');
  });

  it('stops the body at the comments', () => {
    expect(bodyOf(page)).not.toContain('What a relief');
  });

  it('removes a share bar, a newsletter box and a photo credit that sit between paragraphs', () => {
    const withChrome = [
      ...page.slice(0, 7),
      'Facebook Twitter WhatsApp Email',
      'Photograph: John Smith/Getty Images',
      ...page.slice(8, 9),
      'Sign up for our Morning Briefing newsletter',
      'Get the day’s top stories delivered to your inbox.',
      ...page.slice(9),
    ];
    expect(extract(withChrome).paragraphs).toEqual(extract(page).paragraphs);
  });

  it('keeps the paragraph that follows a newsletter box inside the body', () => {
    const box = ['Sign up to our daily newsletter', 'The best of the Gazette, every morning', 'Sign up', 'Thank you for signing up!'];
    const closing = 'The library will reopen on Monday morning after a week of repairs to its heating.';
    expect(extract([...page.slice(0, 9), ...box, closing, 'Related topics:', 'Libraries']).paragraphs.at(-1)).toBe(closing);
  });

  it('leaves out a consent banner above the page, however long its paragraph', () => {
    const banner =
      'We and our 842 partners store and/or access information on a device, such as unique IDs in cookies, to process personal data. You may accept or manage your choices by clicking below, including your right to object where legitimate interest is used. We and our partners process data to provide personalised advertising and content, advertising and content measurement, audience research and services development.';
    const draft = extract(['Your privacy', banner, 'I Accept', ...page]);
    expect(draft.paragraphs).toEqual(extract(page).paragraphs);
    expect(draft.title).toBe(page[3]);
  });

  it('keeps a paragraph that merely mentions a newsletter', () => {
    const line = 'The library will announce its new opening hours in its monthly newsletter, which goes to 4,000 households.';
    expect(extract([...page.slice(0, 9), line, ...page.slice(9)]).paragraphs).toContain(line);
  });

  it('drops an author box that closes the body with the byline’s name', () => {
    const bio = 'Jane Roe is a senior reporter at the Gazette who has covered the council for a decade.';
    expect(extract([...page.slice(0, 11), bio, ...page.slice(11)]).paragraphs).not.toContain(bio);
  });

  it('counts a "Key points:" box right above the first paragraph in the body', () => {
    const keyPoints = ['Key points:', 'The library stays open for at least two years', 'Roof repairs start in the spring'];
    expect(extract([...page.slice(0, 6), ...keyPoints, ...page.slice(6)]).paragraphs.slice(0, 3)).toEqual(keyPoints);
  });
});

describe('extractFromText: related links', () => {
  it('turns a "Related articles" block into alsoRead links', () => {
    expect(extract(page).alsoRead).toEqual([{ title: 'Library fines to be scrapped from April' }, { title: 'New reading rooms open in three villages' }]);
  });

  it('keeps "Also read:", "Read more:", "See also:" and "Related:" lines out of the body and in alsoRead', () => {
    const links = ['Also read: Why old libraries cost so much to heat', 'Read more: Bridge Street traders fear roadworks', 'See also: A history of the town library', 'Related: Village halls get new funding'];
    const draft = extract([...page.slice(0, 7), ...links, ...page.slice(7)]);
    expect(draft.alsoRead.map((link) => link.title).slice(0, 4)).toEqual(links.map((line) => line.replace(/^[^:]+: /, '')));
    expect(draft.paragraphs.join('\n')).not.toMatch(/Also read|Read more|See also|Related:/);
  });

  it('keeps the URL of an "Also read" line that carries one', () => {
    const draft = extract([...page.slice(0, 7), 'Also read: Why old libraries cost so much to heat https://news.example/heating?id=4', ...page.slice(7)]);
    expect(draft.alsoRead[0]).toEqual({ title: 'Why old libraries cost so much to heat', url: 'https://news.example/heating?id=4' });
  });

  it('reads a numbered "Keep reading" box inside the body as links, skipping its "list 1 of 2" labels', () => {
    const box = ['Keep reading', 'list of 2 items', 'list 1 of 2', 'Library fines to be scrapped from April', 'list 2 of 2', 'New reading rooms open in three villages', 'end of list'];
    const draft = extract([...page.slice(0, 9), ...box, ...page.slice(9, 11)]);
    expect(draft.alsoRead).toEqual([{ title: 'Library fines to be scrapped from April' }, { title: 'New reading rooms open in three villages' }]);
    expect(draft.paragraphs).toEqual(extract(page.slice(0, 11)).paragraphs);
  });
});

describe('extractFromText: title, byline and dates', () => {
  it('reads a byline and a dateline between the title and the body', () => {
    const draft = extract(page);
    expect(draft.title).toBe('Council votes to keep the old library open');
    expect(draft.byline).toBe('Jane Roe');
    expect(draft.publishedAt).toBe('2024-03-03T00:00:00.000Z');
  });

  it('reads the date of a "By Jane Roe | March 3, 2024" line but not the date in the header widget above the title', () => {
    const draft = extract(['Sunday, November 24, 2024', '18°C London', ...page.slice(0, 4), 'By Jane Roe | March 3, 2024', ...page.slice(6)]);
    expect(draft.publishedAt).toBe('2024-03-03T00:00:00.000Z');
    expect(draft.byline).toBe('Jane Roe');
  });

  it('states no publication date when the only date is the header widget', () => {
    expect(extract(['Sunday, November 24, 2024', ...page.slice(0, 4), ...page.slice(6)]).publishedAt).toBeUndefined();
  });

  it('reads the date of a "Posted by Jane Roe, Local Democracy Reporter on March 3, 2024, 6:21 AM" line, which credits the writer first', () => {
    expect(extract([...page.slice(0, 4), 'Posted by Jane Roe, Local Democracy Reporter on March 3, 2024, 6:21 AM', ...page.slice(6)]).publishedAt).toBe('2024-03-03T06:21:00.000Z');
  });

  it('reads day-first dotted dates such as "04.03.2024, 14.32 Uhr"', () => {
    expect(extract([...page.slice(0, 5), '04.03.2024, 14.32 Uhr', ...page.slice(6)]).publishedAt).toBe('2024-03-04T14:32:00.000Z');
  });

  it('reads a credit labelled "Text:" in the page\'s language as the byline, not the headline: "Текст: Лида Буслаева·11 октября 2018"', () => {
    for (const credit of ['Текст: Лида Буслаева·11 октября 2018', 'Texto: Marta Souza · 3 de marzo de 2024', 'Text: Jane Roe']) {
      const draft = extract([...page.slice(0, 4), credit, ...page.slice(6)]);
      expect(draft.title).toBe(page[3]);
      expect(draft.byline).toBe(credit.split(':')[1]!.split(/\s*·\s*/)[0]!.trim());
    }
  });

  it('reads a slashed date day first when its dateline is labelled in a language that writes it so: "05/10/2018 - Publicado por: …"', () => {
    const draft = extract([...page.slice(0, 4), '05/10/2018 - Publicado por: Clarissa Borba - Categoria: Saúde - Tags: sad arrombamento veiculo', ...page.slice(6)]);
    expect(draft.title).toBe(page[3]);
    expect(draft.publishedAt).toBe('2018-10-05T00:00:00.000Z');
    expect(draft.byline).toBe('Clarissa Borba');
  });

  it('takes a date above the headline labelled as published in French for the publication date: "Publié le 3 mars 2024"', () => {
    for (const label of ['Publié le 3 mars 2024', 'PUBLIÉ LE 3 MARS 2024', 'Publiée le 3 mars 2024', 'Published 3 March 2024']) {
      const draft = extract([...page.slice(0, 3), label, page[3]!, page[4]!, ...page.slice(6)]);
      expect(draft.title).toBe(page[3]);
      expect(draft.publishedAt).toBe('2024-03-03T00:00:00.000Z');
    }
  });

  it('still takes the headline for the title when a share box repeats it higher up', () => {
    const draft = extract(['Share this post', page[3]!, 'Copy link', 'Facebook', ...page.slice(3)]);
    expect(draft.title).toBe(page[3]);
  });
});

describe('extractFromText: the headline among the furniture of a header', () => {
  const headline = page[3]!;
  const standfirst = 'Councillors found the money for repairs in the heritage fund';
  const body = page.slice(6);

  it('does not take a link of capitalised words ("My Teams") for a credit that would make the line above it a headline', () => {
    const lines = ['Podcasts', 'State of Combat with Brian Campbell', 'My Teams', 'Up next:', headline, standfirst, 'by Jane Roe', ...body];
    expect(extract(lines).title).toBe(headline);
  });

  it('finds the headline above a share bar of twenty buttons, which does not count towards how far up a headline may stand', () => {
    const shareBar = ['Facebook', 'Twitter', 'WhatsApp', 'Email'].flatMap((target) => [`Share this with ${target}`, target, `Share this with ${target}`, 'Copy this link', 'These are external links and will open in a new window']);
    expect(extract(['Local News', headline, '3 March 2024', ...shareBar, ...body]).title).toBe(headline);
  });

  it('takes a headline set between a repeated section label and a dateline it cannot read, though that makes it look like a box', () => {
    const lines = ['Home', 'Entertainment', 'Politics', 'Entertainment', headline, 'Updated Mar 3, 9:41 AM;Posted Mar 2, 8:19 PM', 'Getty Images', 'By Jane Roe | Gazette Media', ...body];
    expect(extract(lines).title).toBe(headline);
  });

  it('does not take a breadcrumb that ends in the headline', () => {
    expect(extract(['Contact us', `Home News Local News ${headline}`, headline, 'March 3, 2024', ...body]).title).toBe(headline);
  });

  it('does not take a dateline with a time of day for the headline, when the date reader cannot read it', () => {
    expect(extract([headline, standfirst, 'Mon Mar.March 3, 2024 12:02 PM ET', 'By Jane Roe', ...body]).title).toBe(headline);
  });

  it('does not take the last of a list of teasers over the headline for the headline', () => {
    const teasers = ['Storm closes the harbour for a second day', 'Bus fares to rise by ten pence in April', 'Why you should always close the door at night'];
    expect(extract([...teasers, headline, 'By Jane Roe, Gazette', '1 day ago', ...body]).title).toBe(headline);
  });
});

describe('extractFromText: no article', () => {
  it('says there is no article in a menu and a list of links', () => {
    const menu = ['Home', 'News', 'Sport', 'Weather', 'Latest stories', 'Council votes to keep library open', 'Storm closes harbour', '© 2024 Example News'];
    expect(() => extract(menu)).toThrow(InputError);
    expect(() => extract(menu)).toThrow(/^text: no article found \(.+\)$/);
  });

  it('says there is no article in a long list of headlines', () => {
    const headlines = Array.from({ length: 40 }, (_, index) => `Council story number ${index} about the plans for the new library`);
    expect(() => extract(headlines)).toThrow(/^text: no article found/);
  });

  it('says there is no article in an empty page', () => {
    expect(() => extractFromText('')).toThrow(/^text: no article found/);
    expect(() => extractFromText('   \n\n  \t ')).toThrow(/^text: no article found/);
  });
});

describe('extractFromText: messy and large input', () => {
  it('reads Windows line endings, tabs and non-breaking spaces like plain ones', () => {
    const messy = page.join('\r\n').replace(/ /g, (space, offset: number) => (offset % 7 === 0 ? '\u00a0' : space)).replace('Home', '\tHome\t');
    expect(extractFromText(messy).paragraphs).toEqual(extract(page).paragraphs);
  });

  it('keeps the page’s own characters: curly quotes, dashes and accents', () => {
    const line = 'The mayor’s office said the “Bibliothèque” wing — closed since 2019 — would reopen first.';
    expect(extract([...page.slice(0, 9), line, ...page.slice(9)]).paragraphs).toContain(line);
  });

  it('joins paragraphs that a text-mode browser wrapped at a fixed width', () => {
    const wrapped = [
      'Storm closes harbour for second day',
      '',
      'The harbour at Port Ellis stayed closed for a second day on Wednesday as',
      'winds of up to 70mph kept fishing boats and ferries in port, the harbour',
      'master said.',
      '',
      'Forecasters expect the wind to ease by Friday, when sailings should',
      'resume as normal, and the ferry company said it would add extra crossings.',
    ].join('\n');
    expect(extractFromText(wrapped).paragraphs).toEqual([
      'The harbour at Port Ellis stayed closed for a second day on Wednesday as winds of up to 70mph kept fishing boats and ferries in port, the harbour master said.',
      'Forecasters expect the wind to ease by Friday, when sailings should resume as normal, and the ferry company said it would add extra crossings.',
    ]);
  });

  it('does not join a headline to a lower-case label under it in a page that was not wrapped', () => {
    const box = ['Keep reading', 'Library fines to be scrapped from April in every branch', 'list 2 of 2'];
    expect(extract([...page.slice(0, 9), ...box, ...page.slice(9, 11)]).alsoRead).toEqual([{ title: 'Library fines to be scrapped from April in every branch' }]);
  });

  // Timed against the same work on a tenth of the input in the same run, not against the wall clock: ten times
  // the text should take about ten times as long on any machine, and work in the square of the size a hundred.
  it('reads a megabyte of text in time proportional to its size', () => {
    const text = (count: number) => [...page.slice(0, 6), ...Array.from({ length: count }, (_, index) => `Paragraph ${index} says that the council met again on Tuesday and agreed to carry on with the plan.`)].join('\n');
    const megabyte = text(11_000);
    expect(megabyte.length).toBeGreaterThan(1_000_000);
    expect(extractFromText(megabyte).paragraphs.length).toBe(11_000);
    expect(timesSlower(() => extractFromText(megabyte), () => extractFromText(text(1_100)))).toBeLessThan(TENFOLD_BUDGET);
  });

  it('reads a megabyte of menu lines, or one megabyte-long line, in time proportional to its size', () => {
    const menu = (count: number) => Array.from({ length: count }, (_, index) => ['Home', 'Share', 'News | Sport', 'Advertisement', 'Most read'][index % 5]).join('\n');
    const refused = (text: string) => () => expect(() => extractFromText(text)).toThrow(InputError);
    expect(timesSlower(refused(menu(150_000)), refused(menu(15_000)))).toBeLessThan(TENFOLD_BUDGET);
    expect(extractFromText('word '.repeat(210_000)).paragraphs).toHaveLength(1);
    expect(timesSlower(() => extractFromText('word '.repeat(210_000)), () => extractFromText('word '.repeat(21_000)))).toBeLessThan(TENFOLD_BUDGET);
  });
});
