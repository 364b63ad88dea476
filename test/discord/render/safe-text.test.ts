import { describe, expect, it } from 'vitest';
import {
  cleanText,
  escapeUntrusted,
  fitUntrusted,
  neutraliseMentions,
  safeLink,
  safeUrl,
  truncateAtSentence,
} from '../../../src/discord/render/safe-text.ts';

/** The targets of every masked link in a piece of Discord markdown, read the way Discord's link rule reads them. */
function linkTargets(markdown: string): string[] {
  return [...markdown.matchAll(/(?<!\\)\[(?:[^[\]]|\\.)*?\]\(([^)\s]+)\)/g)].map((match) => match[1]!);
}

describe('escapeUntrusted', () => {
  it('escapes emphasis and masked-link syntax so an injected title reads as typed', () => {
    expect(escapeUntrusted('**bold** [click](http://evil)')).toBe('\\*\\*bold\\*\\* \\[click\\](http://evil)');
  });

  it('escapes every masked link on a line, not only the first', () => {
    expect(linkTargets(escapeUntrusted('[a](http://one.example) and [b](http://two.example)'))).toEqual([]);
  });

  it('escapes block quotes, subtext, headings and lists that open a line', () => {
    expect(escapeUntrusted('> quoted\n-# small\n# Heading\n- item\n1. first')).toBe('\\> quoted\n\\-# small\n\\# Heading\n\\- item\n1\\. first');
  });

  it('escapes code, spoilers, strikethrough and underline', () => {
    expect(escapeUntrusted('`code` ||spoiler|| ~~gone~~ __under__')).toBe('\\`code\\` \\|\\|spoiler\\|\\| \\~\\~gone\\~\\~ \\_\\_under\\_\\_');
  });

  it('neutralises @everyone and @here', () => {
    expect(escapeUntrusted('@everyone look, @here too')).toBe('@\u200Beveryone look, @\u200Bhere too');
  });

  it('keeps a literal backslash literal', () => {
    expect(escapeUntrusted('C:\\news')).toBe('C:\\\\news');
  });
});

describe('neutraliseMentions', () => {
  it('breaks user and role mentions as well as @everyone', () => {
    expect(neutraliseMentions('<@123> <@!456> <@&789> @EVERYONE')).toBe('<@\u200B123> <@\u200B!456> <@\u200B&789> @\u200BEVERYONE');
  });

  it('leaves an e-mail address alone', () => {
    expect(neutraliseMentions('desk@herald.example')).toBe('desk@herald.example');
  });
});

describe('cleanText', () => {
  it('removes control characters and bidirectional overrides but keeps line breaks', () => {
    expect(cleanText('a\u0000b\u0007c\u202Ed\u2066e\r\nf\u0085g')).toBe('abcde\nfg');
  });

  it('removes an unpaired surrogate and keeps a whole emoji', () => {
    expect(cleanText('x\uD83Dy 📰')).toBe('xy 📰');
  });
});

describe('safeUrl', () => {
  it('accepts http and https addresses', () => {
    expect(safeUrl('https://courier.example/a')).toBe('https://courier.example/a');
    expect(safeUrl('http://courier.example/a')).toBe('http://courier.example/a');
  });

  it.each(['javascript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://files.example/a', 'file:///etc/passwd', 'not a url', ''])('refuses %j', (url) => {
    expect(safeUrl(url)).toBeUndefined();
  });

  it('encodes parentheses so the address cannot close a masked link', () => {
    expect(safeUrl('https://en.wikipedia.example/wiki/Storm_(2024)')).toBe('https://en.wikipedia.example/wiki/Storm_%282024%29');
  });

  it('refuses an address longer than 2048 characters', () => {
    expect(safeUrl(`https://courier.example/${'a'.repeat(2048)}`)).toBeUndefined();
  });
});

describe('safeLink', () => {
  it('masks an http link behind its escaped title', () => {
    expect(safeLink('Ferry *strike* ends', 'https://courier.example/strike')).toBe('[Ferry \\*strike\\* ends](https://courier.example/strike)');
  });

  it('keeps a title that tries to close the link early from linking anywhere else', () => {
    const link = safeLink('x](http://evil.example) [y', 'https://courier.example/real');
    expect(linkTargets(link)).toEqual(['https://courier.example/real']);
    expect(link.match(/]/g)).toHaveLength(1);
  });

  it('keeps a markdown link inside a title from becoming a link', () => {
    expect(linkTargets(safeLink('[click](http://evil.example)', 'https://courier.example/real'))).toEqual(['https://courier.example/real']);
  });

  it('shows an address that is not http(s) as text after the title, without linking it', () => {
    const link = safeLink('Read this', 'javascript:alert(1)');
    expect(linkTargets(link)).toEqual([]);
    expect(link).toBe('Read this (javascript:alert(1))');
  });

  it('is the title alone when there is no address', () => {
    expect(safeLink('Background to the strike', undefined)).toBe('Background to the strike');
  });
});

describe('truncateAtSentence', () => {
  const text = 'Ferry crews ended their strike. Services resume on Monday. Mr. Smith, the union leader, thanked passengers for their patience.';

  it('returns text that fits unchanged', () => {
    expect(truncateAtSentence(text, text.length)).toBe(text);
  });

  it('cuts after the last sentence that fits', () => {
    expect(truncateAtSentence(text, 80)).toBe('Ferry crews ended their strike. Services resume on Monday.');
  });

  it('does not take an abbreviation for the end of a sentence', () => {
    expect(truncateAtSentence(text, 64)).toBe('Ferry crews ended their strike. Services resume on Monday.');
  });

  it('cuts at a word with an ellipsis when not even the first sentence fits', () => {
    expect(truncateAtSentence(text, 20)).toBe('Ferry crews ended…');
  });

  it('cuts a single word longer than the budget mid-word', () => {
    expect(truncateAtSentence('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('never splits a surrogate pair', () => {
    const cut = truncateAtSentence('📰'.repeat(50), 10);
    expect(cut).toBe(`${'📰'.repeat(4)}…`);
  });

  it('is empty for a budget of nothing', () => {
    expect(truncateAtSentence(text, 0)).toBe('');
  });
});

describe('fitUntrusted', () => {
  it('stays within the budget after escaping lengthens the text', () => {
    for (const max of [1, 2, 10, 256, 4096]) {
      expect(fitUntrusted('*_~`|'.repeat(2000), max).length).toBeLessThanOrEqual(max);
    }
  });

  it('trims whole sentences when escaping pushes the text over', () => {
    expect(fitUntrusted('The *first* one. The second.', 27)).toBe('The \\*first\\* one.');
  });
});
