import { setImmediate } from 'node:timers/promises';
import MiniSearch, { type Options, type SearchOptions, type SearchResult } from 'minisearch';

/**
 * A MiniSearch index whose discarded articles' postings are cleared by building a fresh copy in the background
 * and swapping it in, not by MiniSearch's own vacuum. MiniSearch 7.2.0 vacuums in batches, walking its tree of
 * words between pauses, and a word added meanwhile (an article stored) or dropped (a search clearing a discarded
 * posting) can cut a branch it is walking: the walk then throws outside any caller, which ends the process
 * (test/brief/search-index.test.ts reproduces it). Herald stores and searches at any moment, so vacuuming is off.
 */
export interface RenewingIndex<T> {
  add(document: T): void;
  /** Leaves the postings behind, to be cleared by the next copy. */
  discard(id: string): void;
  has(id: string): boolean;
  /** How many discarded documents' postings it still holds: what the next copy clears. */
  readonly discarded: number;
  search(query: string, options: SearchOptions): SearchResult[];
}

export interface RenewingOptions<T> {
  /**
   * The document stored under `id`, to build the fresh copy from; undefined when it is gone. Without it no copy
   * is built, and discarded postings are cleared only as searches come across them.
   */
  document?: (id: string) => T | undefined;
  /** Documents indexed between two turns of the event loop while a copy is built. */
  batch?: number;
}

/**
 * A copy is built once this share of the documents indexed has been discarded (MiniSearch's own threshold for
 * vacuuming), and at least this many, so that a small index is not copied for every article replaced.
 */
const DIRT_FACTOR = 0.1;
const MIN_DIRT = 1_000;
/**
 * An article takes MiniSearch about half a millisecond to a millisecond to index here (a thousand characters of
 * body, headline, standfirst and topics), so a batch holds the event loop some 10-25 ms, well inside what an
 * interaction waiting for its acknowledgement can spare; a copy of 100,000 articles takes 4,000 turns.
 */
const DEFAULT_BATCH = 25;

export function createRenewingIndex<T extends { id: string }>(miniSearchOptions: Options<T>, options: RenewingOptions<T>): RenewingIndex<T> {
  const create = (): MiniSearch<T> => new MiniSearch<T>({ ...miniSearchOptions, autoVacuum: false });
  const batch = options.batch ?? DEFAULT_BATCH;
  const ids = new Set<string>();
  let current = create();
  /** The copy being built, kept in step with every change meanwhile. */
  let next: MiniSearch<T> | undefined;

  const renew = async (document: (id: string) => T | undefined): Promise<void> => {
    const fresh = create();
    next = fresh;
    // After the turn: the rest of a prune's discards, made in one go, are then left out of the copy from the start.
    await setImmediate();
    const wanted = [...ids];
    for (let start = 0; start < wanted.length; start += batch) {
      for (const id of wanted.slice(start, start + batch)) {
        if (!ids.has(id) || fresh.has(id)) continue;
        const found = document(id);
        if (found) fresh.add(found);
      }
      await setImmediate();
    }
    current = fresh;
    next = undefined;
  };

  const renewWhenDirty = (): void => {
    if (!options.document || next || current.dirtCount < MIN_DIRT || current.dirtFactor < DIRT_FACTOR) return;
    // A copy that fails is dropped: the current index, discarded postings and all, still answers every search.
    renew(options.document).catch(() => {
      next = undefined;
    });
  };

  return {
    add(document) {
      ids.add(document.id);
      current.add(document);
      if (next && !next.has(document.id)) next.add(document);
    },
    discard(id) {
      if (!ids.delete(id)) return;
      current.discard(id);
      if (next?.has(id)) next.discard(id);
      renewWhenDirty();
    },
    has: (id) => ids.has(id),
    get discarded() {
      return current.dirtCount;
    },
    search: (query, searchOptions) => current.search(query, searchOptions),
  };
}
