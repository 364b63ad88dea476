import type { Article } from '../../model/article.ts';
import type { Summarizer } from '../summarizer.ts';
import { summarizeExtractive, type ExtractiveOptions } from './extractive-summary.ts';

/** Summaries kept, most recently used last: a morning's digests ask for the same few dozen stories over and over. */
const KEPT = 2_000;

/** The summariser that needs no model and no network: Herald's default, and its fallback when a model fails. */
export function createExtractiveSummarizer(options: ExtractiveOptions = {}): Summarizer {
  // Keyed by the article object, not its id: an article read again with changes is a new object with the same id.
  const kept = new Map<Article, string>();
  return {
    description: 'extractive',
    async summarize(article) {
      let text = kept.get(article);
      if (text === undefined) {
        text = summarizeExtractive(article, options);
        if (kept.size >= KEPT) kept.delete(kept.keys().next().value!);
      } else {
        kept.delete(article);
      }
      kept.set(article, text);
      return { text, method: 'extractive' };
    },
  };
}
