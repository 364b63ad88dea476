import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { extractFromHtml } from '../src/ingest/html/extract-html.ts';
import { extractTopics } from '../src/ingest/topics/extract-topics.ts';
import type { Article } from '../src/model/article.ts';
import { loadAebPages } from './corpora.ts';

/** One real article the synthetic ones are recombined from. */
export interface SourceStory {
  title: string;
  dek?: string;
  paragraphs: string[];
  topics: string[];
  host: string;
}

const TEXT_FIXTURES = path.resolve(import.meta.dirname, '../test/fixtures/text');

/** The instant the synthetic articles are dated back from, so that every run builds the same store. */
export const SYNTHETIC_NOW = new Date('2024-10-01T12:00:00Z');
const SPREAD_MS = 30 * 24 * 60 * 60 * 1000;

let cachedStories: SourceStory[] | undefined;

/**
 * The real articles behind the synthetic ones: the benchmark's human-marked pages read by Herald's own
 * extractor, and the scraped-text fixtures' expected articles, each with the topics Herald would give it.
 * Read once per process, since extraction and topic tagging take some seconds.
 */
export function loadSourceStories(): SourceStory[] {
  cachedStories ??= [...aebStories(), ...fixtureStories()].filter((story) => story.title && story.paragraphs.length >= 2);
  return cachedStories;
}

function aebStories(): SourceStory[] {
  return loadAebPages().flatMap((page) => {
    try {
      const draft = extractFromHtml(page.html, page.url);
      const story = { title: draft.title, paragraphs: draft.paragraphs, host: new URL(page.url).hostname };
      return [{ ...story, ...(draft.dek ? { dek: draft.dek } : {}), topics: extractTopics({ ...story, ...(draft.dek ? { dek: draft.dek } : {}) }) }];
    } catch {
      return [];
    }
  });
}

/**
 * The scraped-text fixtures' stories only: fewer, and read in about a second rather than the corpus's many,
 * for tests that need a store of synthetic articles but not the corpus's variety.
 */
export function loadFixtureStories(): SourceStory[] {
  cachedFixtureStories ??= fixtureStories().filter((story) => story.title && story.paragraphs.length >= 2);
  return cachedFixtureStories;
}

let cachedFixtureStories: SourceStory[] | undefined;

function fixtureStories(): SourceStory[] {
  return readdirSync(TEXT_FIXTURES)
    .filter((name) => name.endsWith('.expected.json'))
    .sort()
    .map((name) => {
      const expected = JSON.parse(readFileSync(path.join(TEXT_FIXTURES, name), 'utf8')) as { title: string; dek?: string; paragraphs: string[] };
      const story = { title: expected.title, paragraphs: expected.paragraphs, ...(expected.dek ? { dek: expected.dek } : {}) };
      return { ...story, topics: extractTopics(story), host: `${name.replace(/\.expected\.json$/, '')}.example` };
    });
}

/** mulberry32: small, fast and the same on every machine, which is all a benchmark's dice need. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SYLLABLES = 'ba ko ri ten sa mo lu den ha vi nor el ga zu pe tan mi ros ka del fa jo ver qui lan ne bo stra ul dan'.split(' ');
const ROLES = ['a spokesperson', 'a local official', 'an analyst', 'a resident', 'a senior adviser', 'a witness'];
const TITLE_LABELS = ['', '', '', '', 'Live: ', 'Analysis: ', 'Explainer: ', 'Update: '];

/**
 * `count` articles recombined from the real stories: each keeps one story's headline, lead and topics,
 * sometimes takes a paragraph from another story, is dated within the 30 days before SYNTHETIC_NOW and
 * comes from one of the corpus's sites. Each also quotes an invented person, because a real store keeps
 * meeting new names, and an index's vocabulary (and memory) grows with them.
 * The same count and seed always give the same articles.
 */
export function makeSyntheticArticles(count: number, seed: number): Article[] {
  return [...syntheticArticles(count, seed)];
}

