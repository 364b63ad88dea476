import { describe, expect, it } from 'vitest';
import { matchTopics } from '../../src/brief/topics/match-topics.ts';

const trending = ['Vladimir Putin', 'São Paulo', 'Kim Jong Un', 'Paul Kagame', 'North Korea'].map((topic) => ({ topic }));
const names = (found: Array<{ topic: string }>): string[] => found.map(({ topic }) => topic);

describe('matchTopics', () => {
  it('matches the start of any word, ignoring case', () => {
    expect(names(matchTopics('PUT', trending, 25))).toEqual(['Vladimir Putin']);
  });

  it('ignores accents in the topic and in what was typed', () => {
    expect(names(matchTopics('sao', trending, 25))).toEqual(['São Paulo']);
    expect(names(matchTopics('São', trending, 25))).toEqual(['São Paulo']);
  });

  it('puts topics whose first word matches before those matching a later word', () => {
    expect(names(matchTopics('pau', trending, 25))).toEqual(['Paul Kagame', 'São Paulo']);
  });

  it('matches across words and hyphens', () => {
    expect(names(matchTopics('jong-un', trending, 25))).toEqual(['Kim Jong Un']);
    expect(names(matchTopics('north k', trending, 25))).toEqual(['North Korea']);
  });

  it('does not match inside a word', () => {
    expect(matchTopics('tin', trending, 25)).toEqual([]);
  });

  it('offers the trending topics in order when nothing is typed, up to the limit', () => {
    expect(names(matchTopics('  ', trending, 2))).toEqual(['Vladimir Putin', 'São Paulo']);
  });
});
