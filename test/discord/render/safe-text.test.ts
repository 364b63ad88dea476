import { describe, expect, it } from 'vitest';
import {
  cleanText,
  escapeUntrusted,
  fitPlain,
  fitUntrusted,
  neutraliseMentions,
  oneLine,
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

  it('escapes a block quote indented by spaces, and leaves a > inside a line as it is', () => {
    expect(escapeUntrusted('  > quoted\nprices 3 > 2')).toBe('  \\> quoted\nprices 3 > 2');
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
    expect(cleanText('x\uDCF0y \uD83D')).toBe('xy ');
  });

  it('removes the byte-order mark and invisible direction marks', () => {
    expect(cleanText('\uFEFFStorm\u200E warning\u200F')).toBe('Storm warning');
  });

  it('makes every kind of line break a line feed, and a tab a space', () => {
    expect(cleanText('a\rb\r\nc\u2028d\u2029e\tf')).toBe('a\nb\nc\nd\ne f');
  });
});

describe('oneLine', () => {
  it('makes every run of whitespace one space, with none at either end', () => {
    expect(oneLine(' Ferry\n\n strike  ends ')).toBe('Ferry strike ends');
  });
});

describe('fitPlain', () => {
  it('puts cleaned text on one line, with its mentions broken, within the budget', () => {
    expect(fitPlain('Ferry\u202E\n strike @everyone ', 100)).toBe('Ferry strike @\u200Beveryone');
    expect(fitPlain('Ferry crews ended their strike. Services resume on Monday.', 40)).toBe('Ferry crews ended their strike.');
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

  it('accepts an address of exactly 2048 characters', () => {
    const url = `https://courier.example/${'a'.repeat(2048 - 'https://courier.example/'.length)}`;
    expect(safeUrl(url)).toBe(url);
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

  it('shows square brackets in a title as parentheses', () => {
    expect(safeLink('Storm [update]', 'https://courier.example/storm')).toBe('[Storm (update)](https://courier.example/storm)');
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
    expect(truncateAtSentence(`${text}\n`, text.length + 1)).toBe(`${text}\n`);
  });

  it('keeps a sentence that ends exactly at the budget', () => {
    expect(truncateAtSentence(text, 58)).toBe('Ferry crews ended their strike. Services resume on Monday.');
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

  it('keeps the last word whole when the cut falls just after it', () => {
    expect(truncateAtSentence('Ferry crews ended their', 12)).toBe('Ferry crews…');
  });

  it('drops a word the cut falls inside, however long it is, and the dashes before it', () => {
    expect(truncateAtSentence('Ferry crews ended their strike', 22)).toBe('Ferry crews ended…');
    expect(truncateAtSentence('Ferry strike ends — crews vote', 22)).toBe('Ferry strike ends…');
  });

  it('cuts at a word after an emoji without losing a character', () => {
    expect(truncateAtSentence('📰 Ferry crews ended their strike today', 15)).toBe('📰 Ferry crews…');
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

  it('gives back only what escaping added, keeping every word that fits once escaped', () => {
    expect(fitUntrusted('*Ferry* crews *ended*. *Strike* over.', 15)).toBe('\\*Ferry\\*…');
  });

  it('trims whole sentences when escaping pushes the text over', () => {
    expect(fitUntrusted('The *first* one. The second.', 27)).toBe('The \\*first\\* one.');
  });
});
