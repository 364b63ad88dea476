import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/input-error.ts';
import { extractFromHtml } from '../../src/ingest/html/extract-html.ts';

const read = (name: string): string => readFileSync(new URL(`../fixtures/html/${name}`, import.meta.url), 'utf8');

describe('a page with JSON-LD in an @graph', () => {
  const draft = extractFromHtml(read('jsonld-graph.html'), 'https://echo.example/news/rail-strike-called-off?utm_source=rss');

  it('takes the headline from the NewsArticle, not the <title> with the site name', () => {
    expect(draft.title).toBe('Rail strike called off after last-minute deal');
  });

  it('reads every author, the publisher, the image and the description', () => {
    expect(draft.byline).toBe('Ruth Adeyemi, Tom Hale');
    expect(draft.siteName).toBe('The Northern Echo Times');
    expect(draft.imageUrl).toBe('https://echo.example/img/strike.jpg');
    expect(draft.dek).toBe("Drivers' union accepts improved offer hours before walkout was due to begin.");
  });

  it("prefers JSON-LD's datePublished to the meta tag, converted to UTC", () => {
    expect(draft.publishedAt).toBe('2024-05-01T17:30:00.000Z');
  });

  it('reads the language from <html lang>', () => {
    expect(draft.language).toBe('en-GB');
  });

  it('keeps the four paragraphs of the article and nothing of the share bar, caption, newsletter box or footer', () => {
    expect(draft.paragraphs).toHaveLength(4);
    expect(draft.paragraphs.join(' ')).not.toMatch(/Share on|Photograph|Sign up|morning briefing|All rights reserved/);
  });

  it('turns the related-articles block into absolute alsoRead links, and not the navigation', () => {
    expect(draft.alsoRead).toEqual([
      { title: 'Rail fares to rise by 4.9% in March', url: 'https://echo.example/news/rail-fares-rise-march' },
      { title: 'Northern timetable changes: what you need to know', url: 'https://echo.example/news/northern-timetable-changes' },
    ]);
  });
});

describe('a page with OpenGraph and meta tags only', () => {
  const draft = extractFromHtml(read('opengraph-only.html'), 'https://valleyherald.example/politics/vote-count-delayed');

  it('reads title, site, description, author and date from them', () => {
    expect(draft).toMatchObject({
      title: 'Vote count delayed in three districts',
      siteName: 'Valley Herald',
      dek: 'Officials blamed a printer fault for the hold-up.',
      byline: 'Carla Mendes',
      publishedAt: '2024-11-06T07:15:00.000Z',
    });
  });

  it('resolves a relative og:image against the page', () => {
    expect(draft.imageUrl).toBe('https://valleyherald.example/images/count.jpg');
  });

  it('does not repeat the headline as the first paragraph', () => {
    expect(draft.paragraphs[0]).toMatch(/^Counting in three districts/);
  });
});

describe('a page with a <base> element', () => {
  const draft = extractFromHtml(read('base-element.html'), 'https://www.example.org/mirror/page.html');

  it('resolves the canonical link against <base href>', () => {
    expect(draft.canonicalUrl).toBe('https://archive.example/2023/culture/museum-returns-bronze');
  });

  it('resolves related links against <base href>', () => {
    expect(draft.alsoRead.map((link) => link.url)).toEqual([
      'https://archive.example/2023/culture/benin-bronzes-explained',
      'https://archive.example/2022/culture/germany-returns-bronzes',
    ]);
  });
});

