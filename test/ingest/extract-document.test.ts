import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeDocument, detectFormat, extractDocument } from '../../src/ingest/extract-document.ts';
import { ordinaryDocument } from '../support/sized-documents.ts';

/**
 * No hostile input may take more than this many times an ordinary document of its format and length read in the
 * same run (as in test/fuzz/linear-time.test.ts), a budget in the machine's own time where 5 s was a wall clock.
 * Each takes 0.03 to 0.6 times its ordinary document here; a pass over the 20,000 divs in the square of their
 * number, added on purpose, took over 30 s against 0.8 s.
 */
const TIME_RATIO = 3;
const raw = (text: string | Uint8Array, extra: { url?: string; contentType?: string } = {}) => ({
  location: 'input',
  bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text,
  ...extra,
});

describe('detectFormat', () => {
  it('knows a feed by its root element, whatever the file is called', () => {
    expect(detectFormat('<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>')).toBe('feed');
  });

  it('knows an HTML page by its doctype or its tags', () => {
    expect(detectFormat('<!DOCTYPE html><html><body><p>x</p></body></html>')).toBe('html');
    expect(detectFormat('<div><p>One</p><p>Two</p><p>Three</p><a href="/">Home</a><br></div>')).toBe('html');
  });

  it('takes a page dump with a stray "<" for text', () => {
    expect(detectFormat('Shares fell <2% on Monday.\n\nThe index closed lower.')).toBe('text');
  });

  it('sends any JSON to the feed reader, which says whether it is a JSON Feed', () => {
    expect(detectFormat('{"results": []}')).toBe('feed');
    expect(() => extractDocument(raw('{"results": []}'))).toThrow('input: feed: JSON that is not a JSON Feed (no "version" or "items")');
  });
});

describe('decodeDocument', () => {
  it('gunzips a saved .gz page', () => {
    expect(decodeDocument(raw(gzipSync('<html><body>zipped</body></html>')))).toBe('<html><body>zipped</body></html>');
  });

  it('names damaged gzip data', () => {
    expect(() => decodeDocument(raw(Uint8Array.from([0x1f, 0x8b, 1, 2, 3])))).toThrow('input: damaged gzip data');
  });

  it('refuses binary data and empty documents', () => {
    expect(() => decodeDocument(raw(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13])))).toThrow('input: binary data, not text, HTML or a feed');
    expect(() => decodeDocument(raw('  \n\t '))).toThrow('input: empty document');
  });

  it('reads a UTF-16 document, whose zero bytes are not binary', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<rss><channel><title>Wide</title></channel></rss>', 'utf16le')]);
    expect(decodeDocument(raw(utf16))).toContain('<title>Wide</title>');
  });
});

describe('extractDocument', () => {
  it('gives a page the URL it was fetched from when it names none itself', () => {
    const extraction = extractDocument(raw(`<html><body><article><p>${'A paragraph of article text that is long enough to count as prose. '.repeat(4)}</p></article></body></html>`, { url: 'https://news.example/a' }));
    expect(extraction.format === 'html' && extraction.draft.url).toBe('https://news.example/a');
  });

  it('prefixes an extractor error with the input it came from', () => {
    expect(() => extractDocument(raw('Home\nNews\nSport'))).toThrow(/^input: text: no article found/);
  });
});

describe('extractDocument on hostile input', () => {
  const random = (length: number, alphabet: string): string => {
    let seed = 42;
    let text = '';
    for (let index = 0; index < length; index += 1) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      text += alphabet[seed % alphabet.length];
    }
    return text;
  };

  /** How long extractDocument takes to read a text or refuse it, failing the test on any error but an InputError. */
  const millisecondsToRead = (text: string): number => {
    const started = performance.now();
    try {
      extractDocument(raw(text));
    } catch (error) {
      expect((error as Error).name).toBe('InputError');
    }
    return performance.now() - started;
  };

  it.each([
    ['20,000 nested divs', 'html', `<html><body>${'<div>'.repeat(20_000)}<p>${'Deep text. '.repeat(40)}</p>${'</div>'.repeat(20_000)}</body></html>`],
    ['20,000 nested share boxes', 'html', `<html><body>${'<div class="share">'.repeat(20_000)}<p>${'Deep text. '.repeat(40)}</p></body></html>`],
    ['20,000 nested related-link boxes', 'html', `<html><body>${'<div class="related"><h3>Related</h3>'.repeat(20_000)}<p>${'Deep text. '.repeat(40)}</p></body></html>`],
    ['100,000 nested feed elements', 'feed', `<rss><channel>${'<item>'.repeat(100_000)}</channel></rss>`],
    ['random markup characters', 'html', `<html><body>${random(200_000, '<>&;/="\' abcdefghij\n')}`],
    ['random feed characters', 'feed', `<rss><channel>${random(200_000, '<>&;/="\' abcdefghij\n[]!-')}`],
    ['an unclosed CDATA section', 'feed', '<rss><channel><item><title><![CDATA[never ends'],
    ['a single two-megabyte line', 'text', 'word '.repeat(400_000)],
    ['a byte-order mark alone', 'text', '\uFEFF'],
  ] as const)('reads %s or refuses it with an InputError, without throwing anything else, in the time of an ordinary %s document as long', (_, format, text) => {
    // One read: a stalled one only loosens the budget, and ordinary pages of 700 KB take seconds.
    const budget = TIME_RATIO * millisecondsToRead(ordinaryDocument(format, text.length));
    // A loaded machine can stall one run; only an input slow every time is slow.
    let fastest = millisecondsToRead(text);
    for (let retry = 0; retry < 2 && fastest > budget; retry += 1) fastest = Math.min(fastest, millisecondsToRead(text));
    expect(fastest, `budget ${budget.toFixed(0)} ms`).toBeLessThanOrEqual(budget);
  });
});
