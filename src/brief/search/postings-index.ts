import { setImmediate } from 'node:timers/promises';
import SearchableMap from 'minisearch/SearchableMap';

/**
 * An inverted index of articles for ranked search, scoring as MiniSearch 7 does (BM25+ per field, boosted by
 * field; prefix and one-typo variants of a word at MiniSearch's weights; a match's score times the number of the
 * query's words it has), with MiniSearch's radix tree of words for finding those variants.
 *
 * Written here rather than used from MiniSearch because of what MiniSearch keeps and makes per search: a Map of
 * documents for every word of every field, and a result object for every posting it scores. At 100,000 articles a
 * topic's words have thousands of postings, and walking them was most of a topic briefing's time and a gigabyte
 * of Maps for the garbage collector to trace. Here a word's postings are one typed array (article, and its counts
 * in the four fields packed in one number), the articles' dates, sources and field lengths are typed arrays by
 * the article's slot, and a search adds up scores in one array reused from search to search.
 */
export interface PostingsIndex {
  /** Indexes the article; an article already indexed under its id is replaced. */
  add(article: PostedArticle): void;
  /** Forgets the article; its postings are cleared in the background (see compact). */
  discard(id: string): void;
  has(id: string): boolean;
  readonly size: number;
  /** Forgotten articles whose postings are still to be cleared. */
  readonly forgotten: number;
  /** The ids of the articles fetched before this instant (epoch ms). */
  fetchedBefore(instant: number): string[];
  /** Every article that matches, unordered, with its score and the date it is dated by. */
  search(query: string, options: PostingsSearch): ScoredMatch[];
}

export interface PostedArticle {
  id: string;
  /** The text of each field, in the order of the index's field boosts. */
  fields: readonly string[];
  /** Epoch ms of its publication, else of its fetch. */
  datedAt: number;
  fetchedAt: number;
  source: string;
}

export interface PostingsSearch {
  /** AND: articles with every word of the query; OR: with any of them. */
  combineWith: 'AND' | 'OR';
  /** Only articles dated at or after this (epoch ms)... */
  datedFrom: number;
  /** ...fetched at or after this... */
  fetchedFrom: number;
  /** ...and from these sources, when given. */
  sources?: ReadonlySet<string>;
}

export interface ScoredMatch {
  id: string;
  score: number;
  datedAt: number;
}

export interface PostingsOptions {
  /** Each field's boost, in the order articles give their fields (at most four). */
  boosts: readonly number[];
  /** An article's text as words, and each word as the term it is indexed and searched under (null: not indexed). */
  tokenize(text: string): string[];
  term(token: string): string | null;
  /** Whether a query word also finds the longer words it begins. */
  prefix(term: string): boolean;
  /** How many wrong letters a query word forgives (0 for none). */
  typos(term: string): number;
  /** Terms whose postings are cleared between two turns of the event loop; 2,000 unless given. */
  compactBatch?: number;
}

/** MiniSearch 7's defaults, so that its ranking is kept: BM25+ constants and the weights of a word's variants. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;

/** A word's count in each field is packed into one number, seven bits a field: four fields fit in a small integer. */
const FIELD_BITS = 7;
const MAX_COUNT = (1 << FIELD_BITS) - 1;
const MAX_FIELDS = 4;

/**
 * Postings of forgotten articles are cleared once this share of the articles indexed has been forgotten, and at
 * least this many (MiniSearch's own thresholds for its vacuum); their slots are then used again.
 */
const DIRT_FACTOR = 0.1;
const MIN_DIRT = 1_000;
const DEFAULT_COMPACT_BATCH = 2_000;

/** One word's postings: pairs of (article slot, packed counts), `length` numbers of `entries` used. */
interface Postings {
  entries: Int32Array;
  length: number;
}

