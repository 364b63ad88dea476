import { describe, expect, it } from 'vitest';
import { eventName, sameName, shareAName, sharedNames } from '../../src/brief/cluster/name-match.ts';

const same = (a: string, b: string): boolean => sameName(eventName(a), eventName(b));

describe('sameName', () => {
  it('takes a surname for the full name', () => {
    expect(same('sanchez', 'pedro sanchez')).toBe(true);
  });

  it('takes a name for the same name under a title the tagger kept', () => {
    expect(same('ned segal', 'chief financial officer ned segal')).toBe(true);
  });

  it('takes an acronym for the name it stands for, connecting words aside', () => {
    expect(same('eu', 'european union')).toBe(true);
    expect(same('imf', 'international monetary fund')).toBe(true);
    expect(same('boe', 'bank of england')).toBe(true);
  });

  it('does not take a name for one that merely contains it', () => {
    expect(same('england', 'all england club')).toBe(false);
    expect(same('england', 'new england patriots')).toBe(false);
  });

  it('does not take the end of a last word for a name', () => {
    expect(same('chez', 'pedro sanchez')).toBe(false);
  });

  it('does not take a first name for the full name', () => {
    expect(same('pedro', 'pedro sanchez')).toBe(false);
  });
});

describe('sharedNames', () => {
  it('counts the names of the first list the second writes some way', () => {
    const first = ['mariano rajoy', 'pedro sanchez', 'eu'].map(eventName);
    const second = ['rajoy', 'sanchez', 'congreso'].map(eventName);
    expect(sharedNames(first, second)).toBe(2);
  });
});

describe('shareAName', () => {
  it('finds a name the other list writes some way', () => {
    expect(shareAName(['mariano rajoy', 'eu'].map(eventName), ['congreso', 'european union'].map(eventName))).toBe(true);
  });

  it('finds none when the other list names only others', () => {
    expect(shareAName(['mariano rajoy', 'eu'].map(eventName), ['congreso', 'pedro sanchez'].map(eventName))).toBe(false);
  });
});
