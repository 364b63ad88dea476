import type { StoreEngine, StoreEngineOptions } from './store-engine.ts';

/**
 * The engine a store location names: `postgres://` or `postgresql://` for PostgreSQL; `sqlite://`, a file path
 * or `memory:` for the embedded one. Only the named engine is loaded, so that a process starts without the
 * other's driver and index (a restarted gateway answers sooner).
 */
export async function openStoreEngine(location: string, options: StoreEngineOptions): Promise<StoreEngine> {
  if (/^postgres(ql)?:\/\//i.test(location.trim())) return (await import('./postgres/postgres-engine.ts')).openPostgresEngine(location, options);
  return (await import('./embedded-engine.ts')).openEmbeddedEngine(location, options);
}
