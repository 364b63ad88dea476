import { describe, expect, it } from 'vitest';
import { contentTerms } from '../../src/brief/summarize/sentence-terms.ts';

describe('contentTerms', () => {
  it('drops function words and stems the rest', () => {
    expect(contentTerms('The talks were travelling to Geneva')).toEqual(['talk', 'travel', 'geneva']);
  });

  it('splits a run of Japanese into overlapping character pairs, since no spaces divide its words', () => {
    expect(contentTerms('公衆無線LAN')).toEqual(['公衆', '衆無', '無線', 'lan']);
  });
});
