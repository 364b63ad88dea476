import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { InputError } from '../input-error.ts';
import { HERALD_FOLDER } from '../herald-folder.ts';

const configSchema = z.strictObject({
  /** Files, folders, pages and feeds ingested by `npm start`; relative paths are read from the working directory. */
  sources: z.array(z.string().min(1)),
  store: z.string().min(1),
  retentionDays: z.number().positive().max(3650),
  fetch: z.strictObject({
    timeoutMs: z.number().int().min(100).max(300_000),
    maxBytes: z.number().int().min(1024),
    maxRedirects: z.number().int().min(0).max(20),
    perHostConcurrency: z.number().int().min(1).max(64),
    allowHosts: z.array(z.string().min(1)),
  }),
  /** What /schedule set uses for the options an admin leaves out. */
  schedules: z.strictObject({
    maxItems: z.number().int().min(1).max(10),
    /** A digest that was due while Herald was down is posted once at start-up if it is at most this late. */
    catchUpGraceMinutes: z.number().int().min(0).max(1440),
  }),
  /** Updates of stories that develop after their digest: at most one per story and channel every minHours, for a day. */
  updates: z
    .strictObject({
      minHours: z.number().min(0).max(24),
      /** How often every channel's recent stories are looked at for new coverage. */
      checkEveryMinutes: z.number().int().min(1).max(1440),
    })
    .default({ minHours: 3, checkEveryMinutes: 5 }),
  ingest: z.strictObject({
    completeSnippets: z.boolean(),
    concurrency: z.number().int().min(1).max(64),
    /** Between reads of a healthy source; a failing one backs off, doubling up to maxBackoffHours. */
    intervalMinutes: z.number().int().min(1).max(1440),
    /** Sources read on their own interval, by location as listed in `sources` or added with /sources add. */
    intervalMinutesBySource: z.record(z.string().min(1), z.number().int().min(1).max(1440)).default({}),
    maxBackoffHours: z.number().min(1).max(168),
    /** A source that answers 404 or 410, or is no longer a feed or a page, for this long is disabled until an admin adds it again. */
    disableGoneAfterDays: z.number().positive().max(365),
    /** What a source holds when it is first read is its backlog, posted to no channel: only later stories count as new. */
    seedFirstPoll: z.boolean(),
  }),
  summarizer: z.strictObject({
    /** The longest summary, in characters, whichever path writes it. */
    maxChars: z.number().int().min(80).max(4000),
    maxSentences: z.number().int().min(1).max(20),
    /** Used only when OPENAI_API_KEY or OPENAI_BASE_URL is set; any failure falls back to the extractive summary. */
    llm: z.strictObject({
      model: z.string().min(1),
      temperature: z.number().min(0).max(2),
      maxOutputTokens: z.number().int().min(16).max(16_384),
      timeoutMs: z.number().int().min(100).max(600_000),
      maxRetries: z.number().int().min(0).max(10),
      maxCallsPerHour: z.number().int().min(1).max(100_000),
      /** The most tokens one prompt may take, instructions included; longer articles are cut. */
      inputTokenBudget: z.number().int().min(256).max(1_000_000),
    }),
  }),
  /**
   * Embeddings from an OpenAI-compatible /v1/embeddings endpoint (the summarizer's OPENAI_BASE_URL and key), used
   * beside the words for clustering, also read and search when `model` (or OPENAI_EMBEDDINGS_MODEL) names one.
   */
  embeddings: z
    .strictObject({
      model: z.string(),
      batchSize: z.number().int().min(1).max(2048),
      maxCallsPerHour: z.number().int().min(1).max(100_000),
      timeoutMs: z.number().int().min(100).max(600_000),
    })
    .default({ model: '', batchSize: 64, maxCallsPerHour: 600, timeoutMs: 30_000 }),
});

export type HeraldConfig = z.infer<typeof configSchema>;

const DEFAULT_CONFIG_PATH = new URL('config/default.json', HERALD_FOLDER);

/**
 * Reads config/default.json (or the file HERALD_CONFIG names), then lets the environment override it:
 * HERALD_STORE replaces the store location, HERALD_ALLOW_HOSTS (comma-separated) lists hosts the
 * private-address guard lets through, OPENAI_MODEL names the model the LLM summarizer asks, OPENAI_EMBEDDINGS_MODEL
 * the embeddings model (none by default).
 * Every mistake is reported at once, one per line.
 */
export async function loadConfig(env: NodeJS.ProcessEnv = process.env): Promise<HeraldConfig> {
  const file = env.HERALD_CONFIG ?? DEFAULT_CONFIG_PATH;
  const label = typeof file === 'string' ? file : 'config/default.json';
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? `not valid JSON (${error.message})` : `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
    throw new InputError(`config: ${label} ${reason}`);
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new InputError(`config: ${label} has ${problems.length === 1 ? 'a mistake' : 'mistakes'}: ${problems.join('; ')}`);
  }
  return applyEnvironment(parsed.data, env);
}

function applyEnvironment(config: HeraldConfig, env: NodeJS.ProcessEnv): HeraldConfig {
  const allowHosts = env.HERALD_ALLOW_HOSTS?.split(',').map((host) => host.trim()).filter(Boolean) ?? [];
  return {
    ...config,
    store: env.HERALD_STORE?.trim() || config.store,
    fetch: { ...config.fetch, allowHosts: [...config.fetch.allowHosts, ...allowHosts] },
    summarizer: { ...config.summarizer, llm: { ...config.summarizer.llm, model: env.OPENAI_MODEL?.trim() || config.summarizer.llm.model } },
    embeddings: { ...config.embeddings, model: env.OPENAI_EMBEDDINGS_MODEL?.trim() || config.embeddings.model },
  };
}
