import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { databaseUrl, POSTGRES_SERVER as SERVER } from './postgres-setup.ts';

// Each suite gets databases of its own, created empty and dropped afterwards, so nothing depends on what the server held before or leaves anything behind.

/** Whether the PostgreSQL suites run here (see postgres-setup.ts, which looked once for the whole run). */
export const hasPostgres = inject('postgresProblem') === '';

const runPrefix = inject('postgresRunPrefix');
const created: string[] = [];

/** A new empty database; its URL. */
export async function createTestDatabase(): Promise<string> {
  const name = `${runPrefix}${process.pid}_${randomUUID().slice(0, 8)}`;
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
