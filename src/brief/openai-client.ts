import type OpenAI from 'openai';
import { InputError } from '../input-error.ts';

const OPENAI_API = 'https://api.openai.com/v1';

/**
 * The OpenAI-compatible client the environment configures, or undefined when it configures none: OPENAI_API_KEY
 * or OPENAI_BASE_URL, a base URL alone being enough because local servers (Ollama, llama.cpp, vLLM, LM Studio)
 * need no key. The SDK is loaded only then: it is a large module that a gateway without a model would load for
 * nothing on every start.
 */
export async function openAiClient(env: NodeJS.ProcessEnv, options: { timeoutMs: number }): Promise<OpenAI | undefined> {
  const apiKey = env.OPENAI_API_KEY?.trim();
  const baseURL = env.OPENAI_BASE_URL?.trim();
  if (!apiKey && !baseURL) return undefined;
  if (baseURL && !/^https?:$/.test(URL.canParse(baseURL) ? new URL(baseURL).protocol : '')) {
    throw new InputError('OPENAI_BASE_URL must be an http:// or https:// URL, such as http://localhost:11434/v1');
  }
  const { default: Client } = await import('openai');
  // Every setting is passed explicitly, so the SDK never reads process.env behind the env this was given.
  return new Client({
    apiKey: apiKey || 'no-key',
    baseURL: baseURL || OPENAI_API,
    organization: env.OPENAI_ORG_ID?.trim() || null,
    project: env.OPENAI_PROJECT_ID?.trim() || null,
    timeout: options.timeoutMs,
    maxRetries: 0,
  });
}
