import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

/**
 * The PostgreSQL server the PostgreSQL suites run against: HERALD_TEST_POSTGRES, or the machine's own on
 * 127.0.0.1. Looked at once per run, before any suite: under CI an unreachable server fails the run, so a
 * broken database can never pass as skipped suites; elsewhere those suites are skipped, and this says so once.
 * HERALD_TEST_POSTGRES=off skips them on purpose, under CI too: `npm run mutate` mutates no engine, and runs
 * the specs on the embedded one alone.
 */
export const POSTGRES_SERVER = process.env.HERALD_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The URL of a database of that name on the same server. */
export function databaseUrl(name: string): string {
  const url = new URL(POSTGRES_SERVER);
  url.pathname = `/${name}`;
  return url.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Why the PostgreSQL suites cannot run here; empty when they can. */
    postgresProblem: string;
    /** The prefix of every database this run creates, so the run can drop what its suites left behind. */
    postgresRunPrefix: string;
  }
}

async function reachable(): Promise<string> {
  const client = new pg.Client({ connectionString: POSTGRES_SERVER, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return '';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Drops every database whose name starts with the prefix. Suites drop their own databases, but a suite whose
 * worker is killed, or whose last hook times out under load, leaves them on a server that outlives the run.
 */
export async function dropDatabasesNamed(prefix: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: POSTGRES_SERVER });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
      [prefix],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    return rows.map((row) => row.datname);
  } finally {
    await client.end();
  }
}

export default async function postgresSetup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const off = POSTGRES_SERVER === 'off';
  const problem = off ? 'switched off (HERALD_TEST_POSTGRES=off)' : await reachable();
  if (problem && !off) {
    const host = new URL(POSTGRES_SERVER).host;
    if (process.env.CI) throw new Error(`PostgreSQL is unreachable at ${host} and CI is set: ${problem}`);
    process.stderr.write(`PostgreSQL suites skipped: no server at ${host} (${problem})\n`);
  }
  project.provide('postgresProblem', problem);
  // Runs of their own (another checkout's, a helper's) may share the server at the same time: only this run's go.
  const prefix = `herald_test_${randomBytes(4).toString('hex')}_`;
  project.provide('postgresRunPrefix', prefix);
  if (problem) return undefined;
  return async () => {
    const left = await dropDatabasesNamed(prefix);
    if (left.length > 0) process.stderr.write(`Dropped ${left.length} test database(s) a suite left behind: ${left.join(', ')}\n`);
  };
}
