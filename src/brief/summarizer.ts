import type { Article } from '../model/article.ts';

export interface Summary {
  text: string;
  /** Which path wrote it: extractive when no model is configured, or when the model failed. */
  method: 'extractive' | 'llm';
  model?: string;
  /** The headline in the language asked for, when the model translated the article; absent when the text is in the article's own language. */
  title?: string;
}

/** How long a digest's summaries are: one sentence, Herald's configured length, or up to five sentences. */
export type SummaryLength = 'short' | 'medium' | 'long';

export interface SummaryRequest {
  /** The language the reader reads (a BCP 47 tag): a model translates an article written in another one. */
  language?: string;
  /** `medium` (the configured limits) unless asked. */
  length?: SummaryLength;
}

/** The sentences longest summaries may have; their characters grow in proportion, within an embed's description. */
const LONG_SENTENCES = 5;
const LONG_CHARS_MAX = 2_000;

/** The limits a summary of `length` is written under, from the configured (medium) ones. */
export function lengthLimits(length: SummaryLength | undefined, medium: { maxChars: number; maxSentences: number }): { maxChars: number; maxSentences: number } {
  if (length === 'short') return { maxChars: medium.maxChars, maxSentences: 1 };
  if (length !== 'long') return medium;
  const maxSentences = Math.max(LONG_SENTENCES, medium.maxSentences);
  return { maxChars: Math.min(LONG_CHARS_MAX, Math.max(medium.maxChars, Math.ceil((medium.maxChars * maxSentences) / medium.maxSentences))), maxSentences };
}

/** Turns one article into a short summary that says who did what. Implementations never throw on article content. */
export interface Summarizer {
  summarize(article: Article, request?: SummaryRequest): Promise<Summary>;
  /** For /status and logs: "extractive", or the model and server in use. */
  readonly description: string;
}
