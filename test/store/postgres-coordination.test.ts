import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buildArticle } from '../../src/ingest/build-article.ts';
import { connectPostgres, type Pool } from '../../src/store/postgres/connect.ts';
import { migrate, readMigrations } from '../../src/store/postgres/migrate.ts';
import { createPostgresArticleRepository } from '../../src/store/postgres/postgres-article-repository.ts';
import { createPostgresCatalog } from '../../src/store/postgres/postgres-catalog.ts';
import { createPostgresPacer } from '../../src/store/postgres/postgres-pacer.ts';
import { openPostgresEngine } from '../../src/store/postgres/postgres-engine.ts';
import type { StoreEngine } from '../../src/store/store-engine.ts';
import { createTestDatabase, dropTestDatabases, hasPostgres } from '../support/postgres.ts';

const DAY = 86_400_000;
const opened: StoreEngine[] = [];
const pools: Pool[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((engine) => engine.close()));
  await Promise.all(pools.splice(0).map((pool) => pool.end()));
});
afterAll(dropTestDatabases);

/** Two processes on one database: two engines, each with its own pool and its own lease owner. */
async function twoProcesses(): Promise<[StoreEngine, StoreEngine]> {
  const location = await createTestDatabase();
  const first = await openPostgresEngine(location, { retentionMs: 30 * DAY, poolSize: 4 });
  const second = await openPostgresEngine(location, { retentionMs: 30 * DAY, poolSize: 4 });
  opened.push(first, second);
  return [first, second];
}

/** A new database at this Herald's schema, on a pool of one connection closed after the test. */
async function migratedDatabase(): Promise<Pool> {
  const pool = await connectPostgres(await createTestDatabase(), { max: 1 });
  pools.push(pool);
  await migrate(pool);
  return pool;
}

