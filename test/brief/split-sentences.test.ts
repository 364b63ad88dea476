import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/brief/sentences/split-sentences.ts';

describe('splitSentences: abbreviations', () => {
  it('keeps "U.S." inside a sentence when a lower-case word follows', () => {
    expect(splitSentences('Officials in the U.S. said on Monday that talks would resume.')).toEqual(['Officials in the U.S. said on Monday that talks would resume.']);
  });

  it('ends a sentence on "U.S." when a sentence opener follows', () => {
    expect(splitSentences('It happened in the U.S. The U.K. reacted.')).toEqual(['It happened in the U.S.', 'The U.K. reacted.']);
  });

  it('keeps "U.S." with the name it qualifies', () => {
    expect(splitSentences('The U.S. Senate voted. It was close.')).toEqual(['The U.S. Senate voted.', 'It was close.']);
  });

  it('never ends a sentence on a title such as Mr., Mrs., Dr. or St.', () => {
    expect(splitSentences('Mr. Smith met Mrs. Jones and Dr. Brown on St. Mary Street. They talked.')).toEqual(['Mr. Smith met Mrs. Jones and Dr. Brown on St. Mary Street.', 'They talked.']);
  });

  it('never ends a sentence on a political or military title', () => {
    expect(splitSentences('Gov. Newsom and Sen. Padilla spoke, as did Gen. Milley. Nothing changed.')).toEqual(['Gov. Newsom and Sen. Padilla spoke, as did Gen. Milley.', 'Nothing changed.']);
  });

  it('keeps an abbreviated month with its day', () => {
    expect(splitSentences('The vote is on Sept. 12 and the count on Jan. 3 next year. Results follow.')).toEqual(['The vote is on Sept. 12 and the count on Jan. 3 next year.', 'Results follow.']);
  });

  it('keeps a German ordinal day with its month', () => {
    expect(splitSentences('WOLFSBURG, 23. September - Winterkorn tritt zurück. Der Aufsichtsrat berät am 25. Oktober.')).toEqual([
      'WOLFSBURG, 23. September - Winterkorn tritt zurück.',
      'Der Aufsichtsrat berät am 25. Oktober.',
    ]);
  });

  it('keeps an abbreviated month with the dash of the dateline it ends', () => {
    expect(splitSentences('MADRID, 1 Jun. - El Congreso aprueba la moción. Sánchez gana.')).toEqual(['MADRID, 1 Jun. - El Congreso aprueba la moción.', 'Sánchez gana.']);
  });

  it('keeps "No." with its number', () => {
    expect(splitSentences('Version 2.0 ships on No. 10 Downing St. next week. Fine.')).toEqual(['Version 2.0 ships on No. 10 Downing St. next week.', 'Fine.']);
  });

  it('keeps initials with the surname', () => {
    expect(splitSentences('The book is by J. R. R. Tolkien. It sold well.')).toEqual(['The book is by J. R. R. Tolkien.', 'It sold well.']);
  });

  it('does not split inside "e.g." or "i.e."', () => {
    expect(splitSentences('Bring fruit, e.g. apples, and water, i.e. plenty. Then go.')).toEqual(['Bring fruit, e.g. apples, and water, i.e. plenty.', 'Then go.']);
  });

  it('keeps "Inc." inside a sentence when a lower-case word follows', () => {
    expect(splitSentences('Apple Inc. reported earnings. Shares rose.')).toEqual(['Apple Inc. reported earnings.', 'Shares rose.']);
  });

  it('keeps "D.C." inside a sentence when a lower-case word follows', () => {
    expect(splitSentences('He moved to Washington, D.C. in May. He liked it.')).toEqual(['He moved to Washington, D.C. in May.', 'He liked it.']);
  });

  it('keeps "p.m." inside a sentence when a lower-case word follows and ends one before an opener', () => {
    expect(splitSentences('It was 5 p.m. when it started. The talks ended at 6 p.m. The sides will meet again.')).toEqual([
      'It was 5 p.m. when it started.',
      'The talks ended at 6 p.m.',
      'The sides will meet again.',
    ]);
  });
});

describe('splitSentences: numbers, links and lists', () => {
  it('does not split decimals', () => {
    expect(splitSentences('Inflation fell to 3.5 per cent. Wages rose 4.2%.')).toEqual(['Inflation fell to 3.5 per cent.', 'Wages rose 4.2%.']);
  });

  it('does not split inside URLs or e-mail addresses', () => {
    expect(splitSentences('Read the report at https://example.com/report.v2.html today. Or email press@example.co.uk for a copy.')).toEqual([
      'Read the report at https://example.com/report.v2.html today.',
      'Or email press@example.co.uk for a copy.',
    ]);
  });

  it('keeps a list number with its item', () => {
    expect(splitSentences('1. Pack a bag. 2. Leave early.')).toEqual(['1. Pack a bag.', '2. Leave early.']);
  });

  it('ends a sentence on a year', () => {
    expect(splitSentences('He won in 2019. Then he lost.')).toEqual(['He won in 2019.', 'Then he lost.']);
  });
});

describe('splitSentences: punctuation', () => {
  it('splits on an ellipsis before a capital and not before a lower-case word', () => {
    expect(splitSentences('He paused... Then he spoke. The plan was… unusual, he said.')).toEqual(['He paused...', 'Then he spoke.', 'The plan was… unusual, he said.']);
  });

  it('keeps a closing quote with the sentence it closes', () => {
    expect(splitSentences('“We will win.” The crowd cheered.')).toEqual(['“We will win.”', 'The crowd cheered.']);
    expect(splitSentences('She said: "It is over." He left.')).toEqual(['She said: "It is over."', 'He left.']);
  });

  it('keeps a closing bracket with the sentence it closes', () => {
    expect(splitSentences('The plan passed (by a narrow margin.) Critics objected.')).toEqual(['The plan passed (by a narrow margin.)', 'Critics objected.']);
  });

  it('does not split a quoted question from the attribution after it', () => {
    expect(splitSentences('Why now? Because the vote is close. “Are you sure?” she asked.')).toEqual(['Why now?', 'Because the vote is close.', '“Are you sure?” she asked.']);
  });

  it('treats "?!" as one ending', () => {
    expect(splitSentences('Really?! Nobody expected that. Why?')).toEqual(['Really?!', 'Nobody expected that.', 'Why?']);
  });

  it('splits Chinese and Japanese sentences, which have no space after the stop', () => {
    expect(splitSentences('东京下雨了。明天会晴吗？会的！')).toEqual(['东京下雨了。', '明天会晴吗？', '会的！']);
  });

  it('splits French sentences with a space before the exclamation mark', () => {
    expect(splitSentences('Il est arrivé à 10 h. Puis il est reparti ! Enfin.')).toEqual(['Il est arrivé à 10 h.', 'Puis il est reparti !', 'Enfin.']);
  });
});

describe('splitSentences: breaks', () => {
  it('ends a sentence at every line break, punctuated or not', () => {
    expect(splitSentences('First line\nSecond line without stop\n\nThird paragraph.')).toEqual(['First line', 'Second line without stop', 'Third paragraph.']);
  });

  it('returns nothing for blank text', () => {
    expect(splitSentences(' \n\n ')).toEqual([]);
  });
});
