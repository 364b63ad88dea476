import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { hasPostgres } from '../support/postgres.ts';
import { dropDatabasesNamed, POSTGRES_SERVER } from '../support/postgres-setup.ts';

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_SERVER });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function exists(name: string): Promise<boolean> {
  return admin(async (client) => (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
}

describe.runIf(hasPostgres)('the test run’s clean-up of its PostgreSQL databases', () => {
  it('drops the databases of its own prefix, even one still connected, and leaves another run’s alone', async () => {
    const suffix = `${process.pid}_${Date.now().toString(36)}`;
    const ours = `herald_cleanup_a_${suffix}`;
    const theirs = `herald_cleanup_b_${suffix}`;
    await admin(async (client) => {
      await client.query(`CREATE DATABASE ${ours}`);
      await client.query(`CREATE DATABASE ${theirs}`);
    });
    const connected = new pg.Client({ connectionString: POSTGRES_SERVER.replace(/\/[^/]*$/, `/${ours}`) });
    await connected.connect();
    connected.on('error', () => undefined);
    try {
      expect(await dropDatabasesNamed('herald_cleanup_a_')).toContain(ours);
      expect(await exists(ours)).toBe(false);
      expect(await exists(theirs)).toBe(true);
    } finally {
      await connected.end().catch(() => undefined);
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${theirs}`));
    }
  });
});
