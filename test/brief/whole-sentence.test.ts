import { describe, expect, it } from 'vitest';
import { isWholeSentence } from '../../src/brief/summarize/whole-sentence.ts';

describe('isWholeSentence', () => {
  it.each([
    'The council voted 6-1 on Tuesday to keep the library open.',
    '“We will keep it open,” the mayor said.',
    '"We will keep it open," the mayor said.',
    '„Wir halten die Bibliothek offen“, sagte die Bürgermeisterin.',
    'iPhone sales rose by a tenth in the quarter.',
  ])('takes a sentence that stands whole: %s', (sentence) => {
    expect(isWholeSentence(sentence)).toBe(true);
  });

  it('refuses the first half of a split quotation, which opens a quote it never closes', () => {
    expect(isWholeSentence('“We will keep the library open.')).toBe(false);
  });

  it('refuses the second half of a split quotation, which closes a quote it never opened', () => {
    expect(isWholeSentence('It belongs to the town,” the mayor said.')).toBe(false);
  });

  it('refuses an odd number of straight quotation marks', () => {
    expect(isWholeSentence('"We will keep the library open.')).toBe(false);
  });

  it('refuses a sentence cut short with an ellipsis', () => {
    expect(isWholeSentence('The council has voted to keep the library open, despite warnings that the…')).toBe(false);
  });

  it('refuses a speech tag left behind by a quotation that ended in a question mark', () => {
    expect(isWholeSentence('Daniels said, refusing to answer directly.')).toBe(false);
  });

  it('refuses a piece that starts in the middle of a sentence, in lower case', () => {
    expect(isWholeSentence('the council said on Tuesday it would keep the library open.')).toBe(false);
  });
});
