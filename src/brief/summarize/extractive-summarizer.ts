import type { Article } from '../../model/article.ts';
import { lengthLimits, type Summarizer } from '../summarizer.ts';
import { DEFAULT_MAX_CHARS, DEFAULT_MAX_SENTENCES, summarizeExtractive, type ExtractiveOptions } from './extractive-summary.ts';

/** Summaries kept, most recently used last: a morning's digests ask for the same few dozen stories over and over. */
const KEPT = 2_000;
/** Long summaries take the sentences that give context too, not only those nearly as telling as the best. */
const LONG_FOLLOW_UP_FLOOR = 0.35;

/** The summariser that needs no model and no network: Herald's default, and its fallback when a model fails. */
export function createExtractiveSummarizer(options: ExtractiveOptions = {}): Summarizer {
  // Keyed by the article object, not its id: an article read again with changes is a new object with the same id.
  const kept = new Map<Article, Map<string, string>>();
  const medium = { maxChars: options.maxChars ?? DEFAULT_MAX_CHARS, maxSentences: options.maxSentences ?? DEFAULT_MAX_SENTENCES };
  return {
    description: 'extractive',
    async summarize(article, request = {}) {
      const length = request.length ?? 'medium';
      const byLength = kept.get(article) ?? new Map<string, string>();
      let text = byLength.get(length);
      if (text === undefined) {
        text = summarizeExtractive(article, { ...lengthLimits(length, medium), ...(length === 'long' ? { followUpFloor: LONG_FOLLOW_UP_FLOOR } : {}) });
        byLength.set(length, text);
        if (!kept.has(article) && kept.size >= KEPT) kept.delete(kept.keys().next().value!);
      }
      kept.delete(article);
      kept.set(article, byLength);
      return { text, method: 'extractive' };
    },
  };
}
