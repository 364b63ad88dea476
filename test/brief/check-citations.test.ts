import { describe, expect, it } from 'vitest';
import { citedSentences } from '../../src/brief/answer/check-citations.ts';

describe('checking a model answer’s citations against what it was given', () => {
  it('reads each sentence with the articles it cites, the citations taken out of its text', () => {
    expect(citedSentences('The ceasefire collapsed on Friday [1]. Talks had resumed in Jeddah [2][3].', 3)).toEqual([
      { text: 'The ceasefire collapsed on Friday.', citations: [1] },
      { text: 'Talks had resumed in Jeddah.', citations: [2, 3] },
    ]);
  });

  it('reads lists of numbers and citations written after the full stop', () => {
    expect(citedSentences('Shelling resumed in Khartoum. [1, 2] Aid convoys cannot reach El Fasher. [3; 1]', 3)).toEqual([
      { text: 'Shelling resumed in Khartoum.', citations: [1, 2] },
      { text: 'Aid convoys cannot reach El Fasher.', citations: [3, 1] },
    ]);
  });

  it('drops a sentence that cites an article it was not given', () => {
    expect(citedSentences('The ceasefire collapsed [1]. The UN will send peacekeepers next week [9]. Both sides blame each other [1][4].', 3)).toEqual([
      { text: 'The ceasefire collapsed.', citations: [1] },
    ]);
  });

  it('drops a sentence that cites nothing', () => {
    expect(citedSentences('The ceasefire collapsed [1]. Peace is surely near.', 3)).toEqual([{ text: 'The ceasefire collapsed.', citations: [1] }]);
  });

  it('counts a number 0 as not given', () => {
    expect(citedSentences('The ceasefire collapsed [0].', 1)).toEqual([]);
  });

  it('drops a sentence that is nothing but citations', () => {
    expect(citedSentences('[1][2]', 2)).toEqual([]);
  });
});
