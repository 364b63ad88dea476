import type { Summarizer } from '../summarizer.ts';
import { summarizeExtractive, type ExtractiveOptions } from './extractive-summary.ts';

/** The summariser that needs no model and no network: Herald's default, and its fallback when a model fails. */
export function createExtractiveSummarizer(options: ExtractiveOptions = {}): Summarizer {
  return {
    description: 'extractive',
    summarize: async (article) => ({ text: summarizeExtractive(article, options), method: 'extractive' }),
  };
}