/**
 * The same articles as makeSyntheticArticles, made one at a time, for stores too large to hold in memory;
 * with `sourceFolder`, each site is a file in that folder instead of a feed URL, and with `endingAt`, they are
 * dated over the 30 days before it instead of before SYNTHETIC_NOW (for processes that keep the real clock).
 * With `inArrivalOrder`, each is read a little after the one before, as a poller stores them, instead of at
 * a random time of the 30 days. With `stories`, they are recombined from those instead of loadSourceStories().
 */
export function* syntheticArticles(
  count: number,
  seed: number,
  options: { sourceFolder?: string; endingAt?: Date; inArrivalOrder?: boolean; stories?: SourceStory[] } = {},
): Generator<Article> {
  const end = (options.endingAt ?? SYNTHETIC_NOW).getTime();
  const stories = options.stories ?? loadSourceStories();
  const hosts = [...new Set(stories.map((story) => story.host))].sort();
  const random = seededRandom(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  const hex = (length: number): string => Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');
  const name = (): string => {
    const word = Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(SYLLABLES)).join('');
    return word[0]!.toUpperCase() + word.slice(1);
  };

  for (let index = 0; index < count; index += 1) {
    const story = pick(stories);
    const paragraphs = story.paragraphs.slice(0, 2 + Math.floor(random() * story.paragraphs.length));
    if (random() < 0.3) paragraphs.splice(1 + Math.floor(random() * paragraphs.length), 0, pick(pick(stories).paragraphs));
    paragraphs.splice(Math.min(2, paragraphs.length), 0, `"We are following this closely," said ${name()} ${name()}, ${pick(ROLES)}.`);
    const host = pick(hosts);
    const fetchedAt = options.inArrivalOrder ? end - (SPREAD_MS * (count - index - random())) / count : end - random() * SPREAD_MS;
    const publishedAt = random() < 0.85 ? new Date(fetchedAt - random() * 6 * 60 * 60 * 1000).toISOString() : undefined;
    const id = hex(24);
    const canonicalUrl = `https://${host}/news/${index}-${id.slice(0, 8)}`;
    yield {
      id,
      url: canonicalUrl,
      canonicalUrl,
      title: `${pick(TITLE_LABELS)}${story.title}`,
      ...(story.dek ? { dek: story.dek } : {}),
      ...(publishedAt ? { publishedAt } : {}),
      fetchedAt: new Date(fetchedAt).toISOString(),
      paragraphs,
      alsoRead: [],
      topics: story.topics,
      // In a folder, the sites are files a server's sources can name without anything to poll over the network.
      source: options.sourceFolder ? { kind: 'file', location: `${options.sourceFolder}/${host}.xml`, name: host } : { kind: 'feed', location: `https://${host}/feed`, name: host },
      contentHash: hex(64),
    };
  }
}

/**
 * Topic queries of the kind readers type, drawn from the same stories: a person, place or organisation
 * a story names (one to three words), a subject word from a headline, or a name with a subject from the same story.
 */
export function makeTopicQueries(count: number, seed: number, stories: SourceStory[] = loadSourceStories()): string[] {
  const random = seededRandom(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  const subjectsOf = (story: SourceStory): string[] => story.title.toLowerCase().match(/\p{L}{6,}/gu) ?? [];
  const topics = [...new Set(stories.flatMap((story) => story.topics).filter((topic) => topic.split(/\s+/).length <= 3))].sort();
  const subjects = [...new Set(stories.flatMap(subjectsOf))].sort();
  const pairable = stories.filter((story) => subjectsOf(story).length && story.topics.some((topic) => !topic.includes(' ')));
  return Array.from({ length: count }, () => {
    const roll = random();
    if (roll < 0.6) return pick(topics);
    if (roll < 0.8) return pick(subjects);
    const story = pick(pairable);
    return `${pick(story.topics.filter((topic) => !topic.includes(' ')))} ${pick(subjectsOf(story))}`;
  });
}
