import { extractTopics } from '../src/ingest/topics/extract-topics.ts';
import { articleFeatures } from '../src/brief/cluster/article-features.ts';
import { clusterStories, EVENT_SIMILARITY, EVENT_WINDOW_HOURS, GROUP_SHARE } from '../src/brief/cluster/cluster-stories.ts';
import { mergeClusters } from '../src/brief/cluster/merge-clusters.ts';
import { estimatedJaccard } from '../src/brief/cluster/minhash.ts';
import { DUPLICATE_JACCARD, type SimilarPair } from '../src/brief/cluster/near-duplicate-pairs.ts';
import { figureCounts, sameEventSimilarity } from '../src/brief/cluster/same-event-pairs.ts';
import { termVectors } from '../src/brief/cluster/term-vectors.ts';
import type { Article } from '../src/model/article.ts';
import type { Story } from '../src/model/story.ts';
import { alsoReadRelevance } from './also-read-relevance.ts';
import { clusterScores, type ClusterScores } from './cluster-scores.ts';
import { loadAebPages } from './corpora.ts';
import { labelledArticles, loadLabelledEvents, type LabelledArticle } from './labelled-events.ts';
import type { BenchSection } from './report.ts';

/** A real sentence, with the topics its page names that it mentions. */
interface Sentence {
  text: string;
  topics: string[];
}

interface Corpus {
  articles: Article[];
  /** For each article id, the id of the article it copies (itself for an original). */
  groupOf: Map<string, string>;
}

const SPAN_MS = 60 * 24 * 3_600_000;
const START = Date.parse('2024-01-01T00:00:00Z');
const CHROME = [
  'Copyright 2024 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.',
  'Sign up for our morning newsletter to get the day’s top stories in your inbox.',
  'Follow our live coverage for the latest updates.',
  'Reporting by staff; editing by the news desk.',
];

/** Mulberry32: a tiny seeded generator, so every run builds the same corpus. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * The sentences of the human-marked article bodies of corpus/aeb, each with its page's topics that it
 * names. Text the splitter cannot cut into sentences (recipes, tables, scripts without full stops) is left out:
 * one such block would make up half of any article drawn from the pool.
 */
export function loadSentences(): Sentence[] {
  return loadAebPages().flatMap(({ articleBody }) => {
    const paragraphs = articleBody.split(/\n+/).filter((paragraph) => paragraph.trim());
    const pageTopics = extractTopics({ title: '', paragraphs });
    return paragraphs
      .flatMap((paragraph) => paragraph.split(/(?<=[.!?。])\s+/))
      .filter((text) => text.split(/\s+/).length >= 6 && text.split(/\s+/).length <= 60)
      .map((text) => ({ text, topics: pageTopics.filter((topic) => text.includes(topic)) }));
  });
}

/**
 * `count` articles, each eight to fourteen sentences drawn from the whole pool, published over 60 days; one
 * original in ten is carried again by one to three other sites within 12 hours, with its own headline, a
 * sentence dropped or a word changed, and site chrome at the end. Copies and their original are the known groups.
 */
export function syntheticCorpus(sentences: Sentence[], count: number, seed: number): Corpus {
  const next = random(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)]!;
  const articles: Article[] = [];
  const groupOf = new Map<string, string>();
  let serial = 0;
  const make = (title: string, body: Sentence[], time: number, site: string): Article => {
    serial += 1;
    const paragraphs: string[] = [];
    for (let at = 0; at < body.length; at += 3) paragraphs.push(body.slice(at, at + 3).map((sentence) => sentence.text).join(' '));
    const topics = [...new Set(body.flatMap((sentence) => sentence.topics))].slice(0, 12);
    const url = `https://${site}.example/news/${serial}`;
    return { id: `a${serial}`, url, canonicalUrl: url, title, siteName: site, publishedAt: new Date(time).toISOString(), fetchedAt: new Date(time + 600_000).toISOString(), paragraphs, alsoRead: [], topics, source: { kind: 'feed', location: `https://${site}.example/feed` }, contentHash: `h${serial}` };
  };
  while (articles.length < count) {
    const body = Array.from({ length: 8 + Math.floor(next() * 7) }, () => pick(sentences));
    const time = START + Math.floor(next() * SPAN_MS);
    const original = make(headline(body[0]!.text), body, time, `site${Math.floor(next() * 400)}`);
    articles.push(original);
    groupOf.set(original.id, original.id);
    if (next() >= 0.1) continue;
    const copies = 1 + Math.floor(next() * 3);
    for (let copy = 0; copy < copies && articles.length < count; copy += 1) {
      const edited = body.filter((_, index) => index !== body.length - 1 || next() < 0.5).map((sentence) => (next() < 0.2 ? { ...sentence, text: changeOneWord(sentence.text, next) } : sentence));
      const copied = make(`${pick(['Update:', 'Report:', 'Watch:', ''])} ${headline(pick(body).text)}`.trim(), [...edited, { text: pick(CHROME), topics: [] }], time + Math.floor(next() * 12 * 3_600_000), `site${Math.floor(next() * 400)}`);
      articles.push(copied);
      groupOf.set(copied.id, original.id);
    }
  }
  return { articles, groupOf };
}

