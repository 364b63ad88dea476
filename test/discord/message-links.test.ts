import { describe, expect, it } from 'vitest';
import { messageLinks } from '../../src/discord/message-links.ts';

describe('messageLinks', () => {
  it('finds addresses in the order a reader meets them, the text before the embeds, each once', () => {
    expect(messageLinks('see https://a.example/one then http://b.example/two', ['https://c.example/three', 'https://a.example/one'])).toEqual([
      'https://a.example/one',
      'http://b.example/two',
      'https://c.example/three',
    ]);
  });

  it('leaves out the punctuation and brackets around an address, as Discord’s autolinking does', () => {
    expect(messageLinks('Read (https://a.example/x). Or [this](https://b.example/y), or <https://c.example/z>: "https://d.example/w"', [])).toEqual([
      'https://a.example/x',
      'https://b.example/y',
      'https://c.example/z',
      'https://d.example/w',
    ]);
  });

  it('keeps brackets inside an address', () => {
    expect(messageLinks('https://en.wikipedia.org/wiki/Dam_(disambiguation) is long', [])).toEqual(['https://en.wikipedia.org/wiki/Dam_(disambiguation)']);
  });

  it('finds nothing in text without a web address, nor in other schemes', () => {
    expect(messageLinks('ferry fares frozen, see ftp://files.example/x or mailto:desk@news.example', [undefined, null])).toEqual([]);
  });
});
