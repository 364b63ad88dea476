import { openEmbeddedEngine } from './embedded-engine.ts';
import { isPostgresLocation } from './postgres/connect.ts';
import { openPostgresEngine } from './postgres/postgres-engine.ts';
import type { StoreEngine, StoreEngineOptions } from './store-engine.ts';

/** The engine a store location names: `postgres://` or `postgresql://` for PostgreSQL; `sqlite://`, a file path or `memory:` for the embedded one. */
export function openStoreEngine(location: string, options: StoreEngineOptions): Promise<StoreEngine> {
  return isPostgresLocation(location) ? openPostgresEngine(location, options) : openEmbeddedEngine(location, options);
}
