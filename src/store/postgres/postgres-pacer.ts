import type { RequestPacer } from '../../discord/request-pacer.ts';
import type { Pool } from './connect.ts';

/** How many times a request that woke late takes a new instant before it goes anyway, late: never starved. */
const LATE_RETRIES = 3;

/**
 * The database's clock less this process's, bounded by every reservation: the database read its clock between
 * the moment the query left and the moment its answer was read. The bounds narrow with each quick round trip;
 * a clock stepped since (bounds that no longer meet) starts them again.
 */
function createClockOffset(): { observe(databaseNow: number, sentAt: number, readAt: number): void; estimate(): number } {
  let low = Number.NEGATIVE_INFINITY;
  let high = Number.POSITIVE_INFINITY;
  return {
    observe(databaseNow, sentAt, readAt) {
      const [sampleLow, sampleHigh] = [databaseNow - readAt, databaseNow - sentAt];
      if (sampleLow > high || sampleHigh < low) [low, high] = [sampleLow, sampleHigh];
      else [low, high] = [Math.max(low, sampleLow), Math.min(high, sampleHigh)];
    },
    estimate: () => (low + high) / 2,
  };
}

/**
 * One pace for the requests of every process that shares the database: each request reserves the next free
 * instant in one row (the start after the last one reserved, or now), then waits for it. Discord's 50
 * requests a second are per bot, not per process, so a fleet that paced itself process by process would
 * exceed them; this keeps the whole fleet's starts 1/perSecond apart. Instants are on the database's clock,
 * so processes on other machines agree on them.
 */
export function createPostgresPacer(pool: Pool, options: { perSecond: number; name?: string; sleep?: (ms: number) => Promise<void> }): RequestPacer {
  const spacingMs = 1_000 / options.perSecond;
  const name = options.name ?? 'discord';
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const offset = createClockOffset();
  return async <T>(request: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt += 1) {
      const instant = (await reserve()) - offset.estimate();
      const wait = instant - Date.now();
      if (wait > 0) await sleep(wait);
      // Lateness counts from the instant itself, not from when its answer was read: an answer that waited in a
      // busy process (composing a digest) or behind a slow commit is as late as a long sleep. A request that
      // goes well after its instant lands on top of the instants reserved after it, and several such make a
      // burst over Discord's limit: it takes a new one.
      if (Date.now() - instant <= spacingMs || attempt >= LATE_RETRIES) return request();
    }
  };

  /** The instant reserved, on the database's clock, in epoch milliseconds. */
  async function reserve(): Promise<number> {
    const sentAt = Date.now();
    const reserved = await pool.query<{ instant_ms: number; now_ms: number }>(
      `INSERT INTO request_pacer (name, next_at) VALUES ($1, clock_timestamp() + $2 * interval '1 millisecond')
       ON CONFLICT (name) DO UPDATE SET next_at = greatest(request_pacer.next_at, clock_timestamp()) + $2 * interval '1 millisecond'
       RETURNING extract(epoch FROM next_at) * 1000 - $2 AS instant_ms, extract(epoch FROM clock_timestamp()) * 1000 AS now_ms`,
      [name, spacingMs],
    );
    const row = reserved.rows[0]!;
    offset.observe(Number(row.now_ms), sentAt, Date.now());
    return Number(row.instant_ms);
  }
}
