import type { RequestPacer } from '../../discord/request-pacer.ts';
import type { Pool } from './connect.ts';

/** How many times a request that woke late takes a new instant before it goes anyway, late: never starved. */
const LATE_RETRIES = 3;

/**
 * One pace for the requests of every process that shares the database: each request reserves the next free
 * instant in one row (the start after the last one reserved, or now), then waits for it. Discord's 50
 * requests a second are per bot, not per process, so a fleet that paced itself process by process would
 * exceed them; this keeps the whole fleet's starts 1/perSecond apart. Time is the database's, so processes
 * on other machines agree on it.
 */
export function createPostgresPacer(pool: Pool, options: { perSecond: number; name?: string; sleep?: (ms: number) => Promise<void> }): RequestPacer {
  const spacingMs = 1_000 / options.perSecond;
  const name = options.name ?? 'discord';
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  return async <T>(request: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt += 1) {
      const wait = await reserve();
      const due = Date.now() + wait;
      if (wait > 0) await sleep(wait);
      // A process that wakes well after its instant (a busy machine, a long GC) would send on top of the
      // instants reserved after it, and several such make a burst over Discord's limit: it takes a new one.
      if (Date.now() - due <= spacingMs || attempt >= LATE_RETRIES) return request();
    }
  };

  async function reserve(): Promise<number> {
    const reserved = await pool.query<{ wait_ms: number }>(
      `INSERT INTO request_pacer (name, next_at) VALUES ($1, clock_timestamp() + $2 * interval '1 millisecond')
       ON CONFLICT (name) DO UPDATE SET next_at = greatest(request_pacer.next_at, clock_timestamp()) + $2 * interval '1 millisecond'
       RETURNING extract(epoch FROM next_at - clock_timestamp()) * 1000 - $2 AS wait_ms`,
      [name, spacingMs],
    );
    return Number(reserved.rows[0]?.wait_ms ?? 0);
  }
}
