import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { consolePoster } from '../../src/discord/console/run-console.ts';
import { startHeraldApp } from '../../src/herald-app.ts';
import { createLogger } from '../../src/logger.ts';
import { connectPostgres, type Pool } from '../../src/store/postgres/connect.ts';
import { forgetExpiredRows } from '../../src/store/postgres/expired-rows.ts';
import { migrate } from '../../src/store/postgres/migrate.ts';
import { createTestDatabase, dropTestDatabases, hasPostgres } from '../support/postgres.ts';

const DAY = 86_400_000;
const NOW = new Date('2026-12-06T12:00:00Z');
const PAST = new Date(NOW.getTime() - DAY);
const FUTURE = new Date(NOW.getTime() + DAY);

const pools: Pool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
  await dropTestDatabases();
});

async function database(): Promise<Pool> {
  const pool = await connectPostgres(await createTestDatabase(), { max: 1 });
  pools.push(pool);
  await migrate(pool);
  return pool;
}

const count = async (pool: Pool, table: string): Promise<number> => Number((await pool.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);

describe.skipIf(!hasPostgres)('forgetting expired rows on PostgreSQL', () => {
  it('lets go of finished runs and updates, caches and old delivery records past their time, and keeps the rest', async () => {
    const pool = await database();
    for (const [slot, status, expires] of [['old-sent', 'sent', PAST], ['old-pending', 'pending', PAST], ['new-sent', 'sent', FUTURE]] as const) {
      await pool.query("INSERT INTO delivery_runs (schedule_id, slot, status, run, started_at, expires_at) VALUES ('s', $1, $2, '{}', $3, $4)", [slot, status, PAST, expires]);
    }
    for (const [seq, status, expires] of [[1, 'sent', PAST], [2, 'pending', PAST], [3, 'failed', FUTURE]] as const) {
      await pool.query("INSERT INTO story_updates (channel_id, story_key, seq, status, run, story_article_ids, started_at, expires_at) VALUES ('c', 'k', $1, $2, '{}', '{}', $3, $4)", [seq, status, PAST, expires]);
    }
    await pool.query("INSERT INTO summaries (key, summary, expires_at) VALUES ('old', '{}', $1), ('new', '{}', $2), ('kept', '{}', NULL)", [PAST, FUTURE]);
    await pool.query("INSERT INTO embeddings (key, vector, expires_at) VALUES ('old', '{1}', $1), ('new', '{1}', $2)", [PAST, FUTURE]);
    await pool.query("INSERT INTO http_validators (url, etag, expires_at) VALUES ('https://a.example/', 'x', $1), ('https://b.example/', 'y', $2)", [PAST, FUTURE]);
    await pool.query("INSERT INTO channel_deliveries (channel_id, article_id, sent_at) VALUES ('c', 'old', $1), ('c', 'new', $2)", [new Date(NOW.getTime() - 40 * DAY), PAST]);

    expect(await forgetExpiredRows(pool, NOW, 30 * DAY)).toBe(6);

    expect((await pool.query('SELECT slot FROM delivery_runs ORDER BY slot')).rows.map((row) => row.slot)).toEqual(['new-sent', 'old-pending']);
    expect((await pool.query('SELECT seq FROM story_updates ORDER BY seq')).rows.map((row) => row.seq)).toEqual([2, 3]);
    expect(await count(pool, 'summaries')).toBe(2);
    expect(await count(pool, 'embeddings')).toBe(1);
    expect(await count(pool, 'http_validators')).toBe(1);
    expect((await pool.query('SELECT article_id FROM channel_deliveries')).rows.map((row) => row.article_id)).toEqual(['new']);
  });

  it('is done by every ingest pass of a Herald on PostgreSQL, after its articles are pruned', async () => {
    const location = await createTestDatabase();
    const config = await loadConfig({ HERALD_STORE: location });
    const app = await startHeraldApp({ config: { ...config, sources: [] }, env: {}, logger: createLogger({ HERALD_LOG_LEVEL: 'silent' }), poster: consolePoster(new PassThrough()), now: () => NOW });
    try {
      const pool = await connectPostgres(location, { max: 1 });
      pools.push(pool);
      await pool.query("INSERT INTO summaries (key, summary, expires_at) VALUES ('old', '{}', $1), ('new', '{}', $2)", [PAST, FUTURE]);

      await app.ingestAll();

      expect((await pool.query('SELECT key FROM summaries')).rows.map((row) => row.key)).toEqual(['new']);
    } finally {
      await app.stop();
    }
  });
});
