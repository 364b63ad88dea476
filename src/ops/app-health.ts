import type { HeraldApp } from '../herald-app.ts';
import { evaluateHealth, type HealthReport, type ShardState } from './health.ts';
import { safeReason } from './safe-reason.ts';

/** Longer than this, and the store counts as unreachable: /healthz must answer well within a probe's timeout. */
const STORE_PING_MS = 1_000;

/** Whether the store answers, within a second; the reason, made safe to show, when it does not. */
async function pingStore(app: HeraldApp): Promise<{ reachable: boolean; error?: string }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      app.engine.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${STORE_PING_MS} ms`)), STORE_PING_MS);
      }),
    ]);
    return { reachable: true };
  } catch (error) {
    return { reachable: false, error: safeReason(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** The health of a running process, as GET /healthz reports it. */
export function appHealth(app: HeraldApp, options: { startedAt: Date; shards?: () => ShardState[] }): () => Promise<HealthReport> {
  return async () =>
    evaluateHealth(
      {
        role: app.role,
        store: await pingStore(app),
        ...(options.shards ? { shards: options.shards() } : {}),
        ...app.heartbeats,
        startedAt: options.startedAt,
      },
      new Date(),
    );
}
