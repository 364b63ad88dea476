import { articleText, articleTime, type Article } from '../../model/article.ts';
import { nameRuns } from '../../ingest/topics/name-runs.ts';
import { nameWords } from '../../ingest/topics/name-words.ts';
import { eventNumbers } from './event-numbers.ts';
import { headlineTerms, type HeadlineTerms } from './headline-cover.ts';
import { languageTerms } from './language-terms.ts';
import { minhashSignature } from './minhash.ts';
import { eventName, type EventName } from './name-match.ts';
import { copiedRunHashes } from './copied-runs.ts';
import { shingleHashes } from './shingles.ts';
import { foldedKeyOfTopic } from './topic-keys.ts';
import { rememberEach } from './remember-each.ts';
import { allWords } from './tokenize.ts';

/**
 * News puts what happened first; past this many words an article adds background that other reports of
 * the event may not share, and the cost of reading it grows with every long feature in the store.
 */
const BODY_WORDS = 600;

/** About the first 300 words: where a report gives its figures, before the background brings older ones. */
const OPENING_CHARS = 2000;

/** The opening that reports of one event share: the first paragraph or two, where the event is told. */
const OPENING_TERMS = 80;

/** About the first two sentences: who and where the event is about. */
const LEAD_WORDS = 50;

/** What clustering needs to know about one article, computed once. */
export interface ArticleFeatures {
  article: Article;
  /** Milliseconds since the epoch: publication, else when Herald read it. */
  time: number;
  /** Whether `time` is when it was published; else it may have been published any time before. */
  dated: boolean;
  /** Title, dek and opening body words, plus the article's topics as whole terms. */
  terms: string[];
  topicKeys: Set<string>;
  /** The topics that are names (people, places, organisations), which the topic extractor writes capitalised. */
  names: EventName[];
  /** The figures its headline, standfirst and opening give. */
  numbers: Set<string>;
  headlineTerms: HeadlineTerms;
  /** The names its headline gives, in full, by their last word ("Djokovic") or by their initials ("EU"). */
  headlineNames: EventName[];
  /** The names its headline, standfirst and first sentences give. */
  leadNames: EventName[];
  /** Every run of ten of its body's words, hashed: what it may have copied from another report. */
  copiedRuns: Uint32Array;
  /** MinHash of the body's word shingles; undefined when there is no body to compare. */
  signature: Uint32Array | undefined;
}

/** The words an article is compared by, as TF-IDF terms: all that "also read" needs of it besides its topics. */
export type ArticleTerms = Pick<ArticleFeatures, 'terms'>;

export function articleTerms(article: Article): ArticleTerms {
  // Related coverage is clustered before it is compared, so its features are usually kept already.
  const kept = featuresOf.get(article);
  return kept ?? { terms: readWords(article).terms };
}

/**
 * Every article's features, kept as long as the article itself is (the entry goes with it): the memory catalog
 * hands out the same article objects to every question, and the same articles are clustered again and again (a
 * topic briefing's 60 hits, some 200 articles of their related coverage, /brief's newest 500), which under a storm
 * of commands spent most of its time working them out anew, most of them for the first time on a big store. Some
 * kilobytes an article (names are shared, see eventName); an Article is never changed in place (a changed one is
 * stored as a new object), so a kept entry is never stale.
 */
const featuresOf = new WeakMap<Article, ArticleFeatures>();

export function articleFeatures(article: Article): ArticleFeatures {
  let features = featuresOf.get(article);
  if (!features) featuresOf.set(article, (features = readFeatures(article)));
  return features;
}

/**
 * Works out an arriving article's features while it is stored, a millisecond or two, rather than in the first
 * answer that clusters it: a topic briefing clusters some 250 articles (its hits and their related coverage),
 * most of them never clustered before on a big store.
 */
export function readFeaturesAhead(article: Article): void {
  articleFeatures(article);
}

function readFeatures(article: Article): ArticleFeatures {
  const { text, body, titleWords, headline, dek, bodyTerms, terms, topicKeys } = readWords(article);
  const shingles = shingleHashes(body);
  const names = [...writtenNames(article, text).keys()].map(eventName);
  const headlineNames = namesIn(names, new Set(titleWords));
  const leadNames = namesIn(names, new Set([...titleWords, ...allWords(article.dek ?? ''), ...body.slice(0, LEAD_WORDS)]));
  const numbers = eventNumbers(reportOpening(article, text));
  const time = articleTime(article);
  return {
    article,
    time,
    dated: article.publishedAt !== undefined && time === Date.parse(article.publishedAt),
    terms,
    topicKeys,
    names,
    headlineNames,
    leadNames,
    numbers,
    copiedRuns: copiedRunHashes(body),
    headlineTerms: headlineTerms(headline, [...dek, ...bodyTerms.slice(0, OPENING_TERMS)]),
    signature: shingles.length ? minhashSignature(shingles) : undefined,
  };
}

/**
 * The names an article gives, by key ("ana ruiz"), each as the article writes it ("Ana Ruiz"): its topics that are
 * names (the topic extractor writes them capitalised), and the names its standfirst and opening give, since
 * topics are capped at a dozen and what two reports share may be the thirteenth name of one of them.
 */
export function writtenNames(article: Article, text = articleText(article)): Map<string, string> {
  const names = new Map<string, string>();
  const add = (name: string): void => {
    const key = foldedKeyOfTopic(name);
    if (key && !names.has(key)) names.set(key, name);
  };
  for (const topic of article.topics) if (/^\p{Lu}/u.test(topic)) add(topic);
  for (const run of nameRuns(`${article.dek ?? ''}\n${text.slice(0, OPENING_CHARS)}`, nameWords(article.language))) add(run.name);
  return names;
}

/** Headline, standfirst and opening: where a report gives its figures, before the background brings older ones. */
export function reportOpening(article: Article, text = articleText(article)): string {
  return `${article.title}\n${article.dek ?? ''}\n${text.slice(0, OPENING_CHARS)}`;
}

/** The article's words, read once: as written (lower case, accents folded) and as similarity compares them. */
function readWords(article: Article) {
  const text = articleText(article);
  const body = allWords(text, BODY_WORDS);
  const titleWords = allWords(article.title);
  const topicKeys = new Set(article.topics.map(foldedKeyOfTopic).filter(Boolean));
  // A headline and a named entity each say more about the event than one body word, so they count twice.
  const headline = languageTerms(titleWords, article.language);
  const dek = languageTerms(allWords(article.dek ?? ''), article.language);
  const bodyTerms = languageTerms(body, article.language);
  const terms = [...headline, ...headline, ...dek, ...bodyTerms].map(sharedTerm);
  for (const key of topicKeys) terms.push(sharedTerm(`@${key}`), sharedTerm(`@${key}`));
  return { text, body, titleWords, headline, dek, bodyTerms, terms, topicKeys };
}

/**
 * One string for each term, shared by every article that uses it: features are kept for every article, and each
 * article's own copies of its two hundred terms took some 10 kB of it (a few dozen bytes a word), where references
 * to shared ones take 2 kB. A word read out of a text may be a slice that keeps the whole text alive; the kept
 * string is a copy.
 */
const sharedTerm = rememberEach((term) => ` ${term}`.slice(1), 500_000);

/** The names among `names` that `words` give, in full, by their last word ("Djokovic") or by their initials ("EU"). */
function namesIn(names: EventName[], words: Set<string>): EventName[] {
  return names.filter((name) => words.has(name.words.at(-1)!) || name.initials.some((initials) => words.has(initials)));
}
