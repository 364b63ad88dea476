import { describe, expect, it } from 'vitest';
import { compileKeywords, filterText, passesKeywords } from '../../src/deliver/keyword-filter.ts';

const matches = (entry: string, text: string): boolean => compileKeywords([entry])[0]!.test(text);

describe('compileKeywords', () => {
  it('matches a plain keyword as a whole word, whatever its case', () => {
    const [pattern] = compileKeywords(['Ferry']);
    expect(pattern!.test('ferry strike ends')).toBe(true);
    expect(pattern!.test('ferrymen strike')).toBe(false);
  });

  it('reads a plain keyword literally, however many spaces it has around or inside it', () => {
    expect(matches('C++', 'C++ compilers released')).toBe(true);
    expect(matches('C++', 'C compilers released')).toBe(false);
    expect(matches('a.m.', 'at 9 a.m. on Monday')).toBe(true);
    expect(matches('a.m.', 'at 9 axmy on Monday')).toBe(false);
    expect(matches('  rail strike ', 'a rail\n  strike called off')).toBe(true);
    expect(matches('rail  strike', 'a rail strike called off')).toBe(true);
  });

  it('reads /pattern/ as a case-insensitive regular expression', () => {
    const [pattern] = compileKeywords(['/strikes?/']);
    expect(pattern!.test('Rail STRIKES called off')).toBe(true);
  });

  it('takes a keyword that only starts or ends with a slash as plain text', () => {
    expect(matches('/rail/ strike', 'rail strike')).toBe(false);
    expect(matches('/rail/ strike', 'the /rail/ strike')).toBe(true);
    expect(matches('news /rail/', 'rail')).toBe(false);
  });

  it.each([
    ['/(a+)+$/', 'is refused: a repeated group may not repeat or alternate inside'],
    ['/(a|aa)*b/', 'is refused: a repeated group may not repeat or alternate inside'],
    ['/(\\w+\\s?)*$/', 'is refused: a repeated group may not repeat or alternate inside'],
    ['/((a+))+/', 'is refused: a repeated group may not repeat or alternate inside'],
    ['/(a*)*/', 'is refused: a repeated group may not repeat or alternate inside'],
    ['/(a{1,3})+/', 'is refused: a repeated group may not repeat or alternate inside'],
    ['/(a+){2,}/', 'is refused: a repeated group may not repeat or alternate inside'],
    ['/[\\]](a+)+/', 'is refused: a repeated group may not repeat or alternate inside'],
    ['/(x)\\1/', 'is refused: backreferences are not allowed'],
    [`/${'a'.repeat(101)}/`, 'is longer than 100 characters'],
    ['/([unclosed/', 'is not a valid regular expression (Unterminated character class)'],
    ['/a)+/', "is not a valid regular expression (Unmatched ')')"],
  ])('refuses %s: it %s', (entry, reason) => {
    expect(() => compileKeywords([entry])).toThrow(reason);
  });

  it('accepts an ordinary alternation and character classes', () => {
    expect(() => compileKeywords(['/(rail|ferry) strike/', '/[A-Z]{2,5} report/'])).not.toThrow();
  });

  it('accepts a repeated group with nothing repeated or alternated inside', () => {
    expect(() => compileKeywords(['/(ab)+ strike/'])).not.toThrow();
  });

  it('quotes only the start of a pattern it refuses as too long', () => {
    expect(() => compileKeywords([`/${'a'.repeat(120)}/`])).toThrow(`the pattern /${'a'.repeat(39)}… is longer than 100 characters`);
  });

  it('accepts a pattern of exactly 100 characters', () => {
    expect(() => compileKeywords([`/${'a'.repeat(100)}/`])).not.toThrow();
  });

  it('does not take escaped or bracketed parentheses for groups', () => {
    expect(() => compileKeywords(['/\\(a+\\)+/', '/[(]a+[)]+/', '/[\\](a+)+]/'])).not.toThrow();
  });
});

describe('passesKeywords', () => {
  const include = compileKeywords(['strike', 'ferry']);
  const exclude = compileKeywords(['football', 'cricket']);

  it('keeps a story that names any include and no exclude', () => {
    expect(passesKeywords('Rail strike ends', include, exclude)).toBe(true);
    expect(passesKeywords('Ferry timetable changes', include, exclude)).toBe(true);
  });

  it('drops a story that names none of the includes, or any exclude', () => {
    expect(passesKeywords('Library reopens', include, exclude)).toBe(false);
    expect(passesKeywords('Football strike looms', include, exclude)).toBe(false);
    expect(passesKeywords('Cricket strike looms', include, exclude)).toBe(false);
  });

  it('keeps every story when there are no includes', () => {
    expect(passesKeywords('Library reopens', [], exclude)).toBe(true);
  });
});

describe('filterText', () => {
  it('reads the headline, standfirst, topics and the first two paragraphs, not the rest', () => {
    const text = filterText({ title: 'Council meets', dek: 'Budget on the agenda', topics: ['Harbour City'], paragraphs: ['First.', 'Second.', 'Third mentions football.'] });
    expect(text.split('\n')).toEqual(['Council meets', 'Budget on the agenda', 'Harbour City', 'First.', 'Second.']);
  });

  it('reads a story without a standfirst', () => {
    expect(filterText({ title: 'Council meets', topics: [], paragraphs: ['First.'] })).toBe('Council meets\n\nFirst.');
  });
});