describe.skipIf(!hasPostgres)('PostgreSQL shared by several processes', () => {
  it('lets one process at a time hold a lease, and another take it once it runs out', async () => {
    const [first, second] = await twoProcesses();
    expect(await first.leases.acquire('schedule:s1', 60_000)).toBe(true);
    expect(await second.leases.acquire('schedule:s1', 60_000)).toBe(false);
    expect(await first.leases.acquire('schedule:s1', 1)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await second.leases.acquire('schedule:s1', 60_000)).toBe(true);
    await first.leases.release('schedule:s1');
    expect(await first.leases.acquire('schedule:s1', 60_000)).toBe(false);
  });

  it('notes a due slot once however many processes note it, and offers only schedules nobody holds', async () => {
    const [first, second] = await twoProcesses();
    await Promise.all([first, second, first].map((engine) => engine.dueSlots.add({ guildId: 'g1', scheduleId: 's1', slot: '2024-09-12T08:00' })));
    await second.dueSlots.add({ guildId: 'g1', scheduleId: 's2', slot: '2024-09-12T08:00' });
    expect((await first.dueSlots.of('s1')).map((due) => due.slot)).toEqual(['2024-09-12T08:00']);
    await first.leases.acquire('schedule:s1', 60_000);
    expect((await second.dueSlots.waiting(10)).map((due) => due.scheduleId)).toEqual(['s2']);
  });

  it('stores one copy of an article two processes ingest at the same moment', async () => {
    const [first, second] = await twoProcesses();
    const article = (id: number) =>
      buildArticle({ title: 'Ferry strike ends', url: 'https://courier.example/ferry', paragraphs: [`Ferry crews voted to accept a pay offer. Copy ${id}.`], alsoRead: [] }, { source: { kind: 'feed', location: 'https://courier.example/feed.xml' }, fetchedAt: new Date() });
    const results = await Promise.all(Array.from({ length: 6 }, (_, index) => (index % 2 ? first : second).articles.add(article(index))));
    expect(results.filter((result) => result.status === 'new')).toHaveLength(1);
    expect(new Set(results.map((result) => result.id)).size).toBe(1);
    expect(await first.catalog.count(new Date())).toBe(1);
  });

  it('paces the requests of every process one interval apart', async () => {
    const location = await createTestDatabase();
    const [one, two] = [await connectPostgres(location, { max: 2 }), await connectPostgres(location, { max: 2 })];
    pools.push(one, two);
    await migrate(one);
    const starts: number[] = [];
    // Each request starts when its reservation says; recording that instant instead of sleeping keeps the test fast and exact.
    const pacer = (pool: Pool) => createPostgresPacer(pool, { perSecond: 4, sleep: async (ms) => void starts.push(Date.now() + ms) });
    const [a, b] = [pacer(one), pacer(two)];
    for (let index = 0; index < 4; index += 1) await Promise.all([a(async () => undefined), b(async () => undefined)]);
    const sorted = [...starts].sort((x, y) => x - y);
    const gaps = sorted.slice(1).map((at, index) => at - sorted[index]!);
    expect(gaps.length).toBe(6);
    // Each process maps the database's instants onto its own clock through an offset it estimates from round
    // trips, good to half of one: on a busy machine that is some milliseconds. Unpaced, two processes' requests
    // would land together, gaps of 0.
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(250 - 25);
  });

  it('gives a request that woke long after its instant a new one, rather than sending it in a burst', async () => {
    const pool = await migratedDatabase();
    let sleeps = 0;
    let reservations = 0;
    const counting = { query: (...args: Parameters<Pool['query']>) => ((reservations += 1), pool.query(...args)) } as unknown as Pool;
    // The first wait oversleeps by far more than the 250 ms spacing, as a stalled process would.
    const pacer = createPostgresPacer(counting, { perSecond: 4, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms + (sleeps++ === 0 ? 600 : 0))) });
    await pacer(async () => undefined);
    let sent = 0;
    await pacer(async () => void (sent += 1));
    expect(sent).toBe(1);
    expect(reservations).toBe(3);
  });

  it('counts a request late from its instant, not from when the answer reserving it was read', async () => {
    const pool = await migratedDatabase();
    let reservations = 0;
    // The second reservation's answer is read 1.5 s after the database gave it, as in a process busy composing a
    // digest: its instant, 250 ms after the first, has long gone by then, though the wait it was given has not. Far
    // past the spacing, so that the process's estimate of the database's clock, a busy machine's round trip off,
    // cannot make it look on time.
    const slowlyRead = {
      query: async (...args: Parameters<Pool['query']>) => {
        reservations += 1;
        const answer = await pool.query(...args);
        if (reservations === 2) await new Promise((resolve) => setTimeout(resolve, 1_500));
        return answer;
      },
    } as unknown as Pool;
    const pacer = createPostgresPacer(slowlyRead, { perSecond: 4 });
    await pacer(async () => undefined);
    let sent = 0;
    await pacer(async () => void (sent += 1));
    expect(sent).toBe(1);
    expect(reservations).toBe(3);
  });
});

