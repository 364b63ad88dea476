import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { InputError } from '../input-error.ts';

/** A place to keep Herald's data: named collections of keyed values, each with its own optional TTL. */
export interface Store {
  /** A human-readable description for status displays, without credentials. */
  readonly description: string;
  collection<Value>(name: string): Keyv<Value>;
  close(): Promise<void>;
}

/**
 * Opens the store a location names: `sqlite://path/to/file.sqlite`, a plain file path, or `memory:`.
 * Redis and PostgreSQL join here later as further keyv adapters; callers only see collections.
 */
export async function openStore(location: string): Promise<Store> {
  const trimmed = location.trim();
  if (trimmed === 'memory:' || trimmed === ':memory:') return openMemoryStore();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme && scheme !== 'sqlite') {
    throw new InputError(`store: "${scheme}://" is not supported yet (use sqlite://path or memory:)`);
  }
  return openSqliteStore(scheme ? trimmed.slice('sqlite://'.length) : trimmed);
}

function openMemoryStore(): Store {
  const maps = new Map<string, Keyv<unknown>>();
  return {
    description: 'memory',
    collection<Value>(name: string): Keyv<Value> {
      let keyv = maps.get(name);
      if (!keyv) {
        keyv = new Keyv<unknown>({ store: new Map(), namespace: name, throwOnErrors: true });
        maps.set(name, keyv);
      }
      return keyv as Keyv<Value>;
    },
    async close() {
      maps.clear();
    },
  };
}

/** Rows fetched per page while iterating; keyv's default of 10 makes a full scan quadratic. */
const ITERATION_PAGE = 5_000;

async function openSqliteStore(file: string): Promise<Store> {
  if (!file) throw new InputError('store: the sqlite:// location names no file');
  const resolved = path.resolve(file);
  try {
    await mkdir(path.dirname(resolved), { recursive: true });
  } catch (error) {
    throw new InputError(`store: cannot create the folder for ${resolved} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const adapters: KeyvSqlite[] = [];
  const collections = new Map<string, Keyv<unknown>>();
  const open = (name: string): Keyv<unknown> => {
    // One table per collection keeps each collection's scans to its own rows.
    const adapter = new KeyvSqlite({ uri: `sqlite://${resolved}`, table: name, busyTimeout: 10_000, iterationLimit: ITERATION_PAGE });
    adapters.push(adapter);
    return new Keyv<unknown>({ store: adapter, namespace: name, throwOnErrors: true });
  };
  const probe = new KeyvSqlite({ uri: `sqlite://${resolved}`, table: 'herald_meta', busyTimeout: 10_000 });
  try {
    // WAL lets readers go on while one writer commits, and NORMAL sync avoids an fsync per row in bulk ingests.
    await probe.query('PRAGMA journal_mode=WAL');
    await probe.query('PRAGMA synchronous=NORMAL');
  } catch (error) {
    await probe.disconnect().catch(() => {});
    throw new InputError(`store: cannot open ${resolved} (${(error as Error).message.split('\n')[0]})`);
  }
  adapters.push(probe);
  return {
    description: `sqlite ${resolved}`,
    collection<Value>(name: string): Keyv<Value> {
      let keyv = collections.get(name);
      if (!keyv) {
        keyv = open(name);
        collections.set(name, keyv);
      }
      return keyv as Keyv<Value>;
    },
    async close() {
      await Promise.all(adapters.map((adapter) => adapter.disconnect().catch(() => {})));
    },
  };
}
