import OpenAI from 'openai';
import type { CallBudget } from './call-budget.ts';
import type { ChatMessage } from './llm-prompt.ts';

export interface CompletionRequest {
  model: string;
  messages: ChatMessage[];
  temperature: number;
  maxOutputTokens: number;
}

export interface CompletionPolicy {
  /** For the whole of one attempt, reading the answer included. */
  timeoutMs: number;
  maxRetries: number;
  /** Every attempt spends a call, retries included: the cap protects the server as much as the bill. */
  budget: CallBudget;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
}

/** Why no summary came back, worded for the logs; never carries the server's message, which may echo the API key. */
export class CompletionFailure extends Error {
  override readonly name: string = 'CompletionFailure';
}

/** Expected whenever articles outnumber the cap, so callers may log it more quietly than a failure. */
export class CallCapReached extends CompletionFailure {
  override readonly name = 'CallCapReached';
}

type Attempt = { ok: true; text: string } | { ok: false; reason: string; retryable: boolean; retryAfterMs?: number };

/**
 * Asks for one chat completion and returns the text of its first choice. The SDK's own retries are off because
 * it obeys any Retry-After, however long; here a wait longer than the timeout gives up and lets the caller fall back.
 */
export async function requestChatCompletion(client: OpenAI, request: CompletionRequest, policy: CompletionPolicy): Promise<string> {
  for (let attempt = 0; ; attempt += 1) {
    if (!policy.budget.take()) throw new CallCapReached('the calls-per-hour cap is reached');
    const outcome = await attemptOnce(client, request, policy);
    if (outcome.ok) return outcome.text;
    if (!outcome.retryable || attempt >= policy.maxRetries) throw new CompletionFailure(outcome.reason);
    if (outcome.retryAfterMs !== undefined && outcome.retryAfterMs > policy.timeoutMs) {
      throw new CompletionFailure(`${outcome.reason}, and the server asked to wait ${Math.round(outcome.retryAfterMs)} ms`);
    }
    await policy.sleep(outcome.retryAfterMs ?? backoffMs(attempt));
  }
}

async function attemptOnce(client: OpenAI, request: CompletionRequest, policy: CompletionPolicy): Promise<Attempt> {
  const signal = AbortSignal.timeout(policy.timeoutMs);
  try {
    const completion: unknown = await client.chat.completions.create(
      { model: request.model, messages: request.messages, temperature: request.temperature, max_tokens: request.maxOutputTokens },
      { signal, timeout: policy.timeoutMs, maxRetries: 0 },
    );
    return readFirstChoice(completion);
  } catch (error) {
    if (signal.aborted || error instanceof OpenAI.APIConnectionTimeoutError) {
      // A model too slow once is usually too slow again; waiting twice would only delay the fallback.
      return { ok: false, reason: `no answer within ${policy.timeoutMs} ms`, retryable: false };
    }
    return describeFailure(error, policy.now);
  }
}

function readFirstChoice(completion: unknown): Attempt {
  const choices = (completion as { choices?: unknown } | null | undefined)?.choices;
  if (!Array.isArray(choices) || choices.length === 0) return { ok: false, reason: 'the reply has no choices', retryable: false };
  const choice = choices[0] as { message?: { content?: unknown }; finish_reason?: unknown } | null;
  if (choice?.finish_reason === 'content_filter') return { ok: false, reason: 'the reply was filtered', retryable: false };
  const content = choice?.message?.content;
  if (typeof content !== 'string') return { ok: false, reason: 'the reply has no text', retryable: false };
  return { ok: true, text: content };
}

function describeFailure(error: unknown, now: () => number): Attempt {
  if (error instanceof OpenAI.APIError && error.status !== undefined) {
    const status = error.status;
    const code = typeof error.code === 'string' ? ` (${error.code})` : '';
    const retryAfterMs = error.headers ? retryAfter(error.headers, now) : undefined;
    return {
      ok: false,
      reason: `HTTP ${status}${code}`,
      retryable: status === 408 || status === 409 || status === 429 || status >= 500,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    };
  }
  if (error instanceof OpenAI.APIConnectionError) return { ok: false, reason: 'cannot reach the server', retryable: true };
  if (error instanceof SyntaxError) return { ok: false, reason: 'the reply is not valid JSON', retryable: false };
  return { ok: false, reason: error instanceof Error ? error.name : 'unknown error', retryable: false };
}

/** retry-after-ms is what OpenAI sends; Retry-After in seconds or as an HTTP date is what proxies and other servers send. */
function retryAfter(headers: Headers, now: () => number): number | undefined {
  const millis = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(millis) && millis >= 0) return millis;
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now());
}

/** Exponential from half a second up to eight, with jitter so that callers refused together do not return together. */
function backoffMs(attempt: number): number {
  return Math.min(500 * 2 ** attempt, 8000) * (1 - Math.random() * 0.25);
}