describe.skipIf(!hasPostgres)('schema migrations', () => {
  it('migrates once when several processes start together', async () => {
    const location = await createTestDatabase();
    const started = await Promise.all(Array.from({ length: 3 }, () => connectPostgres(location, { max: 1 })));
    pools.push(...started);
    const results = await Promise.all(started.map((pool) => migrate(pool)));
    expect(results.flatMap((result) => result.applied)).toEqual((await readMigrations()).map((migration) => migration.name));
    expect((await started[0]!.query('SELECT count(*)::int AS count FROM herald_schema')).rows[0]).toEqual({ count: (await readMigrations()).length });
  });

  it('lets a search of the last day find articles stored before articles carried their day', async () => {
    const location = await createTestDatabase();
    const pool = await connectPostgres(location, { max: 2 });
    pools.push(pool);
    const [first] = await readMigrations();
    await migrate(pool, [first!]);
    const now = new Date('2024-09-12T09:00:00Z');
    const stored = buildArticle(
      { title: 'Ferry strike ends', url: 'https://courier.example/ferry', paragraphs: ['Ferry crews in Harbour City voted to accept a pay offer, ending a nine-day strike.'], alsoRead: [] },
      { source: { kind: 'feed', location: 'https://courier.example/feed.xml' }, fetchedAt: now },
    );
    await createPostgresArticleRepository(pool, { retentionMs: 30 * DAY, now: () => now }).add(stored);
    // As the first schema's Herald wrote it: no day among the keys and words.
    await pool.query("UPDATE articles SET related_keys = array(SELECT key FROM unnest(related_keys) key WHERE key NOT LIKE '@d%'), search = ts_filter(search, '{a,b,c,d}'), headline_search = ts_filter(headline_search, '{a,b}')");
    const catalog = createPostgresCatalog(pool, { retentionMs: 30 * DAY });
    const lastDay = { now, since: new Date(now.getTime() - DAY), limit: 5 };
    expect(await catalog.search('ferry', lastDay)).toEqual([]);
    await migrate(pool);
    expect((await catalog.search('ferry', lastDay)).map((hit) => hit.article.title)).toEqual(['Ferry strike ends']);
  });

  it('applies a migration numbered below one the database already has, as side-by-side work merges', async () => {
    const pool = await migratedDatabase();
    const all = await readMigrations();
    const skipped = all.at(-2)!;
    await pool.query('DELETE FROM herald_schema WHERE version = $1', [skipped.version]);
    const tables = (await pool.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'")).rows.map((row) => row.name);
    // The skipped migration's own work is undone too, as if it had never run.
    for (const table of tables.filter((name) => skipped.sql.includes(`CREATE TABLE ${name} `))) await pool.query(`DROP TABLE ${table} CASCADE`);

    expect((await migrate(pool)).applied).toEqual([skipped.name]);
  });

  it('refuses a database migrated by a newer Herald, saying so in one line', async () => {
    const location = await createTestDatabase();
    const pool = await connectPostgres(location, { max: 1 });
    pools.push(pool);
    await migrate(pool);
    await pool.query("INSERT INTO herald_schema (version, name) VALUES (9999, '9999_from_the_future')");
    await expect(openPostgresEngine(location, { retentionMs: DAY })).rejects.toThrow(/^store: the database's schema is version 9999, newer than this Herald's \(\d+\)/);
  });

  it('refuses a location it cannot reach in one line, without the password', async () => {
    await expect(connectPostgres('postgres://herald:s3cret@127.0.0.1:1/herald')).rejects.toThrow(/^store: cannot connect to postgresql 127\.0\.0\.1:1\/herald \(/);
    await expect(connectPostgres('postgres://herald:s3cret@127.0.0.1:1/herald')).rejects.not.toThrow(/s3cret/);
  });
});

describe.skipIf(!hasPostgres)("the planner's statistics", () => {
  it('are gathered after an ingest pass when they never were or a tenth of the articles changed since, and not otherwise', async () => {
    const pool = await migratedDatabase();
    const articles = createPostgresArticleRepository(pool, { retentionMs: 30 * DAY, now: () => new Date() });
    const catalog = createPostgresCatalog(pool, { retentionMs: 30 * DAY });
    let stored = 0;
    const store = async (count: number): Promise<void> => {
      for (const end = stored + count; stored < end; stored += 1) {
        const story = `Harbour report ${stored}: ferry crews counted ${stored * 7} passengers.`;
        await articles.add(buildArticle({ title: story, url: `https://courier.example/ferry-${stored}`, paragraphs: [story], alsoRead: [] }, { source: { kind: 'feed', location: 'https://courier.example/feed.xml' }, fetchedAt: new Date() }));
      }
      // A backend reports what it changed when it is next idle, and not more than once a second unless asked.
      await pool.query('SELECT pg_stat_force_next_flush()');
    };
    const believed = async (): Promise<number> => Number((await pool.query<{ rows: number }>("SELECT reltuples AS rows FROM pg_class WHERE oid = 'articles'::regclass")).rows[0]!.rows);
    await store(10);
    await catalog.prune(new Date());
    expect(await believed()).toBe(10);
    await store(5);
    await catalog.prune(new Date());
    expect(await believed()).toBe(10);
    await store(60);
    await catalog.prune(new Date());
    expect(await believed()).toBe(75);
  });
});
