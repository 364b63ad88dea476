import type { BriefingLink, Story } from '../../model/story.ts';
import { webAddress } from '../article-address.ts';
import { articleTerms } from '../cluster/article-features.ts';
import { MEANING_SIMILARITY } from '../cluster/cluster-stories.ts';
import { Centroid, heaviestTerms, termVectors } from '../cluster/term-vectors.ts';
import { foldedKeyOfTopic } from '../cluster/topic-keys.ts';
import { MeaningCentroid, type UnitVector } from '../embed/dense-vector.ts';

export interface AlsoReadOptions {
  now: Date;
  /** Default 3. */
  limit?: number;
}

export interface RelatedIndex {
  /** Other stories' leads worth reading next to `story`, best first; none of the story's own articles, no URL twice. */
  alsoRead(story: Story, options: AlsoReadOptions): BriefingLink[];
}

/** Under this, two stories share words, not a subject: nothing is offered rather than something unrelated. */
const MIN_SIMILARITY = 0.25;
/** Over this cosine, the other story tells the same thing (a copy clustering missed), so it is no further reading. */
const MAX_SIMILARITY = 0.6;
/** How fast the recency weight falls from 1 towards its floor of 0.5. */
const HALF_LIFE_HOURS = 72;
const LOOKUP_TERMS = 12;
/**
 * Up to this many stories every one is compared: cheap, and exact. The term lookup beyond it is a shortcut
 * that can miss a related story whose heaviest terms tie with others (one mention each of many names).
 */
const COMPARE_ALL_UP_TO = 200;
/**
 * With embeddings, stories whose meanings agree this much are related though their words differ (a rewrite,
 * another language), and the agreement above it lifts the score; from MEANING_SIMILARITY up they tell one event.
 */
const MEANING_RELATED = 0.6;
const MEANING_WEIGHT = 0.5;

interface Entry {
  story: Story;
  centroid: Centroid;
  /** The keys of its topics that can be a subject two stories share (see subjectKeys). */
  subjectKeys: Set<string>;
  /** The mean of the story's embeddings, when every article has one. */
  meaning?: MeaningCentroid;
  /** The heaviest terms of its articles, which it is looked up by; none when every story is compared with every other. */
  terms: number[];
  time: number;
  urls: Set<string>;
}

/**
 * Indexes stories once so that each briefing item finds its related coverage among thousands: a story is
 * compared only with stories that share one of its heaviest terms. Relevance is the cosine of the stories'
 * TF-IDF centroids, raised by each subject they share, and a story that shares none is never offered;
 * recency then weighs it down towards half for old coverage (halfway there after three days), and never lifts
 * an unrelated story over the minimum.
 */