describe('extractFromHtml', () => {
  it('ignores malformed JSON-LD and still reads well-formed JSON-LD on the same page', () => {
    const draft = extractFromHtml(read('malformed-jsonld.html'));
    expect(draft.title).toBe('Bridge reopens after repairs');
    expect(draft.publishedAt).toBe('2024-02-10T10:00:00.000Z');
    expect(draft.paragraphs).toHaveLength(3);
  });

  it('resolves relative related links against the canonical URL when the page was saved without its address', () => {
    const draft = extractFromHtml(read('jsonld-graph.html'));
    expect(draft.alsoRead[0]?.url).toBe('https://echo.example/news/rail-fares-rise-march');
  });

  it('says there is no article on a sign-in page', () => {
    expect(() => extractFromHtml(read('no-article.html'))).toThrow(InputError);
    expect(() => extractFromHtml(read('no-article.html'))).toThrow('html: no article content found');
  });

  it('reads the article body a script-rendered page declares in JSON-LD, wrapped in CDATA', () => {
    const draft = extractFromHtml(read('script-rendered.html'));
    expect(draft.paragraphs).toHaveLength(4);
    expect(draft.paragraphs[0]).toMatch(/^The tram line will be extended by four stops/);
  });

  it('takes the JSON-LD name over a headline that is the site name, as the <title> shows', () => {
    expect(extractFromHtml(read('script-rendered.html')).title).toBe('Tram line extension approved');
  });

  it('reads a results table row by row', () => {
    const drivers = ['Kyle Busch', 'Martin Truex Jr.', 'Kevin Harvick', 'Denny Hamlin', 'Joey Logano', 'Ryan Blaney', 'Kyle Larson', 'Brad Keselowski'];
    const rows = drivers.map((driver, index) => `<tr><td>${index + 1}</td><td>${driver}</td><td>${5040 - index * 5}</td></tr>`).join('');
    const html = `<article><p>${'The final standings after the last race of the season were confirmed by the stewards on Sunday evening. '.repeat(3)}</p><table><thead><tr><th>Pos</th><th>Driver</th><th>Points</th></tr></thead><tbody>${rows}</tbody></table></article>`;
    const paragraphs = extractFromHtml(html).paragraphs;
    expect(paragraphs).toContain('Pos Driver Points');
    expect(paragraphs).toContain('1 Kyle Busch 5040');
    expect(paragraphs).toContain('8 Brad Keselowski 5005');
  });

  it('keeps a "Read more:" line inside the article as an alsoRead link with its URL', () => {
    const html = `<article><p>${'Officials said the road would stay closed for at least another week while engineers inspect the damage. '.repeat(3)}</p><p>Read more: <a href="https://news.example/landslide">Landslide cuts off mountain villages</a></p><p>${'Residents have been told to use the coastal route, which adds about forty minutes to the journey into town. '.repeat(2)}</p></article>`;
    const draft = extractFromHtml(html);
    expect(draft.alsoRead).toEqual([{ title: 'Landslide cuts off mountain villages', url: 'https://news.example/landslide' }]);
    expect(draft.paragraphs.join(' ')).not.toContain('Read more');
  });
});

describe('a page with a navigation menu, a related-links block and a trending box', () => {
  const draft = extractFromHtml(read('related-and-nav.html'), 'https://coastline.example/news/ferry-fares-frozen');

  it('turns the "More on this story" list into alsoRead, and leaves the menu and the trending box out', () => {
    expect(draft.alsoRead).toEqual([
      { title: 'Ferry timetable changes: what you need to know', url: 'https://coastline.example/news/ferry-timetable-changes-explained' },
      { title: 'Ferry passenger numbers reach a record high', url: 'https://coastline.example/news/ferry-passenger-numbers-reach-record' },
    ]);
  });

  it('keeps menu headlines and related links out of the body', () => {
    expect(draft.paragraphs).toHaveLength(3);
    expect(draft.paragraphs.join(' ')).not.toMatch(/bus lanes|More on this story|Ferry timetable|Trending/);
  });

  it('prefers the Dublin Core title to a social-media OpenGraph title', () => {
    expect(draft.title).toBe('Harbour ferry fares frozen for another year');
  });

  it('reads the name from a byline whose date follows a line break', () => {
    expect(draft.byline).toBe('Priya Natarajan');
  });
});

describe('a page whose story ends with cards of other stories', () => {
  const draft = extractFromHtml(read('teaser-cards.html'), 'https://library.example/news/weekend-hours');

  it('leaves the cards and their summaries out of the body', () => {
    expect(draft.paragraphs.join(' ')).not.toMatch(/Read more|design award|judges praised|4,000 books/);
  });

  it('keeps the cards under "Read more" as alsoRead links', () => {
    expect(draft.alsoRead.map((link) => link.url)).toEqual([
      'https://library.example/news/library-wins-award',
      'https://library.example/news/mobile-library-returns',
      'https://library.example/news/book-sale-raises-funds',
    ]);
  });

  it('keeps a post embedded in a widget named like a share bar', () => {
    expect(draft.paragraphs).toContain('Longer weekend hours start on 1 June. Thank you to everyone who took part in the consultation!');
  });

  it("keeps an embedded post's sign-off, which a dateline rule would drop", () => {
    expect(draft.paragraphs).toContain('— City Libraries (@citylibraries) May 2, 2024');
  });
});

describe('extractFromHtml on pages around the article', () => {
  it('keeps an article whose wrapper is named like a pop-up, beside a longer stream of teasers', () => {
    const paragraphs = extractFromHtml(read('modal-wrapper.html')).paragraphs;
    expect(paragraphs).toHaveLength(4);
    expect(paragraphs.every((paragraph) => paragraph.startsWith('Officials said the'))).toBe(true);
    expect(paragraphs.join(' ')).not.toMatch(/harbour|What next/);
  });

  it('leaves out the teaser <article>s beside the one holding the headline', () => {
    const paragraphs = extractFromHtml(read('teaser-articles.html')).paragraphs;
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs.join(' ')).not.toMatch(/orchard|seed swap/i);
  });

  it('keeps the words of an inline link whatever its class says', () => {
    const html = `<article><p>${'The committee met on Monday to discuss the plans in detail. '.repeat(3)}The nature of my <a class="popup" href="javascript:void(0)">avocations</a> has brought me into contact with them.</p></article>`;
    expect(extractFromHtml(html).paragraphs.join(' ')).toContain('The nature of my avocations has brought me');
  });
});
