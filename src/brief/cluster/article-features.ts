import { articleText, articleTime, type Article } from '../../model/article.ts';
import { topicKey } from '../../ingest/topics/topic-key.ts';
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
  /** The topics that are names (people, places, organisations), which the topic extractor writes capitalised. */
  nameKeys: Set<string>;
  /** MinHash of the body's word shingles; undefined when there is no body to compare. */
  signature: Uint32Array | undefined;
}

export function articleFeatures(article: Article): ArticleFeatures {
  const body = allWords(articleText(article), BODY_WORDS);
  const topicKeys = new Set(article.topics.map((name) => foldAccents(topicKey(name))).filter(Boolean));
  // A headline and a named entity each say more about the event than one body word, so they count twice.
  const headline = contentWords(allWords(article.title));
  const terms = [...headline, ...headline, ...contentWords(allWords(article.dek ?? '')), ...contentWords(body)];
  for (const key of topicKeys) terms.push(`@${key}`, `@${key}`);
  const shingles = shingleHashes(body);
  const nameKeys = new Set(article.topics.filter((name) => /^\p{Lu}/u.test(name)).map((name) => foldAccents(topicKey(name))).filter(Boolean));
  return { article, time: articleTime(article), terms, topicKeys, nameKeys, signature: shingles.length ? minhashSignature(shingles) : undefined };
}
