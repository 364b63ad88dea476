import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/ingest/decode-text.ts';
import { feedItemToDraft, looksLikeFeed, parseFeed } from '../../src/ingest/feed/parse-feed.ts';
import { InputError } from '../../src/input-error.ts';

const fixture = (name: string): string => decodeText(readFileSync(new URL(`../fixtures/feed/${name}`, import.meta.url)));

describe('RSS 2.0', () => {
  const feed = parseFeed(fixture('rss2-teasers.xml'), { url: 'https://valleyherald.example/politics/feed' });
  const [first, second] = feed.items;

  it('reads the channel, decoding its declared ISO-8859-1 and numeric entities', () => {
    expect(feed.title).toBe('Valley Herald – Politics');
    expect(feed.description).toBe('Politics from the valley and Montréal');
    expect(feed.language).toBe('en-US');
  });

  it('reads a CDATA title with markup as the words a reader sees', () => {
    expect(first?.title).toBe('Vote count delayed in three districts');
  });

  it('decodes HTML entities that XML does not define', () => {
    expect(second?.title).toBe('Café owners sue over parking rules');
  });

  it('reads RFC 822 dates with named and numeric zones and two-digit years', () => {
    expect(first?.publishedAt).toBe('2024-11-06T07:15:00.000Z');
    expect(second?.publishedAt).toBe('2024-11-05T21:40:00.000Z');
  });

  it('keeps the guid, the Dublin Core creator, the Media RSS thumbnail and the categories', () => {
    expect(first).toMatchObject({ guid: 'vh-2024-11-06-0142', author: 'Carla Mendes', imageUrl: 'https://valleyherald.example/img/count.jpg', categories: ['Elections'] });
  });

  it('takes the name from an RSS "email (Name)" author', () => {
    expect(second?.author).toBe('Dana Morrow');
  });

  it('resolves a relative item link against the feed URL', () => {
    expect(second?.link).toBe('https://valleyherald.example/politics/cafe-parking-lawsuit');
  });

  it('reads an escaped HTML description as HTML', () => {
    expect(second?.summaryHtml).toBe('<p>Three caf&eacute; owners have sued the city.</p>');
    expect(feedItemToDraft(second!, feed).paragraphs).toEqual(['Three café owners have sued the city.']);
  });

  it('marks a short teaser as a snippet worth completing from its page', () => {
    const draft = feedItemToDraft(first!, feed);
    expect(draft.isSnippet).toBe(true);
    expect(draft.siteName).toBe('Valley Herald – Politics');
  });
});

describe('RSS 1.0 (RDF)', () => {
  const feed = parseFeed(fixture('rdf-rss1.xml'));

  it('finds the items beside the channel, with their rdf:about as guid and dc:date as date', () => {
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]).toMatchObject({
      guid: 'https://science.example/a',
      title: 'Comet brightens unexpectedly',
      publishedAt: '2023-07-21T01:30:00.000Z',
      author: 'A. Observer',
    });
  });
});

describe('Atom 1.0', () => {
  const feed = parseFeed(fixture('atom-xhtml-base.xml'), { url: 'https://mirror.example/feeds/field-notes.xml' });
  const entry = feed.items[0]!;

  it('resolves links through nested xml:base', () => {
    expect(feed.link).toBe('https://blog.example/');
    expect(entry.link).toBe('https://blog.example/posts/2024/swifts.html');
    expect(entry.imageUrl).toBe('https://blog.example/img/swifts.jpg');
  });

  it('reads an escaped HTML title and an inline XHTML title as text', () => {
    expect(feed.title).toBe('Field & Notes');
    expect(entry.title).toBe('Counting swifts over the estuary');
  });

  it('keeps inline XHTML content as markup, without the wrapping div', () => {
    expect(entry.contentHtml).toBe('<p>We counted 412 swifts over the estuary on Wednesday evening, the highest spring count since 2016.</p><p>Most arrived in the hour before sunset.</p>');
  });

  it('reads published and updated separately, and the category label', () => {
    expect(entry).toMatchObject({ publishedAt: '2024-05-01T18:45:00.000Z', updatedAt: '2024-05-02T07:00:00.000Z', author: 'Jo Birch', categories: ['Birds'] });
  });

  it('normalises an xml:lang written with an underscore', () => {
    expect(feed.language).toBe('en-GB');
  });

  it('does not mark an entry with full content as a snippet', () => {
    expect(feedItemToDraft(entry, feed).isSnippet).toBeUndefined();
  });
});

