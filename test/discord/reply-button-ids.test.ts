import { describe, expect, it } from 'vitest';
import { parseButtonId } from '../../src/discord/button-id.ts';
import { newsPageId, readPage, searchPageId, shareLinkId, sharedLink } from '../../src/discord/reply-button-ids.ts';

describe('the custom ids of reply buttons', () => {
  it('carry a page and its query, read back as they were', () => {
    const id = searchPageId(2, 'ferry strike: day 3')!;
    expect(id).toBe('search:page:2:ferry strike: day 3');
    expect(readPage(parseButtonId(id)!.data)).toEqual({ page: 2, words: 'ferry strike: day 3' });
  });

  it('cut a query too long for Discord’s 100 characters at a word', () => {
    const query = 'harbour city ferry strike negotiations between the maritime workers union and the operator continue into a second week';
    const id = newsPageId(5, query)!;
    expect(id.length).toBeLessThanOrEqual(100);
    const { words } = readPage(parseButtonId(id)!.data)!;
    expect(query.startsWith(words)).toBe(true);
    expect(query[words.length]).toBe(' ');
  });

  it('carry an address that fits as it is', () => {
    const url = 'https://courier.example/ferry';
    expect(sharedLink(parseButtonId(shareLinkId(url)!)!.data, [])).toBe(url);
  });

  it('carry a digest of a longer address, found again among the links of the message the button is on', () => {
    const url = `https://courier.example/news/2024/09/12/${'ferry-strike-'.repeat(8)}ends`;
    const id = shareLinkId(url)!;
    expect(id.length).toBeLessThanOrEqual(100);
    const { data } = parseButtonId(id)!;
    expect(sharedLink(data, ['https://other.example/', url])).toBe(url);
    expect(sharedLink(data, ['https://other.example/'])).toBeUndefined();
  });
});