export function createPostingsIndex(options: PostingsOptions): PostingsIndex {
  const fieldCount = options.boosts.length;
  if (fieldCount < 1 || fieldCount > MAX_FIELDS) throw new Error(`postings index: 1 to ${MAX_FIELDS} fields, not ${fieldCount}`);
  const compactBatch = options.compactBatch ?? DEFAULT_COMPACT_BATCH;

  /** Each word's number, in a radix tree that finds the words a prefix begins or one typo away. */
  const words = new SearchableMap<number>();
  const postings: Array<Postings | undefined> = [];
  /**
   * Each word by its number, so that a clearing can walk the words a batch at a time: listing the tree's keys in
   * one go holds the event loop 0.4 s at 400,000 words.
   */
  const termOf: Array<string | undefined> = [];
  const freeWords: number[] = [];

  const slotOf = new Map<string, number>();
  const ids: Array<string | undefined> = [];
  const freeSlots: number[] = [];
  /** Slots forgotten since the last clearing began: their postings may still be in the words' arrays. */
  let dirty: number[] = [];
  /** Slots whose postings the clearing under way is taking out. */
  let clearing: number[] = [];
  let compacting = false;
  let live = new Uint8Array(0);
  let datedAt = new Float64Array(0);
  let fetchedAt = new Float64Array(0);
  let sourceOf = new Int32Array(0);
  let fieldLengths = new Int32Array(0);
  /**
   * Per search: the score so far of each slot, the search that last touched it, the query word it matched last,
   * and how many of the query's words it matched.
   */
  let scores = new Float64Array(0);
  let touchedIn = new Int32Array(0);
  let lastWord = new Int32Array(0);
  let wordsMatched = new Int32Array(0);
  let searchNumber = 0;

  const sourceNumbers = new Map<string, number>();
  const lengthTotals = new Float64Array(fieldCount);
  let count = 0;

  const grow = (needed: number): void => {
    // Every per-slot array is as long as `live`.
    if (needed <= live.length) return;
    const next = Math.max(needed, live.length * 2, 1_024);
    const widen = <T extends Float64Array | Int32Array | Uint8Array>(old: T, make: (size: number) => T, per = 1): T => {
      const wider = make(next * per);
      wider.set(old);
      return wider;
    };
    live = widen(live, (size) => new Uint8Array(size));
    datedAt = widen(datedAt, (size) => new Float64Array(size));
    fetchedAt = widen(fetchedAt, (size) => new Float64Array(size));
    sourceOf = widen(sourceOf, (size) => new Int32Array(size));
    fieldLengths = widen(fieldLengths, (size) => new Int32Array(size), fieldCount);
    scores = widen(scores, (size) => new Float64Array(size));
    touchedIn = widen(touchedIn, (size) => new Int32Array(size));
    lastWord = widen(lastWord, (size) => new Int32Array(size));
    wordsMatched = widen(wordsMatched, (size) => new Int32Array(size));
  };

  const post = (term: string, slot: number, packed: number): void => {
    let word = words.get(term);
    if (word === undefined) {
      word = freeWords.pop() ?? postings.length;
      words.set(term, word);
      termOf[word] = term;
      postings[word] = { entries: new Int32Array(4), length: 0 };
    }
    const list = postings[word]!;
    if (list.length + 2 > list.entries.length) {
      const wider = new Int32Array(list.entries.length * 2);
      wider.set(list.entries);
      list.entries = wider;
    }
    list.entries[list.length] = slot;
    list.entries[list.length + 1] = packed;
    list.length += 2;
  };

  const discard = (id: string): void => {
    const slot = slotOf.get(id);
    if (slot === undefined) return;
    slotOf.delete(id);
    ids[slot] = undefined;
    live[slot] = 0;
    count -= 1;
    for (let field = 0; field < fieldCount; field += 1) lengthTotals[field]! -= fieldLengths[slot * fieldCount + field]!;
    dirty.push(slot);
    if (!compacting && worthClearing()) void compact();
  };

  const worthClearing = (): boolean => dirty.length >= MIN_DIRT && dirty.length >= DIRT_FACTOR * (count + dirty.length);

  /**
   * Clears forgotten articles' postings a batch of words a turn, so that a prune of thousands never holds the
   * event loop; searches skip them meanwhile. A slot is used again only once no word's postings name it.
   */
  const compact = async (): Promise<void> => {
    compacting = true;
    try {
      while (worthClearing()) {
        clearing = dirty;
        dirty = [];
        // Words made during the clearing hold no slot being cleared: those numbered past its start need no visit.
        const wordCount = postings.length;
        for (let start = 0; start < wordCount; start += compactBatch) {
          await setImmediate();
          for (let word = start; word < Math.min(start + compactBatch, wordCount); word += 1) clearWord(word);
        }
        for (const slot of clearing) freeSlots.push(slot);
        clearing = [];
      }
    } catch {
      // Its postings stay where they are, skipped by every search, and the next article forgotten tries again.
      dirty = [...clearing, ...dirty];
      clearing = [];
    } finally {
      compacting = false;
    }
  };

  const clearWord = (word: number): void => {
    const list = postings[word];
    if (!list) return;
    let kept = 0;
    for (let at = 0; at < list.length; at += 2) {
      if (!live[list.entries[at]!]) continue;
      list.entries[kept] = list.entries[at]!;
      list.entries[kept + 1] = list.entries[at + 1]!;
      kept += 2;
    }
    list.length = kept;
    if (kept > 0) return;
    words.delete(termOf[word]!);
    termOf[word] = undefined;
    postings[word] = undefined;
    freeWords.push(word);
  };

  /** The words a query word finds: itself, the longer words it begins, those one typo away, each with its weight. */
  const variants = (term: string): Array<{ word: number; weight: number }> => {
    const found: Array<{ word: number; weight: number }> = [];
    const exact = words.get(term);
    if (exact !== undefined) found.push({ word: exact, weight: 1 });
    const typos = options.typos(term);
    const fuzzy = typos > 0 ? words.fuzzyGet(term, typos) : undefined;
    if (options.prefix(term)) {
      for (const [longer, word] of words.atPrefix(term)) {
        const distance = longer.length - term.length;
        if (!distance) continue;
        fuzzy?.delete(longer);
        found.push({ word, weight: (PREFIX_WEIGHT * longer.length) / (longer.length + 0.3 * distance) });
      }
    }
    if (fuzzy) {
      for (const [near, [word, distance]] of fuzzy) {
        if (distance) found.push({ word, weight: (FUZZY_WEIGHT * near.length) / (near.length + distance) });
      }
    }
    return found;
  };

  const search = (query: string, searchOptions: PostingsSearch): ScoredMatch[] => {
    const asked = new Map<string, number>();
    for (const token of options.tokenize(query)) {
      const term = options.term(token);
      if (term) asked.set(term, (asked.get(term) ?? 0) + 1);
    }
    if (asked.size === 0 || count === 0) return [];
    searchNumber = searchNumber >= 0x7fff_ffff ? 1 : searchNumber + 1;
    if (searchNumber === 1) touchedIn.fill(0);
    const wanted = searchOptions.sources && new Set([...searchOptions.sources].flatMap((source) => sourceNumbers.get(source) ?? []));
    const averages = Array.from(lengthTotals, (total) => total / count);
    const matchingFields = new Int32Array(fieldCount);
    const touched: number[] = [];
    let queryWord = 0;
    for (const [term, times] of asked) {
      queryWord += 1;
      for (const { word, weight } of variants(term)) {
        const { entries, length } = postings[word]!;
        // A word's weight in a field comes from how many articles kept have it there: forgotten ones do not count.
        matchingFields.fill(0);
        for (let at = 0; at < length; at += 2) {
          if (!live[entries[at]!]) continue;
          for (let field = 0, packed = entries[at + 1]!; field < fieldCount; field += 1, packed >>>= FIELD_BITS) if (packed & MAX_COUNT) matchingFields[field]! += 1;
        }
        for (let at = 0; at < length; at += 2) {
          const slot = entries[at]!;
          if (!live[slot] || datedAt[slot]! < searchOptions.datedFrom || fetchedAt[slot]! < searchOptions.fetchedFrom || (wanted && !wanted.has(sourceOf[slot]!))) continue;
          let score = 0;
          for (let field = 0, packed = entries[at + 1]!; field < fieldCount; field += 1, packed >>>= FIELD_BITS) {
            const frequency = packed & MAX_COUNT;
            if (!frequency) continue;
            const inverse = Math.log(1 + (count - matchingFields[field]! + 0.5) / (matchingFields[field]! + 0.5));
            const lengthRatio = fieldLengths[slot * fieldCount + field]! / averages[field]!;
            score += options.boosts[field]! * inverse * (BM25.d + (frequency * (BM25.k + 1)) / (frequency + BM25.k * (1 - BM25.b + BM25.b * lengthRatio)));
          }
          if (touchedIn[slot] !== searchNumber) {
            touchedIn[slot] = searchNumber;
            scores[slot] = 0;
            lastWord[slot] = 0;
            wordsMatched[slot] = 0;
            touched.push(slot);
          }
          scores[slot]! += times * weight * score;
          if (lastWord[slot] !== queryWord) {
            lastWord[slot] = queryWord;
            wordsMatched[slot]! += 1;
          }
        }
      }
    }
    const needed = searchOptions.combineWith === 'AND' ? asked.size : 1;
    const matches: ScoredMatch[] = [];
    for (const slot of touched) {
      if (wordsMatched[slot]! >= needed) matches.push({ id: ids[slot]!, score: scores[slot]! * wordsMatched[slot]!, datedAt: datedAt[slot]! });
    }
    return matches;
  };

  return {
    add(article) {
      if (article.fields.length !== fieldCount) throw new Error(`postings index: ${fieldCount} fields, not ${article.fields.length}`);
      discard(article.id);
      const slot = freeSlots.pop() ?? ids.length;
      grow(slot + 1);
      slotOf.set(article.id, slot);
      ids[slot] = article.id;
      live[slot] = 1;
      datedAt[slot] = article.datedAt;
      fetchedAt[slot] = article.fetchedAt;
      let source = sourceNumbers.get(article.source);
      if (source === undefined) sourceNumbers.set(article.source, (source = sourceNumbers.size));
      sourceOf[slot] = source;
      count += 1;
      const counts = new Map<string, number>();
      article.fields.forEach((text, field) => {
        const tokens = options.tokenize(text);
        // As MiniSearch measures a field: its distinct words as written, before they become terms.
        const length = new Set(tokens).size;
        fieldLengths[slot * fieldCount + field] = length;
        lengthTotals[field]! += length;
        const shift = field * FIELD_BITS;
        for (const token of tokens) {
          const term = options.term(token);
          if (!term) continue;
          const packed = counts.get(term) ?? 0;
          // A word written more than 127 times in one field counts 127 times: BM25 has long stopped rewarding it.
          if (((packed >>> shift) & MAX_COUNT) < MAX_COUNT) counts.set(term, packed + (1 << shift));
        }
      });
      for (const [term, packed] of counts) post(term, slot, packed);
    },
    discard,
    has: (id) => slotOf.has(id),
    get size() {
      return count;
    },
    get forgotten() {
      return dirty.length + clearing.length;
    },
    fetchedBefore(instant) {
      const found: string[] = [];
      for (const [id, slot] of slotOf) if (fetchedAt[slot]! < instant) found.push(id);
      return found;
    },
    search,
  };
}