export function createRelatedIndex(stories: Story[], meanings?: ReadonlyMap<string, UnitVector>): RelatedIndex {
  const features = stories.map((story) => story.articles.map(articleTerms));
  const vectors = termVectors(features.flat().map((feature) => feature.terms));
  // Few stories are all compared with one another, and their heaviest terms are not looked up.
  const lookUp = stories.length > COMPARE_ALL_UP_TO;
  let next = 0;
  const entries: Entry[] = stories.map((story, index) => {
    const own = features[index]!.map(() => vectors[next++]!);
    const centroid = new Centroid(own[0]!);
    for (const vector of own.slice(1)) centroid.add(vector);
    const meaning = meaningOf(story, meanings);
    return {
      story,
      centroid,
      ...(meaning ? { meaning } : {}),
      subjectKeys: subjectKeys(story),
      terms: lookUp ? [...new Set(own.flatMap((vector) => heaviestTerms(vector, LOOKUP_TERMS)))] : [],
      time: Date.parse(story.latestAt),
      urls: storyUrls(story),
    };
  });
  const byTerm = new Map<number, Entry[]>();
  for (const entry of entries) {
    for (const term of entry.terms) {
      const listed = byTerm.get(term);
      if (listed) listed.push(entry);
      else byTerm.set(term, [entry]);
    }
  }
  const byId = new Map(entries.map((entry) => [entry.story.id, entry]));

  return {
    alsoRead(story, { now, limit = 3 }) {
      const self = byId.get(story.id) ?? entries.find((entry) => entry.story === story);
      if (!self) return [];
      const candidates = entries.length <= COMPARE_ALL_UP_TO ? entries : new Set(self.terms.flatMap((term) => byTerm.get(term) ?? []));
      const scored = [...candidates]
        .filter((entry) => entry !== self && !overlaps(entry.urls, self.urls))
        .map((entry) => ({
          entry,
          similarity: self.centroid.cosine(entry.centroid),
          meaning: self.meaning && entry.meaning ? self.meaning.cosine(entry.meaning) : undefined,
          shared: sharedCount(self.subjectKeys, entry.subjectKeys),
        }))
        .filter(({ similarity, meaning, shared }) => {
          if (similarity > MAX_SIMILARITY || (meaning ?? 0) >= MEANING_SIMILARITY || shared === 0) return false;
          return similarity + 0.05 * shared >= MIN_SIMILARITY || (meaning ?? 0) >= MEANING_RELATED;
        })
        .map(({ entry, similarity, meaning, shared }) => ({
          entry,
          score: (similarity + 0.05 * Math.min(shared, 4) + MEANING_WEIGHT * Math.max(0, (meaning ?? 0) - MEANING_RELATED)) * recency(entry.time, now),
        }))
        .sort((a, b) => b.score - a.score || (a.entry.story.id < b.entry.story.id ? -1 : 1));
      const links: BriefingLink[] = [];
      const used = new Set(self.urls);
      for (const { entry } of scored) {
        const link = linkTo(entry.story);
        if (!link || used.has(link.url)) continue;
        used.add(link.url);
        links.push(link);
        if (links.length >= limit) break;
      }
      return links;
    },
  };
}

function meaningOf(story: Story, meanings: ReadonlyMap<string, UnitVector> | undefined): MeaningCentroid | undefined {
  const vectors = story.articles.map((article) => meanings?.get(article.id));
  if (vectors.length === 0 || vectors.some((vector) => !vector)) return undefined;
  const centroid = new MeaningCentroid(vectors[0]!);
  for (const vector of vectors.slice(1)) centroid.absorb(new MeaningCentroid(vector!));
  return centroid;
}

/** The plain form, for a single story: builds the index over the candidates and the story, then asks it once. */
export function rankAlsoRead(story: Story, candidates: Story[], options: AlsoReadOptions, meanings?: ReadonlyMap<string, UnitVector>): BriefingLink[] {
  return createRelatedIndex([story, ...candidates.filter((candidate) => candidate.id !== story.id)], meanings).alsoRead(story, options);
}

/** The lead when it can be opened, else the first of the story's articles that can. */
export function linkTo(story: Story): BriefingLink | undefined {
  const article = story.articles.find((candidate) => webAddress(candidate));
  return article && { title: article.title, url: webAddress(article)! };
}

/** Every address the story's articles go by, so that no link leads back into the story. */
export function storyUrls(story: Story): Set<string> {
  return new Set(story.articles.flatMap((article) => [article.url, article.canonicalUrl].filter((url): url is string => Boolean(url))));
}

function recency(time: number, now: Date): number {
  const ageHours = Math.max(0, (now.getTime() - time) / 3_600_000);
  return 0.5 + 0.5 * 2 ** (-ageHours / HALF_LIFE_HOURS);
}

/**
 * The keys of the story's topics that say what it is about: names ("Sam Altman", "San Francisco", "MHRA") and
 * subjects of several words ("sickle cell disease"). A topic of one lower-case word ("company", "result",
 * "set", "sanctions") is a word many unrelated stories use: Djokovic's Wimbledon final and England's cricket
 * World Cup both speak of a "set" and a "rule", and a link on that alone leads a reader to an unrelated subject.
 */
function subjectKeys(story: Story): Set<string> {
  const keys = story.articles.flatMap((article) => article.topics.filter((topic) => !/^\p{Ll}+$/u.test(topic)).map(foldedKeyOfTopic));
  return new Set(keys.filter(Boolean));
}

function sharedCount(a: Set<string>, b: Set<string>): number {
  let count = 0;
  for (const key of a) if (b.has(key)) count += 1;
  return count;
}

function overlaps(a: Set<string>, b: Set<string>): boolean {
  for (const url of a) if (b.has(url)) return true;
  return false;
}