function headline(sentence: string): string {
  return sentence.split(/\s+/).slice(0, 10).join(' ').replace(/[,.;:]$/, '');
}

function changeOneWord(sentence: string, next: () => number): string {
  const words = sentence.split(' ');
  words[Math.floor(next() * words.length)] = 'reportedly';
  return words.join(' ');
}

/** Pairwise precision and recall, and B-cubed F1, of the stories against the known groups. */
function scoresOf(stories: Story[], groupOf: Map<string, string>): ClusterScores {
  return clusterScores(stories.map((story) => story.articles.map((article) => article.id)), groupOf);
}

/** The labelled events of one split: real reports, clustered together with their distractors. */
function labelledRow(label: string, articles: LabelledArticle[]): string[] {
  const groupOf = new Map(articles.map((labelled) => [labelled.article.id, labelled.event]));
  const { result: stories, ms } = timed(() => clusterStories(articles.map((labelled) => labelled.article)));
  const scores = scoresOf(stories, groupOf);
  return [label, seconds(ms), Math.round(articles.length / (ms / 1000)).toLocaleString('en'), `${stories.length} (${new Set(groupOf.values()).size} known)`, percent(scores.pairPrecision), percent(scores.pairRecall), scores.bcubedF1.toFixed(3)];
}

/**
 * The baseline: every pair compared, with the same features, the same tests (estimated Jaccard for copies;
 * the similarity and guards of sameEventSimilarity for one event) and the same merge. What it finds is what an index
 * could at best find, so it also measures what the candidate search misses.
 */
function clusterAllPairs(articles: Article[]): number[][] {
  const features = articles.map(articleFeatures);
  const vectors = termVectors(features.map((feature) => feature.terms));
  const items = features.map((feature, index) => ({ ...feature, vector: vectors[index]! }));
  const options = { windowMs: EVENT_WINDOW_HOURS * 3_600_000, threshold: EVENT_SIMILARITY, figureCounts: figureCounts(features) };
  const duplicates: SimilarPair[] = [];
  const sameEvent: SimilarPair[] = [];
  for (let a = 0; a < features.length; a += 1) {
    for (let b = a + 1; b < features.length; b += 1) {
      const [left, right] = [features[a]!, features[b]!];
      if (left.signature && right.signature && Math.abs(left.time - right.time) <= 7 * 24 * 3_600_000) {
        const similarity = estimatedJaccard(left.signature, right.signature);
        if (similarity >= DUPLICATE_JACCARD) duplicates.push({ a, b, similarity });
      }
      const similarity = sameEventSimilarity(items[a]!, items[b]!, options);
      if (similarity !== undefined) sameEvent.push({ a, b, similarity });
    }
  }
  return mergeClusters(vectors, duplicates, sameEvent, GROUP_SHARE * EVENT_SIMILARITY);
}

function timed<T>(run: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = run();
  return { result, ms: performance.now() - started };
}

const seconds = (ms: number): string => (ms / 1000).toFixed(2);
const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;

