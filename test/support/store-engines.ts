import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe } from 'vitest';
import { openEmbeddedEngine } from '../../src/store/embedded-engine.ts';
import { openPostgresEngine } from '../../src/store/postgres/postgres-engine.ts';
import type { StoreEngine, StoreEngineOptions } from '../../src/store/store-engine.ts';
import { createTestDatabase, dropTestDatabases, hasPostgres } from './postgres.ts';

const DAY = 86_400_000;

/** One engine a specification runs against: where a fresh store is, and how to open one (again). */
export interface EngineUnderTest {
  name: 'sqlite' | 'postgres';
  /** A location no store has used yet. */
  freshLocation(): Promise<string>;
  /** Opens the store at a location; opening the same location again finds what was kept there. */
  open(location: string, options?: Partial<StoreEngineOptions>): Promise<StoreEngine>;
}

const folders: string[] = [];

const sqlite: EngineUnderTest = {
  name: 'sqlite',
  async freshLocation() {
    const folder = await mkdtemp(path.join(tmpdir(), 'herald-engine-'));
    folders.push(folder);
    return `sqlite://${path.join(folder, 'herald.sqlite')}`;
  },
  open: (location, options = {}) => openEmbeddedEngine(location, { retentionMs: 30 * DAY, ...options }),
};

const postgres: EngineUnderTest = {
  name: 'postgres',
  freshLocation: createTestDatabase,
  open: (location, options = {}) => openPostgresEngine(location, { retentionMs: 30 * DAY, poolSize: 4, ...options }),
};

// A spec file may have made dozens of databases, and each DROP DATABASE waits on the disk: on a busy machine
// that takes longer than the default hook timeout.
afterAll(async () => {
  await dropTestDatabases();
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
}, 180_000);

/**
 * Runs a specification against every engine: the embedded one always, PostgreSQL where a server is
 * reachable (see postgres.ts for when its absence fails the run instead).
 */
export function describeEachEngine(title: string, specify: (engine: EngineUnderTest) => void): void {
  describe(`${title} (sqlite)`, () => specify(sqlite));
  describe.skipIf(!hasPostgres)(`${title} (postgres)`, () => specify(postgres));
}

/** Opens a fresh store on the engine, and keeps it to be closed by `closeAll`. */
export function engineOpener(engine: EngineUnderTest): { fresh(options?: Partial<StoreEngineOptions>): Promise<StoreEngine>; reopen(location: string, options?: Partial<StoreEngineOptions>): Promise<StoreEngine>; closeAll(): Promise<void>; lastLocation(): string } {
  const opened: StoreEngine[] = [];
  let last = '';
  return {
    async fresh(options) {
      last = await engine.freshLocation();
      const store = await engine.open(last, options);
      opened.push(store);
      return store;
    },
    async reopen(location, options) {
      const store = await engine.open(location, options);
      opened.push(store);
      return store;
    },
    async closeAll() {
      await Promise.all(opened.splice(0).map((store) => store.close().catch(() => undefined)));
    },
    lastLocation: () => last,
  };
}
