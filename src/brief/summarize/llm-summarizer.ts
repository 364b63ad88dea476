import type OpenAI from 'openai';
import type { Logger } from '../../logger.ts';
import type { Article } from '../../model/article.ts';
import { baseLanguage, isForeignLanguage } from '../../model/language.ts';
import { lengthLimits, type Summarizer, type Summary, type SummaryRequest } from '../summarizer.ts';
import { createCallBudget, type CallBudget } from './call-budget.ts';
import { CallCapReached, requestChatCompletion, type CompletionPolicy } from './chat-completion.ts';
import { cleanModelReply } from './clean-model-reply.ts';
import { buildSummaryPrompt, PROMPT_VERSION } from './llm-prompt.ts';
import type { SummaryCache } from './summary-cache.ts';
import { cleanTranslatedReply, type TranslatedReply } from './translated-reply.ts';

export interface LlmSummarizerOptions {
  /** Any OpenAI-compatible server: api.openai.com, Ollama, llama.cpp, vLLM, LM Studio. */
  client: OpenAI;
  model: string;
  temperature: number;
  maxOutputTokens: number;
  maxChars: number;
  maxSentences: number;
  timeoutMs: number;
  maxRetries: number;
  maxCallsPerHour: number;
  /** Spent by every call instead of a cap of the summarizer's own, when answers to questions share the hourly cap. */
  budget?: CallBudget;
  inputTokenBudget: number;
  cache: SummaryCache;
  /** Answers whenever the model cannot: no body, a failure, an unusable reply, or the hourly cap. */
  fallback: Summarizer;
  now?: () => number;
  /** Waits between retries. */
  sleep?: (ms: number) => Promise<void>;
  logger?: Pick<Logger, 'warn' | 'info'>;
}

/**
 * Summarises through a chat-completions model, and never fails: every problem is logged and answered by the
 * fallback. Model summaries are cached by content, model and prompt, and concurrent requests for one article share one call.
 * Asked for a language the article is not written in, the model translates its summary and headline; the
 * fallback keeps the original, which the digest then labels with its language.
 */
export function createLlmSummarizer(options: LlmSummarizerOptions): Summarizer {
  const { client, model, cache, fallback, logger } = options;
  const now = options.now ?? Date.now;
  const policy: CompletionPolicy = {
    timeoutMs: options.timeoutMs,
    maxRetries: options.maxRetries,
    budget: options.budget ?? createCallBudget(options.maxCallsPerHour, now),
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    now,
  };
  const inFlight = new Map<string, Promise<Summary>>();

  // The fallback keeps the article's own language (the digest labels it) but the length the reader chose.
  const useFallback = (article: Article, request: SummaryRequest, reason: string, quietly = false): Promise<Summary> => {
    const fields = { articleId: article.id, model, reason };
    if (quietly) logger?.info(fields, 'LLM summary skipped; using the extractive summary');
    else logger?.warn(fields, 'LLM summary failed; using the extractive summary');
    return fallback.summarize(article, request.length ? { length: request.length } : {});
  };

  const summarizeAfresh = async (article: Article, key: string, translateTo: string | undefined, limits: { maxChars: number; maxSentences: number }, request: SummaryRequest): Promise<Summary> => {
    const cached = await cache.get(key).catch((error: unknown) => {
      logger?.warn({ articleId: article.id, err: error }, 'cannot read the summary cache');
      return undefined;
    });
    if (cached) return cached;
    // A title alone gives the model nothing to summarise but room to invent.
    if (article.paragraphs.length === 0) return fallback.summarize(article, request.length ? { length: request.length } : {});
    const messages = buildSummaryPrompt(article, { ...options, ...limits }, translateTo);
    let reply: string;
    try {
      reply = await requestChatCompletion(client, { model, messages, temperature: options.temperature, maxOutputTokens: options.maxOutputTokens }, policy);
    } catch (error) {
      return useFallback(article, request, error instanceof Error ? error.message : String(error), error instanceof CallCapReached);
    }
    const cleaned: TranslatedReply = translateTo ? cleanTranslatedReply(reply, article, limits.maxChars) : cleanModelReply(reply, article, limits.maxChars);
    if (!cleaned.ok) return useFallback(article, request, cleaned.reason);
    const summary: Summary = { text: cleaned.text, method: 'llm', model, ...(cleaned.title ? { title: cleaned.title } : {}) };
    await cache.set(key, summary).catch((error: unknown) => {
      logger?.warn({ articleId: article.id, err: error }, 'cannot write the summary cache');
    });
    return summary;
  };

  return {
    description: `${model} at ${serverLabel(client.baseURL)}, extractive fallback`,
    summarize(article, request = {}) {
      const translateTo = isForeignLanguage(article.language, request.language) ? baseLanguage(request.language) : undefined;
      // The length limits are part of the prompt, so a summary written under other limits is not reused; nor is
      // one translated for readers of another language. A summary in the article's own language serves them all.
      const limits = lengthLimits(request.length, options);
      const key = `v${PROMPT_VERSION}|${model}|${limits.maxChars}c${limits.maxSentences}s|${article.contentHash}${translateTo ? `|to:${translateTo}` : ''}`;
      const pending = inFlight.get(key);
      if (pending) return pending;
      const work = summarizeAfresh(article, key, translateTo, limits, request).finally(() => inFlight.delete(key));
      inFlight.set(key, work);
      return work;
    },
  };
}

/** The server without credentials or query, safe for /status and logs. */
function serverLabel(baseURL: string): string {
  try {
    const url = new URL(baseURL);
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return 'a custom server';
  }
}
