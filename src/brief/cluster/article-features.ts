import { articleText, articleTime, type Article } from '../../model/article.ts';
import { topicKey } from '../../ingest/topics/topic-key.ts';
import { properNames, quotedFigures } from './event-marks.ts';
import { minhashSignature } from './minhash.ts';
import { shingleHashes } from './shingles.ts';
import { allWords, contentWords, foldAccents } from './tokenize.ts';

/**
 * News puts what happened first; past this many words an article adds background that other reports of
 * the event may not share, and the cost of reading it grows with every long feature in the store.
 */
const BODY_WORDS = 600;

/** What clustering needs to know about one article, computed once. */
export interface ArticleFeatures {
  article: Article;
  /** Milliseconds since the epoch: publication, else when Herald read it. */
  time: number;
  /** Title, dek and opening body words, plus the article's topics as whole terms. */
  terms: string[];
  topicKeys: Set<string>;
  /**
   * The names it gives: the topics that are names (people, places, organisations, which the topic extractor
   * writes capitalised), and the capitalised names of its headline, standfirst and opening, in any language.
   */
  nameKeys: Set<string>;
  /** The figures its headline, standfirst and opening quote (see event-marks.ts). */
  figures: Set<string>;
  /** MinHash of the body's word shingles; undefined when there is no body to compare. */
  signature: Uint32Array | undefined;
}

export function articleFeatures(article: Article): ArticleFeatures {
  const text = articleText(article);
  const body = allWords(text).slice(0, BODY_WORDS);
  const opening = [article.title, article.dek ?? '', openingOf(text)].join('\n');
  const topicKeys = new Set(article.topics.map((name) => foldAccents(topicKey(name))).filter(Boolean));
  // A headline and a named entity each say more about the event than one body word, so they count twice.
  const headline = contentWords(allWords(article.title));
  const terms = [...headline, ...headline, ...contentWords(allWords(article.dek ?? '')), ...contentWords(body)];
  for (const key of topicKeys) terms.push(`@${key}`, `@${key}`);
  const shingles = shingleHashes(body);
  const nameKeys = new Set(article.topics.filter((name) => /^\p{Lu}/u.test(name)).map((name) => foldAccents(topicKey(name))).filter(Boolean));
  for (const name of properNames(opening)) nameKeys.add(name);
  return {
    article,
    time: articleTime(article),
    terms,
    topicKeys,
    nameKeys,
    figures: new Set(quotedFigures(opening)),
    signature: shingles.length ? minhashSignature(shingles) : undefined,
  };
}

/** The text up to BODY_WORDS words, cut at a word. */
function openingOf(text: string): string {
  let words = 0;
  for (const match of text.matchAll(/\s+/g)) if ((words += 1) >= BODY_WORDS) return text.slice(0, match.index);
  return text;
}
