import type { Article } from '../model/article.ts';

export interface Summary {
  text: string;
  /** Which path wrote it: extractive when no model is configured, or when the model failed. */
  method: 'extractive' | 'llm';
  model?: string;
}

/** Turns one article into a short summary that says who did what. Implementations never throw on article content. */
export interface Summarizer {
  summarize(article: Article): Promise<Summary>;
  /** For /status and logs: "extractive", or the model and server in use. */
  readonly description: string;
}
