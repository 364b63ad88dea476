import { articleTime, type Article } from '../../model/article.ts';
import { webAddress } from '../article-address.ts';
import { allWords } from '../cluster/tokenize.ts';

/** Share of words two titles must have in common (Dice) to be one headline edited: a word added, a typo fixed. */
const SAME_TITLE = 0.85;

/**
 * The article among `candidates` whose headline another page quoted. Case, punctuation, curly quotes and
 * accents never matter; past an exact match, the closest title sharing at least 85% of its words is taken,
 * since a publisher's "Also read" line often quotes an older or trimmed version of the headline. Only
 * articles with a URL are found, because only they can become links; the latest wins a tie. Callers narrow
 * the candidates first (the search index finds them by the title's words), so this stays cheap at any size.
 */
export function findHeadline(title: string, candidates: Iterable<Article>): Article | undefined {
  const words = allWords(title);
  if (words.length === 0) return undefined;
  const wanted = new Set(words);
  let best: { article: Article; score: number } | undefined;
  for (const article of candidates) {
    if (!webAddress(article)) continue;
    const theirs = allWords(article.title);
    const exact = theirs.join(' ') === words.join(' ');
    if (!exact && words.length < 3) continue;
    const own = new Set(theirs);
    const shared = [...wanted].filter((word) => own.has(word)).length;
    const score = exact ? 2 : (2 * shared) / (wanted.size + own.size);
    if (score < SAME_TITLE) continue;
    if (!best || score > best.score || (score === best.score && isLater(article, best.article))) best = { article, score };
  }
  return best?.article;
}

function isLater(a: Article, b: Article): boolean {
  return articleTime(a) > articleTime(b) || (articleTime(a) === articleTime(b) && a.id < b.id);
}