/** Clustering: clusterStories at 10,000 and 100,000 articles, and beside an all-pairs baseline at 2,000. */
export default async function benchClustering(): Promise<BenchSection> {
  const sentences = loadSentences();
  const sizes = [10_000, 100_000];
  const rows = sizes.map((size) => {
    const corpus = syntheticCorpus(sentences, size, size);
    clusterStories(corpus.articles.slice(0, 2000));
    const { result: stories, ms } = timed(() => clusterStories(corpus.articles));
    const scores = scoresOf(stories, corpus.groupOf);
    const groups = new Set(corpus.groupOf.values()).size;
    return [`clusterStories, ${size.toLocaleString('en')} synthetic articles`, seconds(ms), Math.round(size / (ms / 1000)).toLocaleString('en'), `${stories.length.toLocaleString('en')} (${groups.toLocaleString('en')} known)`, percent(scores.pairPrecision), percent(scores.pairRecall), scores.bcubedF1.toFixed(3)];
  });

  const small = syntheticCorpus(sentences, 2000, 2000);
  clusterStories(small.articles);
  const indexed = timed(() => clusterStories(small.articles));
  const naive = timed(() => clusterAllPairs(small.articles));
  const naiveStories = naive.result.map((members) => ({ articles: members.map((index) => small.articles[index]!) }) as Story);
  const indexedScores = scoresOf(indexed.result, small.groupOf);
  const naiveScores = scoresOf(naiveStories, small.groupOf);
  const events = loadLabelledEvents();
  const labelled = labelledArticles(events);
  const heldOut = labelled.filter((article) => article.split === 'held-out');
  const tuning = labelled.filter((article) => article.split === 'tune');
  const eventRows = [
    labelledRow(`clusterStories, labelled events held out (${events.filter((event) => event.split === 'held-out').length} events, ${heldOut.length} reports)`, heldOut),
    labelledRow(`clusterStories, labelled events for tuning (${events.filter((event) => event.split === 'tune').length} events, ${tuning.length} reports)`, tuning),
    labelledRow(`clusterStories, all labelled events (${events.length}, ${labelled.length} reports)`, labelled),
  ];
  const sameAsNaive = agreement(indexed.result, naiveStories);
  const alsoRead = alsoReadRelevance(labelled);

  return {
    title: 'Story clustering',
    table: [
      ['method', 'seconds', 'articles/s', 'stories', 'pair precision', 'pair recall', 'B-cubed F1'],
      ...eventRows,
      ...rows,
      ['clusterStories, 2,000 synthetic articles', seconds(indexed.ms), Math.round(2000 / (indexed.ms / 1000)).toLocaleString('en'), indexed.result.length.toLocaleString('en'), percent(indexedScores.pairPrecision), percent(indexedScores.pairRecall), indexedScores.bcubedF1.toFixed(3)],
      ['all pairs compared, 2,000 synthetic articles', seconds(naive.ms), Math.round(2000 / (naive.ms / 1000)).toLocaleString('en'), naive.result.length.toLocaleString('en'), percent(naiveScores.pairPrecision), percent(naiveScores.pairRecall), naiveScores.bcubedF1.toFixed(3)],
      ['clusterStories vs all pairs, 2,000', `${(naive.ms / indexed.ms).toFixed(1)}x faster`, '', `${percent(sameAsNaive)} of all-pairs co-clustered pairs kept`, '', '', ''],
    ],
    notes: [
      `Labelled events (test/fixtures/events, README there): ${events.length} real events of 2015–2024 in English, Spanish, French, German, Italian and Portuguese, each told by 2–5 reports written for the purpose in different outlets' styles and words from the same public facts, with ${labelled.length - events.reduce((sum, event) => sum + event.reports.length, 0)} distractors (a different real event on the same subject: the same club's next match, the bank's previous decision, another earthquake in the same country), each an event of its own. The held-out fifth is reported apart, so that whatever is tuned on the rest can be checked on reports it never saw. Goal on it: pair precision at least 95%, recall at least 85%. B-cubed F1 averages, article by article, the share of its story that is its event and the share of its event in its story.`,
      `Synthetic articles: 8–14 sentences drawn at random from the ${sentences.length.toLocaleString('en')} sentences of the human-marked bodies in corpus/aeb, published over 60 days, each carrying the topics its source pages name in those sentences. One original in ten is carried by one to three more sites within 12 hours under another headline, with its last sentence sometimes dropped, one word in five sentences changed and a line of site chrome appended.`,
      `Also read on the labelled events (all of them clustered, each story read an hour after its latest report): ${alsoRead.links} of Herald's own links under ${alsoRead.withLinks} of ${alsoRead.stories} stories, ${percent(alsoRead.relevant / alsoRead.links)} of them to coverage of the same subject (the event or a distractor on its subject); a link to any other event counts as irrelevant. Goal: at least 90%.`,
      'Pair precision and recall are against those known groups: precision is the share of article pairs put in one story that are copies of one original; recall the share of copy pairs put in one story. Random recombinations that happen to share several sentences count against precision, though a reader might call them related.',
      'The all-pairs baseline uses the same features, thresholds and merge, and compares every pair; its time grows with the square of the corpus (about 2,500 times the 2,000-article time at 100,000). Timings are one run each after a warm-up, including feature extraction (shingles, MinHash, TF-IDF).',
    ],
  };
}

/** The share of pairs the all-pairs baseline puts together that clusterStories also puts together. */
function agreement(stories: Story[], baseline: Story[]): number {
  const storyOf = new Map<string, number>();
  stories.forEach((story, index) => story.articles.forEach((article) => storyOf.set(article.id, index)));
  let pairs = 0;
  let kept = 0;
  for (const story of baseline) {
    for (let i = 0; i < story.articles.length; i += 1) {
      for (let j = i + 1; j < story.articles.length; j += 1) {
        pairs += 1;
        if (storyOf.get(story.articles[i]!.id) === storyOf.get(story.articles[j]!.id)) kept += 1;
      }
    }
  }
  return pairs ? kept / pairs : 1;
}
