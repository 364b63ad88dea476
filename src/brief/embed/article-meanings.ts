import { createHash } from 'node:crypto';
import type { Logger } from '../../logger.ts';
import { articleText, type Article } from '../../model/article.ts';
import type { CallBudget } from '../summarize/call-budget.ts';
import { unitVector, type UnitVector } from './dense-vector.ts';
import type { EmbeddingStore } from './embedding-store.ts';

/** Texts in, one embedding each out, in order: an OpenAI-compatible /v1/embeddings call, or a test's own. */
export type EmbedTexts = (texts: string[]) => Promise<number[][]>;

/** What articles mean, as a model's embeddings: an addition to the lexical features, never a replacement. */
export interface Meanings {
  readonly model: string;
  /**
   * Each article's embedding, from the store or from the model. Articles the model could not embed now (a
   * failure, the hourly cap) are left out, and are compared by their words alone.
   */
  of(articles: Article[]): Promise<Map<string, UnitVector>>;
  /** A query's embedding, or undefined when the model cannot give one now. */
  ofText(text: string): Promise<UnitVector | undefined>;
}

export interface MeaningsOptions {
  model: string;
  embed: EmbedTexts;
  store: EmbeddingStore;
  /** Texts per request. */
  batchSize: number;
  budget: CallBudget;
  logger?: Pick<Logger, 'warn'>;
}

/** Enough of an article to say what it is about, within any embedding model's input limit. */
const TEXT_CHARS = 4_000;
/**
 * Embeddings kept in memory, most recently used last: clustering, also read and search ask for the same
 * articles' again and again, and the store is a round trip each. 5,000 of 1,536 floats is 30 MB.
 */
const KEPT_IN_MEMORY = 5_000;

/**
 * Embeddings computed once per article text and model (the key hashes the model and the text embedded, so a
 * changed article is embedded again and an unchanged one never, whatever its address), in batches, within an
 * hourly cap.
 */
export function createMeanings(options: MeaningsOptions): Meanings {
  const keyOf = (article: Article): string => createHash('sha256').update(options.model).update('\u0000').update(embeddedText(article)).digest('base64url');

  /** Embeds what it can of `texts`, batch by batch, stopping at the first failure or when the budget runs out. */
  const embedAll = async (texts: string[]): Promise<Array<UnitVector | undefined>> => {
    const vectors: Array<UnitVector | undefined> = [];
    for (let start = 0; start < texts.length; start += options.batchSize) {
      const batch = texts.slice(start, start + options.batchSize);
      if (!options.budget.take()) {
        options.logger?.warn({ model: options.model, left: texts.length - start }, 'embedding cap reached for this hour; comparing the rest by their words');
        break;
      }
      try {
        const answer = await options.embed(batch);
        if (answer.length !== batch.length) throw new Error(`the model returned ${answer.length} embeddings for ${batch.length} texts`);
        vectors.push(...answer.map((values) => unitVector(values)));
      } catch (error) {
        options.logger?.warn({ err: error, model: options.model }, 'embeddings failed; comparing articles by their words');
        break;
      }
    }
    return vectors;
  };

  const recent = new Map<string, UnitVector>();
  const remember = (key: string, vector: UnitVector): void => {
    recent.delete(key);
    recent.set(key, vector);
    if (recent.size > KEPT_IN_MEMORY) recent.delete(recent.keys().next().value!);
  };

  return {
    model: options.model,
    async of(articles) {
      const byKey = new Map<string, Article[]>();
      for (const article of articles) {
        const key = keyOf(article);
        byKey.set(key, [...(byKey.get(key) ?? []), article]);
      }
      const known = new Map<string, UnitVector>();
      for (const key of byKey.keys()) {
        const kept = recent.get(key);
        if (kept) known.set(key, kept);
      }
      for (const [key, vector] of await options.store.get([...byKey.keys()].filter((key) => !known.has(key)))) known.set(key, vector);
      const missing = [...byKey.keys()].filter((key) => !known.has(key));
      const texts = missing.map((key) => embeddedText(byKey.get(key)![0]!));
      const fresh: Array<[string, Float32Array]> = [];
      (await embedAll(texts)).forEach((vector, index) => {
        if (vector) fresh.push([missing[index]!, vector]);
      });
      if (fresh.length > 0) await options.store.set(fresh);
      const meanings = new Map<string, UnitVector>();
      for (const [key, vector] of [...known, ...fresh]) {
        remember(key, vector);
        for (const article of byKey.get(key) ?? []) meanings.set(article.id, vector);
      }
      return meanings;
    },
    async ofText(text) {
      return (await embedAll([text.slice(0, TEXT_CHARS)]))[0];
    },
  };
}

function embeddedText(article: Article): string {
  return `${article.title}\n\n${articleText(article)}`.slice(0, TEXT_CHARS);
}
