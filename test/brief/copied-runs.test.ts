import { describe, expect, it } from 'vitest';
import { copiedRunHashes, shareACopiedRun } from '../../src/brief/cluster/copied-runs.ts';
import { allWords } from '../../src/brief/cluster/tokenize.ts';

const runs = (text: string): Uint32Array => copiedRunHashes(allWords(text));
const quote = 'We will do everything in our power to find every person still trapped under the rubble tonight, the governor said.';

describe('shareACopiedRun', () => {
  it('finds a sentence two reports both print', () => {
    expect(shareACopiedRun(runs(`Rescuers dug through the night. ${quote}`), runs(`${quote} Aid arrived by road on Sunday.`))).toBe(true);
  });

  it('does not take the same event in other words for a copy', () => {
    const other = 'The governor promised that rescuers would keep searching the rubble through the night for anyone still trapped.';
    expect(shareACopiedRun(runs(quote), runs(other))).toBe(false);
  });
});
