import { setImmediate } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createRenewingIndex, type RenewingIndex } from '../../src/brief/search/renewing-minisearch.ts';

interface Note {
  id: string;
  text: string;
}

const ANY_TEXT = { fields: ['text'] };

/** An index over `count` notes, each read back by the copy from `kept`, which counts the reads. */
function notes(count: number): { index: RenewingIndex<Note>; kept: Map<string, Note>; reads: () => number } {
  const kept = new Map<string, Note>();
  let reads = 0;
  const index = createRenewingIndex<Note>(ANY_TEXT, {
    document: (id) => {
      reads += 1;
      return kept.get(id);
    },
    batch: 100,
  });
  for (let n = 0; n < count; n += 1) {
    const note = { id: `note-${n}`, text: `harbour report ${n}` };
    kept.set(note.id, note);
    index.add(note);
  }
  return { index, kept, reads: () => reads };
}

function letGo(index: RenewingIndex<Note>, kept: Map<string, Note>, ids: string[]): void {
  for (const id of ids) {
    kept.delete(id);
    index.discard(id);
  }
}

/** Turns of the event loop enough for a copy of a few thousand notes, 100 at a time, to be built and swapped in. */
async function copyBuilt(): Promise<void> {
  for (let turn = 0; turn < 100; turn += 1) await setImmediate();
}

const found = (index: RenewingIndex<Note>, query: string): string[] => index.search(query, {}).map((result) => result.id as string).sort();
const range = (from: number, to: number): string[] => Array.from({ length: to - from }, (_, n) => `note-${from + n}`);

describe('an index renewed by copying', () => {
  it('GIVEN many notes let go at once WHEN the loop turns THEN a copy built from each note kept, read once, holds none of their postings', async () => {
    const { index, kept, reads } = notes(5_000);
    letGo(index, kept, range(0, 2_000));
    expect(index.discarded).toBe(2_000);
    await copyBuilt();
    expect(reads()).toBe(3_000);
    expect(index.discarded).toBe(0);
  });

  it('GIVEN fewer notes let go than are worth a copy WHEN the loop turns THEN nothing is read again', async () => {
    const { index, kept, reads } = notes(5_000);
    letGo(index, kept, range(0, 400));
    await copyBuilt();
    expect(reads()).toBe(0);
  });

  it('GIVEN a copy under way WHEN a note is added THEN it is found once the copy is in use', async () => {
    const { index, kept } = notes(5_000);
    letGo(index, kept, range(0, 1_000));
    await setImmediate();
    await setImmediate();
    const late = { id: 'late', text: 'lighthouse keeper' };
    kept.set(late.id, late);
    index.add(late);
    await copyBuilt();
    expect(found(index, 'lighthouse')).toEqual(['late']);
  });

  it('GIVEN a copy under way WHEN a note not yet copied is discarded THEN it is not found once the copy is in use, though still readable', async () => {
    const { index, kept } = notes(5_000);
    letGo(index, kept, range(0, 1_000));
    await setImmediate();
    await setImmediate();
    index.discard('note-4999');
    await copyBuilt();
    expect(found(index, 'harbour')).toEqual(range(1_000, 4_999).sort());
  });

  it('GIVEN a copy under way WHEN a note already copied is written again THEN only its new words find it', async () => {
    const { index, kept } = notes(5_000);
    letGo(index, kept, range(0, 1_000));
    await setImmediate();
    await setImmediate();
    letGo(index, kept, ['note-1000']);
    const rewritten = { id: 'note-1000', text: 'ferry timetable' };
    kept.set(rewritten.id, rewritten);
    index.add(rewritten);
    await copyBuilt();
    expect(found(index, 'ferry')).toEqual(['note-1000']);
    expect(found(index, 'harbour')).not.toContain('note-1000');
  });

  it('GIVEN no way to read notes again WHEN most are let go THEN it goes on answering without them', async () => {
    const index = createRenewingIndex<Note>(ANY_TEXT, {});
    for (let n = 0; n < 3_000; n += 1) index.add({ id: `note-${n}`, text: `harbour report ${n}` });
    for (const id of range(0, 2_000)) index.discard(id);
    await copyBuilt();
    expect(found(index, 'harbour')).toEqual(range(2_000, 3_000).sort());
  });
});
