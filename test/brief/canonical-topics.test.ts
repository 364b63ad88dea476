import { describe, expect, it } from 'vitest';
import { canonicalTopics } from '../../src/brief/topics/canonical-topics.ts';

describe('canonicalTopics', () => {
  it('gives hyphenated, spaced and possessive spellings of a name one key', () => {
    const canon = canonicalTopics([{ topics: ['Kim Jong Un'] }, { topics: ['Kim Jong-un'] }]);
    expect(canon.key("Kim Jong-un's")).toBe(canon.key('Kim Jong Un'));
    expect(canon.key('North Korea’s')).toBe(canon.key('North Korea'));
  });

  it('treats US, U.S. and United States as one country, and UK, Britain and United Kingdom as another', () => {
    const canon = canonicalTopics([]);
    expect(new Set(['US', 'U.S.', 'United States'].map(canon.key)).size).toBe(1);
    expect(new Set(['UK', 'Britain', 'United Kingdom'].map(canon.key)).size).toBe(1);
    expect(canon.key('US')).not.toBe(canon.key('UK'));
  });

  it('meets a surname with the full name another article used', () => {
    const canon = canonicalTopics([{ topics: ['Putin', 'Russia'] }, { topics: ['Vladimir Putin'] }]);
    expect(canon.key('Putin')).toBe(canon.key('Vladimir Putin'));
  });

  it('leaves a short name apart when two full names end with it', () => {
    const canon = canonicalTopics([{ topics: ['Korea'] }, { topics: ['North Korea'] }, { topics: ['South Korea'] }]);
    expect(canon.key('Korea')).not.toBe(canon.key('North Korea'));
    expect(canon.key('Korea')).not.toBe(canon.key('South Korea'));
  });

  it('displays a topic in its most common full spelling', () => {
    const canon = canonicalTopics([
      { topics: ['Putin'] },
      { topics: ['Vladimir Putin'] },
      { topics: ['U.S.'] },
      { topics: ['United States'] },
      { topics: ['US'] },
      { topics: ['US'] },
    ]);
    expect(canon.display(canon.key('Putin'))).toBe('Vladimir Putin');
    expect(canon.display(canon.key('US'))).toBe('United States');
  });

  it('displays the commonest spelling when none is fuller than another', () => {
    const canon = canonicalTopics([{ topics: ['Kim Jong-un'] }, { topics: ['Kim Jong Un'] }, { topics: ['Kim Jong Un'] }]);
    expect(canon.display(canon.key('Kim Jong-un'))).toBe('Kim Jong Un');
  });
});
