import { describe, expect, it } from 'vitest';
import { copiedRunHashes, copiedShare, shareACopiedRun } from '../../src/brief/cluster/copied-runs.ts';
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

describe('copiedShare', () => {
  const story = `${quote} Aid arrived by road on Sunday, with water, tents and blankets for the families who lost their homes. Engineers said the bridge into the valley would stay closed until its piers had been inspected.`;

  it('is the whole of a trimmed copy, which the full text prints', () => {
    expect(copiedShare(runs(story), runs(quote))).toBe(1);
  });

  it('is a small part for two texts that share one sentence', () => {
    const other = `${quote} The storm had already cut power to forty thousand homes along the coast before the river broke its banks at dawn, and schools across the county stayed shut.`;
    const share = copiedShare(runs(story), runs(other));
    expect(share).toBeGreaterThan(0);
    expect(share).toBeLessThan(0.5);
  });
});
