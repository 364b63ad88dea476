import { readdir, readFile } from 'node:fs/promises';
import { InputError } from '../../input-error.ts';
import { HERALD_FOLDER } from '../../herald-folder.ts';
import type { Pool } from './connect.ts';

const MIGRATIONS = new URL('src/store/postgres/migrations/', HERALD_FOLDER);

/** Any constant will do, as long as nothing else takes this advisory lock: "herald" in ASCII. */
const MIGRATION_LOCK = 0x68_65_72_61_6c_64;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The numbered SQL files in migrations/, in order. */
export async function readMigrations(folder: URL = MIGRATIONS): Promise<Migration[]> {
  const files = (await readdir(folder)).filter((file) => /^\d{4}_[\w-]+\.sql$/.test(file)).sort();
  return Promise.all(
    files.map(async (file) => ({ version: Number(file.slice(0, 4)), name: file.replace(/\.sql$/, ''), sql: await readFile(new URL(file, folder), 'utf8') })),
  );
}

/**
 * Brings the database's schema up to this Herald's, under an advisory lock so that processes starting
 * together migrate once: the first applies each missing migration in a transaction of its own, the others
 * wait for the lock and then find nothing to do. A database migrated by a newer Herald is refused, since
 * this code would misread what that one wrote.
 */
export async function migrate(pool: Pool, migrations?: Migration[]): Promise<{ applied: string[]; version: number }> {
  const known = migrations ?? (await readMigrations());
  const latest = known.at(-1)?.version ?? 0;
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS herald_schema (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM herald_schema')).rows.map((row) => Number(row.version)));
    const current = Math.max(0, ...done);
    if (current > latest) {
      throw new InputError(`store: the database's schema is version ${current}, newer than this Herald's (${latest}); run a Herald at least as new as the one that migrated it`);
    }
    const applied: string[] = [];
    // Every migration not yet applied, not only those past the latest: work merged side by side may number a
    // migration below one a database already has.
    for (const migration of known.filter((candidate) => !done.has(candidate.version))) {
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO herald_schema (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new InputError(`store: migration ${migration.name} failed (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
      }
      applied.push(migration.name);
    }
    return { applied, version: Math.max(current, latest) };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
