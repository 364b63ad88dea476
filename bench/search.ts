import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createMemoryCatalog } from '../src/brief/memory-catalog.ts';
import { Newsroom } from '../src/brief/newsroom.ts';
import { createSearchIndex, type SearchIndex } from '../src/brief/search/search-index.ts';
import { createExtractiveSummarizer } from '../src/brief/summarize/extractive-summarizer.ts';
import type { Article } from '../src/model/article.ts';
import { createKeyvArticleRepository, type ArticleRepository } from '../src/store/article-repository.ts';
import { openStore, type Store } from '../src/store/open-store.ts';
import { liveMemory } from '../test/support/live-memory.ts';
import { median, percentile, type BenchSection } from './report.ts';
import { loadSourceStories, makeSyntheticArticles, makeTopicQueries, SYNTHETIC_NOW } from './synthetic-articles.ts';

const SIZES = [10_000, 100_000];
const ARTICLE_SEED = 20_240_901;
const QUERY_SEED = 7;
const QUERY_COUNT = 300;
const WARM_UP_QUERIES = 30;
const LIMIT = 20;
/** Topic briefings timed per size: each clusters, summarises and links a handful of stories, so fewer are needed for stable percentiles. */
const BRIEFING_QUERIES = 100;
const BRIEFING_STORIES = 5;
/** Longer than the 30 days the synthetic articles span, so that none expires while the bench runs. */
const STORE_RETENTION_MS = 90 * 24 * 60 * 60 * 1000;
/** Body lengths whose cost and gain are compared; Infinity indexes the whole body. */
const BODY_CHOICES = [0, 500, 1_000, 2_000, Infinity];
/** Adds in flight at once while filling the store: the repository runs them one after another anyway. */
const WRITE_BATCH = 500;

