import { randomUUID } from 'node:crypto';
import pg from 'pg';

/**
 * The PostgreSQL server the PostgreSQL suites run against: HERALD_TEST_POSTGRES, or the machine's own on
 * 127.0.0.1. Each suite gets databases of its own, created empty and dropped afterwards, so nothing depends
 * on what the server held before or leaves anything behind.
 */
const SERVER = process.env.HERALD_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function databaseUrl(name: string): string {
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return url.toString();
}

async function reachable(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: SERVER, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Whether the PostgreSQL suites run here. Under CI an unreachable server is an error, so a broken database
 * can never pass as a skipped suite; elsewhere the suites are skipped, saying so once.
 */
export const postgresProblem = await reachable();
if (postgresProblem) {
  if (process.env.CI) throw new Error(`PostgreSQL is unreachable at ${new URL(SERVER).host} and CI is set: ${postgresProblem}`);
  if (!(globalThis as { heraldPostgresSkipSaid?: boolean }).heraldPostgresSkipSaid) {
    (globalThis as { heraldPostgresSkipSaid?: boolean }).heraldPostgresSkipSaid = true;
    process.stderr.write(`PostgreSQL suites skipped: no server at ${new URL(SERVER).host} (${postgresProblem})\n`);
  }
}
export const hasPostgres = postgresProblem === undefined;

const created: string[] = [];

/** A new empty database; its URL. */
export async function createTestDatabase(): Promise<string> {
  const name = `herald_test_${process.pid}_${randomUUID().slice(0, 8)}`;
  const client = new pg.Client({ connectionString: SERVER });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  created.push(name);
  return databaseUrl(name);
}

/** Drops every database this process created (with any connection still open to it). */
export async function dropTestDatabases(): Promise<void> {
  if (created.length === 0) return;
  const client = new pg.Client({ connectionString: SERVER });
  await client.connect();
  try {
    for (const name of created.splice(0)) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
