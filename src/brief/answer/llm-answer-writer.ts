import type OpenAI from 'openai';
import type { Logger } from '../../logger.ts';
import type { CallBudget } from '../summarize/call-budget.ts';
import { CallCapReached, requestChatCompletion, type CompletionPolicy } from '../summarize/chat-completion.ts';
import { cleanModelReply } from '../summarize/clean-model-reply.ts';
import { ANSWER_SENTENCES, type AnswerWriter } from './answer-question.ts';
import { buildAnswerPrompt, NO_ANSWER } from './answer-prompt.ts';
import { citedSentences } from './check-citations.ts';

export interface LlmAnswerWriterOptions {
  /** The client summaries use: any OpenAI-compatible server. */
  client: OpenAI;
  model: string;
  temperature: number;
  maxOutputTokens: number;
  timeoutMs: number;
  maxRetries: number;
  inputTokenBudget: number;
  /** The hourly cap summaries spend too: questions and summaries share what the server and the bill allow. */
  budget: CallBudget;
  now?: () => number;
  /** Waits between retries. */
  sleep?: (ms: number) => Promise<void>;
  logger?: Pick<Logger, 'warn' | 'info'>;
}

/** An answer carries no links of its own: its sources are listed under it, from the store, not from the model. */
const NO_LINKS = { paragraphs: [], alsoRead: [] };

/**
 * Answers through the chat-completions model summaries use, with the same prompt hardening, retries, timeout and
 * hourly cap, and never fails: a failure, a refusal, "no answer" or a reply whose every sentence lacks a
 * citation given is logged and answered with nothing, and the extractive answer stands.
 */
export function createLlmAnswerWriter(options: LlmAnswerWriterOptions): AnswerWriter {
  const { client, model, logger } = options;
  const now = options.now ?? Date.now;
  const policy: CompletionPolicy = {
    timeoutMs: options.timeoutMs,
    maxRetries: options.maxRetries,
    budget: options.budget,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    now,
  };
  return {
    model,
    async write(question, evidence) {
      const { messages, given } = buildAnswerPrompt(question.text, evidence, { maxSentences: ANSWER_SENTENCES, inputTokenBudget: options.inputTokenBudget });
      let reply: string;
      try {
        reply = await requestChatCompletion(client, { model, messages, temperature: options.temperature, maxOutputTokens: options.maxOutputTokens }, policy);
      } catch (error) {
        const fields = { model, reason: error instanceof Error ? error.message : String(error) };
        if (error instanceof CallCapReached) logger?.info(fields, 'LLM answer skipped; quoting the passages instead');
        else logger?.warn(fields, 'LLM answer failed; quoting the passages instead');
        return undefined;
      }
      const cleaned = cleanModelReply(reply, NO_LINKS, Number.POSITIVE_INFINITY);
      if (!cleaned.ok || cleaned.text.startsWith(NO_ANSWER)) {
        logger?.info({ model, reason: cleaned.ok ? 'no answer in the passages' : cleaned.reason }, 'LLM answer unusable; quoting the passages instead');
        return undefined;
      }
      const sentences = citedSentences(cleaned.text, given);
      if (sentences.length === 0) logger?.warn({ model, reason: 'no sentence cites a passage given' }, 'LLM answer unusable; quoting the passages instead');
      return sentences.length > 0 ? sentences : undefined;
    },
  };
}
