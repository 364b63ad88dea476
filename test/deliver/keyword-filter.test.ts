import { describe, expect, it } from 'vitest';
import { compileKeywords, passesKeywords } from '../../src/deliver/keyword-filter.ts';

describe('compileKeywords', () => {
  it('matches a plain keyword as a whole word, whatever its case', () => {
    const [pattern] = compileKeywords(['Ferry']);
    expect(pattern!.test('ferry strike ends')).toBe(true);
    expect(pattern!.test('ferrymen strike')).toBe(false);
  });

  it('reads /pattern/ as a case-insensitive regular expression', () => {
    const [pattern] = compileKeywords(['/strikes?/']);
    expect(pattern!.test('Rail STRIKES called off')).toBe(true);
  });

  it.each([['/(a+)+$/'], ['/(a|aa)*b/'], ['/(\\w+\\s?)*$/'], ['/(x)\\1/'], [`/${'a'.repeat(101)}/`], ['/([unclosed/']])('refuses %s', (entry) => {
    expect(() => compileKeywords([entry])).toThrow();
  });

  it('accepts an ordinary alternation and character classes', () => {
    expect(() => compileKeywords(['/(rail|ferry) strike/', '/[A-Z]{2,5} report/'])).not.toThrow();
  });
});

describe('passesKeywords', () => {
  const include = compileKeywords(['strike']);
  const exclude = compileKeywords(['football']);

  it('keeps a story that names an include and no exclude', () => {
    expect(passesKeywords('Ferry strike ends', include, exclude)).toBe(true);
  });

  it('drops a story that names none of the includes, or any exclude', () => {
    expect(passesKeywords('Library reopens', include, exclude)).toBe(false);
    expect(passesKeywords('Football strike looms', include, exclude)).toBe(false);
  });
});
