import type { Store } from '../../store/open-store.ts';

/** What Herald knows of one source's polling, as /status shows it. Times are ISO 8601. */
export interface SourceHealth {
  /** Feed URL, page URL, file or folder: the source as configured. */
  location: string;
  firstPolledAt?: string;
  /** The first successful read. What the source held then is its backlog, which no channel is flooded with. */
  seededAt?: string;
  /** The last read that succeeded, whether the source had changed or answered 304. */
  lastSuccessAt?: string;
  lastNotModifiedAt?: string;
  lastError?: string;
  lastErrorAt?: string;
  /** The HTTP status of the last read, when there was one. */
  lastStatus?: number;
  consecutiveFailures: number;
  /** When the source first looked gone for good (404, 410, no longer a feed or a page, a file no longer there) without a success since. */
  goneSince?: string;
  /** Set once the source has looked gone for long enough: it is not read again until an admin adds it again. */
  disabled?: { reason: string; at: string };
  nextPollAt: string;
}

export interface SourceHealthStore {
  get(location: string): Promise<SourceHealth | undefined>;
  /** The health of each of these sources that has any. */
  getMany(locations: string[]): Promise<Map<string, SourceHealth>>;
  set(health: SourceHealth): Promise<void>;
  all(): AsyncIterable<SourceHealth>;
}

const COLLECTION = 'source_health';

/** Kept without expiry: a disabled source must stay disabled, and a seeded one must not be seeded again. */
export function createKeyvSourceHealthStore(store: Store): SourceHealthStore {
  const records = store.collection<SourceHealth>(COLLECTION);
  return {
    get: (location) => records.get(location),
    async getMany(locations) {
      const unique = [...new Set(locations)];
      const found = unique.length ? await records.getMany(unique) : [];
      return new Map(found.flatMap((health, index) => (health ? [[unique[index]!, health] as const] : [])));
    },
    async set(health) {
      await records.set(health.location, health);
    },
    async *all() {
      for await (const [, health] of store.entries<SourceHealth>(COLLECTION)) yield health;
    },
  };
}
