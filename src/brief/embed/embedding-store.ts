import type { Store } from '../../store/open-store.ts';

/** Embeddings by key (model and content hash), so that an article's text is never embedded twice by any process. */
export interface EmbeddingStore {
  get(keys: string[]): Promise<Map<string, Float32Array>>;
  set(entries: Array<[string, Float32Array]>): Promise<void>;
}

/** The store's `embeddings` collection, as base64 of the float32 bytes (a quarter of JSON's size); `ttlMs` as article retention. */
export function createKeyvEmbeddingStore(store: Store, options: { ttlMs?: number } = {}): EmbeddingStore {
  const embeddings = store.collection<string>('embeddings');
  return {
    async get(keys) {
      const encoded = await Promise.all(keys.map((key) => embeddings.get(key)));
      return new Map(keys.flatMap((key, index) => (encoded[index] ? [[key, decodeVector(encoded[index])] as const] : [])));
    },
    async set(entries) {
      await Promise.all(entries.map(([key, vector]) => embeddings.set(key, encodeVector(vector), options.ttlMs)));
    },
  };
}

export function encodeVector(vector: Float32Array): string {
  return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString('base64');
}

export function decodeVector(encoded: string): Float32Array {
  const bytes = Buffer.from(encoded, 'base64');
  // Copied into a buffer of its own: a Float32Array needs an aligned offset, which a pooled Buffer may not have.
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}
