import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * Named leases that keep a job to one process at a time: polling a source, running a schedule's digests.
 * A lease its holder stops renewing (killed, stalled, cut off from the store) is free again when it runs out,
 * which is how another process takes over a dead one's work.
 */
export interface Leases {
  /** Who this process is to the other holders. */
  readonly owner: string;
  /** Takes `key` for `ttlMs` unless another holder's lease on it is still running; the holder's own is renewed. */
  acquire(key: string, ttlMs: number): Promise<boolean>;
  release(key: string): Promise<void>;
}

/** A name no other process will have: host, pid and a random part for processes that reuse a pid. */
export function leaseOwner(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/** Leases for the embedded store, which one process has to itself. */
export function createMemoryLeases(options: { owner?: string; now?: () => number } = {}): Leases {
  const now = options.now ?? Date.now;
  const held = new Map<string, { owner: string; until: number }>();
  const owner = options.owner ?? leaseOwner();
  return {
    owner,
    async acquire(key, ttlMs) {
      const current = held.get(key);
      if (current && current.owner !== owner && current.until > now()) return false;
      held.set(key, { owner, until: now() + ttlMs });
      return true;
    },
    async release(key) {
      if (held.get(key)?.owner === owner) held.delete(key);
    },
  };
}

/** Keeps a lease renewed while `work` runs, and lets it go after; reports a lease lost on the way. */
export async function whileHolding<T>(leases: Leases, key: string, ttlMs: number, work: () => Promise<T>, onLost: () => void): Promise<T> {
  const renewal = setInterval(() => {
    leases.acquire(key, ttlMs).then(
      (kept) => kept || onLost(),
      () => onLost(),
    );
  }, Math.max(1, Math.floor(ttlMs / 3)));
  renewal.unref();
  try {
    return await work();
  } finally {
    clearInterval(renewal);
    await leases.release(key).catch(() => undefined);
  }
}