/** Live memory in MB: the heap, and the array buffers the index's postings are kept in. */
function heapMb(): number {
  const { heapUsed, arrayBuffers } = liveMemory();
  return (heapUsed + arrayBuffers) / 1_048_576;
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

/** The baseline: every article's text held in memory, folded like the index's terms, and tested word by word. */
interface NaiveEntry {
  id: string;
  text: string;
  datedAt: number;
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

function naiveEntry(article: Article): NaiveEntry {
  return {
    id: article.id,
    text: fold([article.title, article.dek ?? '', article.topics.join(' '), ...article.paragraphs].join('\n')),
    datedAt: Date.parse(article.publishedAt ?? article.fetchedAt),
  };
}

function naiveSearch(entries: NaiveEntry[], query: string): string[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return entries
    .filter((entry) => words.every((word) => entry.text.includes(word)))
    .sort((a, b) => b.datedAt - a.datedAt)
    .slice(0, LIMIT)
    .map((entry) => entry.id);
}

/** Runs every query after a warm-up and returns the time each took. */
function latencies(queries: string[], run: (query: string) => unknown[]): { ms: number[]; answered: number } {
  for (const query of queries.slice(0, WARM_UP_QUERIES)) run(query);
  const ms: number[] = [];
  let answered = 0;
  for (const query of queries) {
    const { value, ms: took } = timed(() => run(query));
    ms.push(took);
    if (value.length) answered += 1;
  }
  return { ms, answered };
}

interface SizeRun {
  size: number;
  writesPerSecond: number;
  storeMb: number;
  scanMs: number;
  loadAndIndexMs: number;
  indexMb: number;
  search: { ms: number[]; answered: number };
  naive: { ms: number[]; answered: number };
  naiveMb: number;
  pruneMs: number;
  pruned: number;
  briefing: { ms: number[]; answered: number };
}

async function fillStore(repository: ArticleRepository, articles: Article[]): Promise<number> {
  const started = performance.now();
  for (let start = 0; start < articles.length; start += WRITE_BATCH) {
    await Promise.all(articles.slice(start, start + WRITE_BATCH).map((article) => repository.add(article)));
  }
  return performance.now() - started;
}

async function measureSize(size: number, queries: string[]): Promise<SizeRun> {
  const folder = await mkdtemp(path.join(tmpdir(), 'herald-bench-search-'));
  const file = path.join(folder, 'herald.sqlite');
  const open = async (): Promise<{ store: Store; repository: ArticleRepository }> => {
    const store = await openStore(`sqlite://${file}`);
    return { store, repository: createKeyvArticleRepository(store, { retentionMs: STORE_RETENTION_MS }) };
  };
  try {
    let opened = await open();
    const writeMs = await fillStore(opened.repository, makeSyntheticArticles(size, ARTICLE_SEED));
    await opened.store.close();
    const storeMb = ((await stat(file)).size + (await stat(`${file}-wal`).catch(() => ({ size: 0 }))).size) / 1_048_576;

    // A fresh connection, as after a restart, so that the scan reads from the file and not from a warm connection.
    opened = await open();
    let scanned = 0;
    const scanStarted = performance.now();
    for await (const _ of opened.repository.list()) scanned += 1;
    const scanMs = performance.now() - scanStarted;
    if (scanned !== size) throw new Error(`bench: the scan returned ${scanned} of ${size} articles`);

    const heapBefore = heapMb();
    const index = createSearchIndex();
    const indexStarted = performance.now();
    for await (const article of opened.repository.list()) index.add(article);
    const loadAndIndexMs = performance.now() - indexStarted;
    const indexMb = heapMb() - heapBefore;

    const naiveBefore = heapMb();
    const entries: NaiveEntry[] = [];
    for await (const article of opened.repository.list()) entries.push(naiveEntry(article));
    const naiveMb = heapMb() - naiveBefore;
    await opened.store.close();

    const search = latencies(queries, (query) => index.search(query, { now: SYNTHETIC_NOW, limit: LIMIT }));
    const naive = latencies(queries, (query) => naiveSearch(entries, query));
    entries.length = 0;
    // A day later, the oldest day's articles leave retention: what the daily prune costs.
    const { value: pruned, ms: pruneMs } = timed(() => index.prune(new Date(SYNTHETIC_NOW.getTime() + 24 * 60 * 60 * 1000)));
    const briefing = await measureTopicBriefings(await open(), queries.slice(0, BRIEFING_QUERIES));
    return { size, writesPerSecond: size / (writeMs / 1000), storeMb, scanMs, loadAndIndexMs, indexMb, search, naive, naiveMb, pruneMs, pruned, briefing };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * What `/news topic:` costs end to end: search, clustering the hits into stories, an extractive summary per
 * story, also-read links and the overview, over a newsroom holding every stored article.
 */
async function measureTopicBriefings(opened: { store: Store; repository: ArticleRepository }, queries: string[]): Promise<{ ms: number[]; answered: number }> {
  const catalog = createMemoryCatalog({ retentionMs: STORE_RETENTION_MS });
  for await (const article of opened.repository.list()) catalog.added(article);
  await opened.store.close();
  const newsroom = new Newsroom({ catalog, summarizer: createExtractiveSummarizer(), now: () => SYNTHETIC_NOW });
  const brief = (query: string) => newsroom.topicBriefing(query, { limit: BRIEFING_STORIES });
  for (const query of queries.slice(0, WARM_UP_QUERIES)) await brief(query);
  const ms: number[] = [];
  let answered = 0;
  for (const query of queries) {
    const started = performance.now();
    const briefing = await brief(query);
    ms.push(performance.now() - started);
    if (briefing.items.length) answered += 1;
  }
  return { ms, answered };
}

interface BodyChoice {
  bodyChars: number;
  buildMs: number;
  heapMb: number;
  p50: number;
  p99: number;
  /** Of the whole-body index's top ten for each query, the share this index also ranks in its top ten. */
  overlap: number;
}

/** What indexing more of the body costs in memory and time, and how much it changes the top ten. */
function measureBodyChoices(articles: Article[], queries: string[]): BodyChoice[] {
  const topTen = (index: SearchIndex, query: string): string[] => index.search(query, { now: SYNTHETIC_NOW, limit: 10 }).map((hit) => hit.id);
  const build = (bodyChars: number): { index: SearchIndex; ms: number; mb: number } => {
    const before = heapMb();
    const { value: index, ms } = timed(() => {
      const built = createSearchIndex({ bodyChars });
      for (const article of articles) built.add(article);
      return built;
    });
    return { index, ms, mb: heapMb() - before };
  };
  let whole: SearchIndex | undefined = build(Infinity).index;
  const reference = queries.map((query) => topTen(whole!, query));
  whole = undefined;
  return BODY_CHOICES.map((bodyChars) => {
    const { index, ms, mb } = build(bodyChars);
    const { ms: times } = latencies(queries, (query) => index.search(query, { now: SYNTHETIC_NOW, limit: LIMIT }));
    const shared = queries.map((query, queryIndex) => {
      const expected = reference[queryIndex]!;
      const got = new Set(topTen(index, query));
      return { kept: expected.filter((id) => got.has(id)).length, of: expected.length };
    });
    const kept = shared.reduce((sum, pair) => sum + pair.kept, 0);
    const of = shared.reduce((sum, pair) => sum + pair.of, 0);
    return { bodyChars, buildMs: ms, heapMb: mb, p50: median(times), p99: percentile(times, 99), overlap: kept / Math.max(of, 1) };
  });
}

const fixed = (value: number, digits = 1): string => value.toFixed(digits);
const count = (value: number): string => value.toLocaleString('en-US');

/**
 * Topic search: Herald's BM25 index (search/postings-index.ts) beside a naive scan of every article's text, over
 * 10,000 and 100,000 synthetic articles stored in SQLite through the repository and loaded back by a full scan.
 */
export default async function benchSearch(): Promise<BenchSection> {
  const stories = loadSourceStories();
  const queries = makeTopicQueries(QUERY_COUNT, QUERY_SEED);
  const bodyChoices = measureBodyChoices(makeSyntheticArticles(SIZES[0]!, ARTICLE_SEED), queries);
  const runs: SizeRun[] = [];
  for (const size of SIZES) runs.push(await measureSize(size, queries));

  return {
    title: 'Topic search',
    table: [
      ['articles', 'store writes/s', 'store MB', 'full scan s', 'scan + index s', 'index MB (heap and buffers)', 'search p50 ms', 'search p99 ms', 'naive scan p50 ms', 'naive p99 ms', 'p50 faster', 'p99 faster', 'topic briefing p50 ms', 'topic briefing p99 ms'],
      ...runs.map((run) => [
        count(run.size),
        count(Math.round(run.writesPerSecond)),
        fixed(run.storeMb, 0),
        fixed(run.scanMs / 1000),
        fixed(run.loadAndIndexMs / 1000),
        fixed(run.indexMb, 0),
        fixed(median(run.search.ms), 2),
        fixed(percentile(run.search.ms, 99), 2),
        fixed(median(run.naive.ms), 2),
        fixed(percentile(run.naive.ms, 99), 2),
        `${fixed(median(run.naive.ms) / median(run.search.ms))}x`,
        `${fixed(percentile(run.naive.ms, 99) / percentile(run.search.ms, 99))}x`,
        fixed(median(run.briefing.ms), 1),
        fixed(percentile(run.briefing.ms, 99), 1),
      ]),
    ],
    notes: [
      `Articles: recombined from ${stories.length} real stories (the aeb pages read by extractFromHtml and the scraped-text fixtures), each with Herald's own topics, dated over 30 days, on ${count(new Set(stories.map((story) => story.host)).size)} sites, and quoting an invented name so that the vocabulary keeps growing as a real store's does (bench/synthetic-articles.ts, seed ${ARTICLE_SEED}).`,
      `Queries: ${QUERY_COUNT} topic queries of one to three words drawn from the same stories (names, places, organisations, headline words and pairs), each timed after ${WARM_UP_QUERIES} warm-up queries, top ${LIMIT} asked for. Search answers ${runs.map((run) => `${run.search.answered}/${QUERY_COUNT} at ${count(run.size)}`).join(', ')}; the naive scan (every query word a substring of the folded title, dek, topics and whole body, newest first, no ranking) answers ${runs.map((run) => `${run.naive.answered}/${QUERY_COUNT}`).join(', ')}: it reads the whole body and matches inside words ("rain" in "Ukraine").`,
      `Topic briefing: the whole answer to \`herald brief --topic\` and \`/news topic:\` (search, clustering the 60 best hits into stories, ${BRIEFING_STORIES} extractive summaries, also-read links and an overview) for the first ${BRIEFING_QUERIES} queries, answering ${runs.map((run) => `${run.briefing.answered}/${BRIEFING_QUERIES} at ${count(run.size)}`).join(', ')}; Discord's deadline is 3,000 ms.`,
      `Store: articles added through the repository ${WRITE_BATCH} at a time (each add checks for duplicates first), then read back after reopening the file by the keyset-paged full scan. Scan + index is what a restart costs before the first query can be answered.`,
      `Memory: what the index adds to the live heap and to the array buffers outside it (its postings are typed arrays), after garbage collection; the naive scan's folded texts take ${runs.map((run) => `${fixed(run.naiveMb, 0)} MB at ${count(run.size)}`).join(', ')}.`,
      `Pruning a day's expired articles (${runs.map((run) => `${count(run.pruned)} at ${count(run.size)} in ${fixed(run.pruneMs)} ms`).join(', ')}) forgets them at once; their postings are cleared in the background, a batch of words a turn of the event loop, once a tenth of the index is forgotten (src/brief/search/postings-index.ts).`,
      `Body indexed, at ${count(SIZES[0]!)} articles (chars: MB of heap and buffers, build ms, search p50/p99 ms, share of the whole-body top ten kept): ${bodyChoices.map((choice) => `${Number.isFinite(choice.bodyChars) ? count(choice.bodyChars) : 'whole'}: ${fixed(choice.heapMb, 0)} MB, ${fixed(choice.buildMs, 0)} ms, ${fixed(choice.p50, 2)}/${fixed(choice.p99, 2)} ms, ${Math.round(choice.overlap * 100)}%`).join('; ')}.`,
    ],
  };
}
