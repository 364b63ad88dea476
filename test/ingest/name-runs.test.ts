import { describe, expect, it } from 'vitest';
import { nameRuns } from '../../src/ingest/topics/name-runs.ts';
import { nameWords } from '../../src/ingest/topics/name-words.ts';

const names = (text: string, language: string): string[] => nameRuns(text, nameWords(language)).map((run) => run.name);

describe('nameRuns: the days of the week name no one', () => {
  it('even capitalised mid-sentence, as English writes them', () => {
    expect(names('Mayor Ana Ruiz ordered the evacuation of Harbourton on Sunday night.', 'en')).toEqual(['Ana Ruiz', 'Harbourton']);
  });
});
