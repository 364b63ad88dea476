import { expect, it } from 'vitest';
import { candidateSentences } from '../../src/brief/summarize/candidate-sentences.ts';

const FERRY = {
  title: 'Ferry strike ends in Harbour City',
  paragraphs: ['Ferry crews voted on Wednesday to accept a 6% pay offer, ending a nine-day strike, the Maritime Workers Union said.', 'Harbour Ferries Ltd said full timetables would resume on Friday.'],
};

it('reads an article read before to the same candidates, without reading it again', () => {
  expect(candidateSentences(FERRY)).toBe(candidateSentences(FERRY));
});

it('reads an article stored anew with another text from that text, though it was read before', () => {
  candidateSentences(FERRY);
  const corrected = { ...FERRY, paragraphs: [...FERRY.paragraphs.slice(0, 1), 'Harbour Ferries Ltd said full timetables would resume on Monday.'] };

  expect(candidateSentences(corrected).map((candidate) => candidate.text)).toContain('Harbour Ferries Ltd said full timetables would resume on Monday.');
});
