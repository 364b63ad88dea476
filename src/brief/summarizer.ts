import type { Article } from '../model/article.ts';

export interface Summary {
  text: string;
  /** Which path wrote it: extractive when no model is configured, or when the model failed. */
  method: 'extractive' | 'llm';
  model?: string;
  /** The headline in the language asked for, when the model translated the article; absent when the text is in the article's own language. */
  title?: string;
}

export interface SummaryRequest {
  /** The language the reader reads (a BCP 47 tag): a model translates an article written in another one. */
  language?: string;
}

/** Turns one article into a short summary that says who did what. Implementations never throw on article content. */
export interface Summarizer {
  summarize(article: Article, request?: SummaryRequest): Promise<Summary>;
  /** For /status and logs: "extractive", or the model and server in use. */
  readonly description: string;
}
