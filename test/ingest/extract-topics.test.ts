import { describe, expect, it } from 'vitest';
import { extractTopics } from '../../src/ingest/topics/extract-topics.ts';
import { topicKey } from '../../src/ingest/topics/topic-key.ts';

const seed = {
  title: 'Kim Jong Un to Meet Putin, North Korean Leader’s Armored Train Heads to Russia: Reports',
  dek: 'The meeting is expected to take place in the Russian port city of Vladivostok',
  paragraphs: [
    'NORTH KOREA: North Korea’s leader, Kim Jong-un, will travel to Russia by armoured train for a meeting with Vladimir Putin amid concerns that Pyongyang may supply Moscow with weapons for the conflict against Ukraine, according to reports.',
    'According to South Korean media, an armoured train transporting Kim left Pyongyang for Russia across North Korea’s northeastern border. A meeting is anticipated to take place as soon as Tuesday in the Russian port city of Vladivostok, where Putin has already arrived.',
    'Kim Jong-un and Putin are expected to meet at the annual Eastern Economic Forum in Vladivostok, which will run until September 13. The Kremlin announced Putin’s arrival in Vladivostok for a two-day visit.',
  ],
};

describe('extractTopics', () => {
  it('names the people and places the seed article is about', () => {
    const topics = extractTopics(seed);
    expect(topics).toEqual(expect.arrayContaining(['Kim Jong Un', 'Vladimir Putin', 'North Korea', 'Russia', 'Vladivostok']));
  });

  it('folds "Putin" and "Kim" into the full names instead of listing them twice', () => {
    const topics = extractTopics(seed);
    expect(topics).not.toContain('Putin');
    expect(topics).not.toContain('Kim');
  });

  it('spells a person as the headline does when the body hyphenates the name', () => {
    expect(extractTopics(seed)).not.toContain('Kim Jong-un');
  });

  it('reads a shouted dateline as the place it names, once', () => {
    const topics = extractTopics(seed);
    expect(topics.filter((topic) => topicKey(topic) === 'north korea')).toEqual(['North Korea']);
  });

  it('does not take an adjective before a common noun for a name', () => {
    expect(extractTopics(seed)).not.toContain('South Korean');
  });

  it('ranks what the headline names first', () => {
    expect(extractTopics(seed).slice(0, 4)).toEqual(expect.arrayContaining(['Kim Jong Un', 'Vladimir Putin']));
  });

  it('returns nothing for an article without text', () => {
    expect(extractTopics({ title: 'Untitled', paragraphs: [] })).toEqual([]);
  });
});

describe('topicKey', () => {
  it('gives hyphenated and spaced spellings of a name one key', () => {
    expect(topicKey('Kim Jong-un')).toBe(topicKey('Kim Jong Un'));
  });

  it('ignores possessives and the dots of abbreviations', () => {
    expect(topicKey('North Korea’s')).toBe(topicKey('North Korea'));
    expect(topicKey('U.S.')).toBe(topicKey('US'));
  });
});
