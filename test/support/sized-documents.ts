import { fixtureText, manyAttributes, billionLaughs } from './hostile-input.ts';

/**
 * Documents of a chosen size: ordinary ones (real pages, dumps and feeds grown by repeating their own content),
 * the baseline a hostile document of the same size is timed against, and hostile ones made of one construct.
 */

export type Format = 'html' | 'text' | 'feed' | 'json';

function grow(prefix: string, unit: (index: number) => string, suffix: string, size: number): string {
  const parts = [prefix];
  let length = prefix.length + suffix.length;
  for (let index = 0; length < size; index += 1) {
    const part = unit(index);
    parts.push(part);
    length += part.length;
  }
  parts.push(suffix);
  return parts.join('');
}

function between(text: string, open: string, close: string): [string, string, string] {
  const start = text.indexOf(open) + open.length;
  const end = text.lastIndexOf(close);
  return [text.slice(0, start), text.slice(start, end), text.slice(end)];
}

/** A real page, dump or feed grown to `size` characters with copies of its own body, paragraphs or items. */
export function ordinaryDocument(format: Format, size: number): string {
  switch (format) {
    case 'html': {
      const [head, body, tail] = between(fixtureText('fuzz/readability-001.html'), '<body>', '</body>');
      return grow(head, () => body, tail, size);
    }
    case 'text': {
      const dump = fixtureText('text/bbc-style-floods.txt');
      return grow('', (index) => `${dump}\n\nPage ${index}\n\n`, '', size);
    }
    case 'feed': {
      const feed = fixtureText('fuzz/rss2sample.xml');
      const [head, items] = between(feed, '</webMaster>', '</channel>');
      return grow(head, (index) => items.replace(/#item(\d+)/g, `#item$1-${index}`), '</channel>\n</rss>\n', size);
    }
    case 'json': {
      const feed = JSON.parse(fixtureText('fuzz/jsonfeed-example.json')) as { items: Array<{ id: string }> };
      const item = (index: number) => `${index ? ',' : ''}${JSON.stringify({ ...feed.items[index % 2]!, id: `item-${index}` })}`;
      return grow(`${JSON.stringify({ ...feed, items: [] }).slice(0, -2)}`, item, ']}', size);
    }
  }
}

const PROSE = 'A paragraph of ordinary article prose, long enough to count as the body of a story. ';
const PAGE_START = `<html><body><p>${PROSE.repeat(4)}</p>`;
const FEED_START = `<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title><item><title>First</title><description>${PROSE}</description></item>`;

/** One hostile construct repeated to `size` characters, with the format each belongs to. */
export interface HostileDocument {
  name: string;
  format: Format;
  build(size: number): string;
}

/** 0 → "Ba", 1 → "Bb": a capitalised word for every number, so that no two lines are alike. */
function lettersOf(index: number): string {
  let letters = '';
  for (let rest = index; ; rest = Math.floor(rest / 26) - 1) {
    letters = String.fromCharCode(97 + (rest % 26)) + letters;
    if (rest < 26) break;
  }
  return `B${letters}`;
}

const fill = (start: string, unit: string) => (size: number) => grow(start, () => unit, '', size);

export const HOSTILE_DOCUMENTS: HostileDocument[] = [
  { name: 'HTML: 100,000 nested <div> per MB', format: 'html', build: fill(PAGE_START, '<div>') },
  { name: 'HTML: nested <p><li> (neither closes the other)', format: 'html', build: fill(PAGE_START, '<p><li>') },
  { name: 'HTML: nested tables', format: 'html', build: fill(PAGE_START, '<table><tr><td>') },
  { name: 'HTML: elements of 10,000 attributes', format: 'html', build: fill(PAGE_START, `${manyAttributes(10_000)}Text.</p>`) },
  { name: 'HTML: the page on one enormous line', format: 'html', build: (size) => ordinaryDocument('html', size).replace(/[\r\n]+/g, ' ') },
  { name: 'HTML: zero-width and RTL override characters everywhere', format: 'html', build: (size) => ordinaryDocument('html', size * 0.8).replace(/([^<>]{6})/g, '$1\u200B\u202E') },
  { name: 'HTML: billion laughs entity declarations and references', format: 'html', build: (size) => grow(`${billionLaughs(10)}<html><body><p>${PROSE}`, () => '&lol10; &lol9; ', '', size) },
  { name: 'HTML: CDATA inside CDATA', format: 'html', build: fill(PAGE_START, '<![CDATA[ <![CDATA[ x ]]> ]]>') },
  { name: 'HTML: unterminated comments and scripts', format: 'html', build: fill(PAGE_START, '<!-- <script> <style x="') },
  { name: 'HTML: stray "<" and entities', format: 'html', build: fill(PAGE_START, '< &amp; &#0; &#xD800; &nbsp') },
  { name: 'HTML: misnested tag soup', format: 'html', build: fill(PAGE_START, '<a href="/x"><p>soup</a></p><div class="share"><span><b><i></b></span>') },
  { name: 'HTML: unclosed JSON-LD scripts', format: 'html', build: fill(PAGE_START, '<script type="application/ld+json">{"@type":"NewsArticle","headline":"') },
  { name: 'text: one enormous line of words', format: 'text', build: fill('', 'word ') },
  { name: 'text: one enormous line without a space', format: 'text', build: fill('', 'x') },
  { name: 'text: a word per line', format: 'text', build: fill('', 'Word\n') },
  { name: 'text: bylines, dates and related links only', format: 'text', build: fill('', 'By Jane Roe\n3 March 2024\nRelated: Floods spread\n') },
  { name: 'text: a different name on every line', format: 'text', build: (size) => grow('', (index) => `Alan ${lettersOf(index)}son\n`, '', size) },
  { name: 'text: prose with zero-width and RTL characters', format: 'text', build: fill('', `${PROSE.replace(/ /g, ' \u200B\u202E')}\n\n`) },
  { name: 'feed: 100,000 nested <item> per MB', format: 'feed', build: fill(FEED_START, '<item>') },
  { name: 'feed: items of 10,000 attributes', format: 'feed', build: fill(FEED_START, `<item ${manyAttributes(10_000).slice(3, -1)}><title>x</title></item>`) },
  { name: 'feed: billion laughs', format: 'feed', build: (size) => grow(`${billionLaughs(10)}<rss><channel><title>&lol10;</title>`, () => '<item><title>&lol10;</title><description>&lol9;</description></item>', '</channel></rss>', size) },
  { name: 'feed: CDATA inside CDATA', format: 'feed', build: fill(FEED_START, '<item><description><![CDATA[ <![CDATA[ <p>x</p> ]]> ]]></description></item>') },
  { name: 'feed: an unclosed CDATA section', format: 'feed', build: (size) => `${FEED_START}<item><description><![CDATA[${'x'.repeat(size)}` },
  { name: 'feed: entity storm in one description', format: 'feed', build: (size) => grow(`${FEED_START}<item><description>`, () => '&amp;lt;p&amp;gt;&eacute;&#x1F600;', '</description></item>', size) },
  { name: 'feed: tens of thousands of tiny items', format: 'feed', build: fill(FEED_START, '<item><title>t</title></item>') },
  { name: 'JSON Feed: arrays nested 100,000 deep', format: 'json', build: (size) => `{"version":"https://jsonfeed.org/version/1","items":[${'['.repeat(size / 2 - 60)}${']'.repeat(size / 2 - 60)}]}` },
  { name: 'JSON Feed: one enormous content_html', format: 'json', build: (size) => `{"version":"https://jsonfeed.org/version/1","items":[{"id":"1","content_html":"${'<p>x</p>'.repeat(size / 8)}"}]}` },
];
