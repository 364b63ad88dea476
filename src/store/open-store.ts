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
  /**
   * Every live value of a collection with its key, in no particular order, each exactly once even at
   * hundreds of thousands of rows. Expired values are left out, and a backend may delete them as it passes.
   */
  entries<Value>(name: string): AsyncIterable<[key: string, value: Value]>;
  close(): Promise<void>;
}

/**
 * Opens the store a location names: `sqlite://path/to/file.sqlite`, a plain file path, or `memory:`.
 */
export async function openStore(location: string): Promise<Store> {
  const trimmed = location.trim();
  if (trimmed === 'memory:' || trimmed === ':memory:') return openMemoryStore();
  // "sqlite:/data/herald.db" would otherwise be a relative path whose first folder is named "sqlite:".
  const halfScheme = /^(sqlite|postgres(?:ql)?|memory):(?!\/\/)/i.exec(trimmed)?.[1];
  if (halfScheme) throw new InputError(`store: "${trimmed}" names no store (use sqlite://path, postgres://host/database or memory:)`);
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme && scheme !== 'sqlite') {
    throw new InputError(`store: "${scheme}://" is not supported (use sqlite://path, postgres://host/database or memory:)`);
  }
  return openSqliteStore(scheme ? trimmed.slice('sqlite://'.length) : trimmed);
}

function openMemoryStore(): Store {
  const maps = new Map<string, Keyv<unknown>>();
  const collection = <Value>(name: string): Keyv<Value> => {
    let keyv = maps.get(name);
    if (!keyv) {
      keyv = new Keyv<unknown>({ store: new Map(), namespace: name, throwOnErrors: true });
      maps.set(name, keyv);
    }
    return keyv as Keyv<Value>;
  };
  return {
    description: 'memory',
    collection,
    async *entries<Value>(name: string): AsyncGenerator<[string, Value]> {
      const keyv = collection<Value>(name);
      // A Map iterates safely while keyv deletes the expired entries it passes.
      if (!keyv.iterator) return;
      for await (const [key, value] of keyv.iterator(keyv.namespace)) yield [key as string, value as Value];
    },
    async close() {
      maps.clear();
    },
  };
}

/** Rows read per query during a scan: enough to amortise the round trip, few enough that a page of articles stays a few megabytes. */
const SCAN_PAGE = 500;

async function openSqliteStore(file: string): Promise<Store> {
  if (!file) throw new InputError('store: the sqlite:// location names no file');
  const resolved = path.resolve(file);
  try {
    await mkdir(path.dirname(resolved), { recursive: true });
  } catch (error) {
    throw new InputError(`store: cannot create the folder for ${resolved} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const adapters: KeyvSqlite[] = [];
  const collections = new Map<string, { keyv: Keyv<unknown>; adapter: KeyvSqlite }>();
  const open = (name: string): { keyv: Keyv<unknown>; adapter: KeyvSqlite } => {
    let opened = collections.get(name);
    if (!opened) {
      // One table per collection keeps each collection's scans to its own rows.
      const adapter = new KeyvSqlite({ uri: `sqlite://${resolved}`, table: name, busyTimeout: 10_000 });
      adapters.push(adapter);
      opened = { keyv: new Keyv<unknown>({ store: adapter, namespace: name, throwOnErrors: true }), adapter };
      collections.set(name, opened);
    }
    return opened;
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
      return open(name).keyv as Keyv<Value>;
    },
    entries<Value>(name: string): AsyncIterable<[string, Value]> {
      const { keyv, adapter } = open(name);
      return scanSqlite(adapter, keyv as Keyv<Value>, name);
    },
    async close() {
      await Promise.all(adapters.map((adapter) => adapter.disconnect().catch(() => {})));
    },
  };
}

/**
 * Reads a collection's table in key order, resuming after the last key seen. keyv's own iterator pages with
 * OFFSET, which rereads every earlier row on each page, and deletes expired rows as it goes, which shifts
 * the rows under the next OFFSET so that live ones are skipped; a key bound has neither problem.
 */
async function* scanSqlite<Value>(adapter: KeyvSqlite, keyv: Keyv<Value>, namespace: string): AsyncGenerator<[string, Value]> {
  const table = adapter.opts.table!;
  const prefix = `${namespace}:`;
  // ";" follows ":" in code order, so every key of the namespace sorts between the two and the range uses the key index.
  const end = `${namespace};`;
  let after = prefix;
  for (;;) {
    const rows = (await adapter.query(`SELECT key, value FROM ${table} WHERE key > ? AND key < ? ORDER BY key LIMIT ?`, after, end, SCAN_PAGE)) as Array<{ key: string; value: string }>;
    const last = rows.at(-1);
    if (!last) return;
    const now = Date.now();
    const expired: string[] = [];
    for (const row of rows) {
      const data = await keyv.deserializeData<Value>(row.value);
      if (data?.value === undefined) continue;
      if (typeof data.expires === 'number' && data.expires < now) expired.push(row.key);
      else yield [row.key.slice(prefix.length), data.value];
    }
    if (expired.length) {
      // Nothing else removes expired rows that are never read again. The expiry is checked again in the
      // statement so that a row stored anew under the same key since it was read is kept.
      await adapter.query(`DELETE FROM ${table} WHERE key IN (SELECT value FROM json_each(?)) AND json_extract(value, '$.expires') < ?`, JSON.stringify(expired), now);
    }
    after = last.key;
  }
}
