import { articleTime, type Article } from '../../model/article.ts';
import { spacedWords } from '../../ingest/text/word-count.ts';
import { webAddress } from '../article-address.ts';

/** Copies of one wire story differ by a credit line or a trimmed sentence; within this share of the longest, they tell it equally fully. */
const FULL_SHARE = 0.9;

/**
 * The article that tells the story best, for the briefing to summarise and link:
 * 1. a full telling: a body within 10% of the longest, since a teaser or a trimmed copy says less;
 * 2. one a reader can open (it has a URL), from a site that names itself, so the briefing can credit it;
 * 3. the earliest, because among copies of one text that is the original, and among reports the first;
 * 4. the smallest id, so that the choice never depends on the order articles came in.
 */
export function pickLead(articles: Article[]): Article {
  const lengths = new Map(articles.map((article) => [article, bodyWords(article)]));
  const longest = Math.max(...lengths.values());
  const ranked = [...articles].sort(
    (a, b) =>
      Number(isFull(b)) - Number(isFull(a)) ||
      Number(Boolean(webAddress(b))) - Number(Boolean(webAddress(a))) ||
      Number(Boolean(b.siteName)) - Number(Boolean(a.siteName)) ||
      articleTime(a) - articleTime(b) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return ranked[0]!;

  function isFull(article: Article): boolean {
    return lengths.get(article)! >= FULL_SHARE * longest;
  }
}

/**
 * Each article's word count, kept as long as the article is: a storm of briefings picks leads among the same
 * articles again and again, and splitting every paragraph each time was a few percent of a briefing's work. An
 * Article is never changed in place, so a kept count is never stale.
 */
const wordCounts = new WeakMap<Article, number>();

function bodyWords(article: Article): number {
  let count = wordCounts.get(article);
  if (count === undefined) {
    count = 0;
    for (const paragraph of article.paragraphs) count += spacedWords(paragraph);
    wordCounts.set(article, count);
  }
  return count;
}
