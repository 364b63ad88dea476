import { describe, expect, it } from 'vitest';
import { leadInFor, leansOnEarlierSentence, standsBeside } from '../../src/brief/summarize/leaning-sentence.ts';

describe('leansOnEarlierSentence', () => {
  it.each(['He said the talks would resume on Monday.', '“We are ready for the talks,” she added.', 'They told reporters the talks had failed.', 'His visit is the first in four years.'])(
    'finds a subject or speaker that is a bare pronoun: %s',
    (sentence) => {
      expect(leansOnEarlierSentence(sentence)).toBe(true);
    },
  );

  it.each(['Kim Jong-un will travel to Russia by train.', '“We are ready for the talks,” Putin said.', 'There were no talks on Monday, officials said.'])(
    'leaves a sentence that names its subject: %s',
    (sentence) => {
      expect(leansOnEarlierSentence(sentence)).toBe(false);
    },
  );
});

const sentences = ['Mayor Patricia Greene met residents on Tuesday.', 'The reading room was full long before the meeting began.', 'She pledged to keep the library open.'];

describe('standsBeside', () => {
  it('refuses a pronoun-led sentence when the sentence before it is not chosen', () => {
    expect(standsBeside(sentences, 2, [0])).toBe(false);
  });

  it('refuses a pronoun-led sentence whose chosen predecessor names nobody', () => {
    expect(standsBeside(sentences, 2, [0, 1])).toBe(false);
  });

  it('takes a pronoun-led sentence right after the chosen sentence that names the subject', () => {
    expect(standsBeside(['Mayor Patricia Greene spoke last.', 'She pledged to keep the library open.'], 1, [0])).toBe(true);
  });

  it('takes the first sentence of an article as it stands, having nothing before it', () => {
    expect(standsBeside(['He was 35.'], 0, [])).toBe(true);
  });

  it('refuses a first sentence that opens by reporting a pronoun\'s speech, a paragraph printed out of its place', () => {
    expect(standsBeside(['She added that an appeal could be made to the attorney general.', 'Sweden has dropped its investigation.'], 0, [])).toBe(false);
  });
});

describe('leadInFor', () => {
  it('names the sentence before a pronoun-led one when that sentence names the subject', () => {
    expect(leadInFor(['Mayor Patricia Greene spoke last.', 'She pledged to keep the library open.'], 1)).toBe(0);
  });

  it('names none when the sentence before names nobody', () => {
    expect(leadInFor(sentences, 2)).toBeUndefined();
  });
});
