import pg from 'pg';
import { InputError } from '../../input-error.ts';

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;

/** Connections per process: enough for a worker's concurrent runs and polls, few enough for a fleet of them on one server. */
const DEFAULT_POOL_SIZE = 10;

/**
 * The location as /status and the logs may show it: host, port and database, never the user's password
 * (nor the user, which often is half a credential).
 */
export function describePostgres(location: string): string {
  try {
    const url = new URL(location.trim());
    return `postgresql ${url.hostname || 'localhost'}${url.port ? `:${url.port}` : ''}${url.pathname || '/'}`;
  } catch {
    return 'postgresql';
  }
}

/**
 * A pool over the database the location names. Connecting once here turns a wrong address, a refused
 * connection or a missing database into one line for whoever started Herald, before anything else runs.
 */
export async function connectPostgres(location: string, options: { max?: number } = {}): Promise<Pool> {
  let url: URL;
  try {
    url = new URL(location.trim());
  } catch {
    throw new InputError('store: the postgres:// location is not a valid URL');
  }
  if (url.pathname.length <= 1) throw new InputError(`store: the postgres:// location names no database (${describePostgres(location)})`);
  const pool = new pg.Pool({
    connectionString: location.trim(),
    max: options.max ?? DEFAULT_POOL_SIZE,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    application_name: 'herald',
    // A common word's matches across a million articles are a bitmap larger than the default 4 MB, which turns
    // lossy and makes PostgreSQL re-read every article on the lossy pages (and their vectors) to check them.
    // A location's own ?options= takes precedence.
    options: '-c work_mem=32MB',
  });
  // A connection that drops while idle (the server restarting) is only logged by the caller's next query;
  // without a listener the pool's 'error' event would end the process.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new InputError(`store: cannot connect to ${describePostgres(location)} (${firstLine(error)})`);
  }
  return pool;
}

/** Runs `work` in one transaction on one connection: all of it happens, or none of it. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // A connection that cannot even roll back is broken, and is closed rather than handed to the next caller.
    await client.query('ROLLBACK').catch((rollbackError: unknown) => {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