describe('JSON Feed 1.1', () => {
  const feed = parseFeed(fixture('newsroom.json'));

  it('resolves relative URLs against feed_url', () => {
    expect(feed.items[0]?.link).toBe('https://newsroom.example/2024/03/harbour-tunnel-opens');
    expect(feed.imageUrl).toBe('https://newsroom.example/static/icon.png');
  });

  it('reads numeric ids, several authors, dates and tags', () => {
    expect(feed.items[0]).toMatchObject({ guid: '98421', author: 'Imogen Park, Luis Ferreira', publishedAt: '2024-03-04T06:00:00.000Z', categories: ['transport', 'infrastructure'] });
  });

  it('turns content_text paragraphs into HTML paragraphs', () => {
    expect(feedItemToDraft(feed.items[1]!, feed).paragraphs).toEqual(['Ferry fares will rise by 7% from April.', 'The operator blamed fuel costs.']);
  });

  it('leaves out a date it cannot read, and drops fields of the wrong type without losing the item', () => {
    expect(feed.items[2]?.publishedAt).toBeUndefined();
    expect(feed.items).toHaveLength(4);
    expect(feed.items[3]).toMatchObject({ guid: '3', categories: [] });
  });

  it('refuses JSON that is not a feed, with a one-line reason', () => {
    expect(() => parseFeed(fixture('not-a-json-feed.json'))).toThrow('feed: JSON that is not a JSON Feed (no "version" or "items")');
  });
});

describe('parseFeed on broken input', () => {
  it('reads what it can from unclosed tags, HTML entities and junk before the root', () => {
    const feed = parseFeed(fixture('broken-rss.xml'));
    expect(feed.title).toBe('Broken but readable');
    expect(feed.items.map((item) => item.title)).toEqual(['First item', 'Second item — with an HTML entity']);
  });

  it('refuses an HTML page as not a feed', () => {
    expect(() => parseFeed('<!doctype html><html><body><p>Hello</p></body></html>')).toThrow(InputError);
    expect(() => parseFeed('<!doctype html><html><body><p>Hello</p></body></html>')).toThrow("feed: not a feed (the document's root is <html>)");
  });

  it('refuses a document with no elements', () => {
    expect(() => parseFeed('   ')).toThrow('feed: not a feed (no XML elements found)');
  });

  it('survives a deeply nested document without overflowing the stack', () => {
    const deep = `<rss><channel><title>Deep</title>${'<x>'.repeat(100_000)}</channel></rss>`;
    expect(parseFeed(deep).title).toBe('Deep');
  });
});

describe('looksLikeFeed', () => {
  it.each([
    ['RSS after a comment and an XML declaration', '<!-- generated --><?xml version="1.0"?><rss version="2.0"></rss>'],
    ['RDF', '<?xml version="1.0"?><rdf:RDF xmlns:rdf="x"></rdf:RDF>'],
    ['Atom with a BOM', '\uFEFF<feed xmlns="http://www.w3.org/2005/Atom"></feed>'],
    ['JSON Feed', '{"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": []}'],
  ])('recognises %s', (_, text) => {
    expect(looksLikeFeed(text)).toBe(true);
  });

  it.each([
    ['an HTML page', '<!DOCTYPE html><html><head><title>x</title></head></html>'],
    ['scraped text', 'Kim Jong Un to Meet Putin\n\nThe meeting is expected…'],
    ['other JSON', '{"status": "ok"}'],
  ])('does not take %s for a feed', (_, text) => {
    expect(looksLikeFeed(text)).toBe(false);
  });
});
