import { safeReason } from './safe-reason.ts';

import type { HeraldRole } from '../config/role-env.ts';

export type { HeraldRole };

export interface ShardState {
  id: number;
  ready: boolean;
  /** When the shard last stopped being ready (a disconnect, a resume under way); start-up when absent. */
  notReadySince?: Date | undefined;
}

/** What a process knows of itself when asked; evaluateHealth judges it. */
export interface HealthInput {
  role: HeraldRole;
  /** The outcome of a cheap query just now. `error` may be a driver's message: it is cleaned before anyone sees it. */
  store: { reachable: boolean; error?: string | undefined };
  /**
   * The gateway's shards. Absent where no gateway runs: a worker, or `all` in the terminal without a Discord
   * token. A `gateway` that reports none has no shard up.
   */
  shards?: readonly ShardState[] | undefined;
  /** When a source was last read, whatever came of it. Reported, never judged: an hour with nothing due is healthy. */
  lastPollAt?: Date | undefined;
  /** When a digest was last posted. Reported, never judged: a server with no schedules never gets one. */
  lastDeliveryAt?: Date | undefined;
  /** The poll loop's last sign of life: each look for due sources, and each source it finishes reading. */
  pollLoopAt?: Date | undefined;
  /** The digest ticker's last run, whether or not a digest was due. */
  deliveryLoopAt?: Date | undefined;
  startedAt: Date;
}

export interface HealthThresholds {
  /** How long a shard may be not ready, from start-up or from when it dropped, before the process is unhealthy. */
  shardReadyGraceMs: number;
  /** How long the poll loop may show no sign of life, from start-up or its last one. */
  pollLoopStalledMs: number;
  /** How long the digest ticker may not run, from start-up or its last run. */
  deliveryLoopStalledMs: number;
}

/**
 * - Shards, 2 minutes: Discord lets a bot identify one shard per 5 s (per max_concurrency bucket), and a
 *   resume after Discord asks a shard to reconnect takes seconds; a shard down for minutes serves no one.
 *   A process that runs many shards needs about 5 s per shard more.
 * - Poll loop, 10 minutes: it looks for due sources every 10 s and shows life after every source it reads,
 *   but one read (a feed, then the pages of its teaser-only items, each up to fetch.timeoutMs) can take
 *   minutes. Ten minutes without either is a loop that is stuck, not slow.
 * - Digest ticker, 3 minutes: it runs every minute and only starts runs, so it is never slow; three missed
 *   ticks are not jitter.
 */
export const DEFAULT_HEALTH_THRESHOLDS: HealthThresholds = {
  shardReadyGraceMs: 2 * 60_000,
  pollLoopStalledMs: 10 * 60_000,
  deliveryLoopStalledMs: 3 * 60_000,
};

/** GET /healthz's body. Ages are whole seconds; null is "not yet in this process". */
export interface HealthReport {
  status: 'ok' | 'unhealthy';
  role: HeraldRole;
  /** One line each, for an operator: what is wrong, for how long, and the limit it passed. */
  problems: string[];
  checkedAt: string;
  uptimeSeconds: number;
  storeReachable: boolean;
  /** Only where a gateway runs. */
  shards?: { total: number; ready: number };
  lastPollSeconds: number | null;
  lastDeliverySeconds: number | null;
  pollLoopSeconds: number | null;
  deliveryLoopSeconds: number | null;
}

/**
 * Whether the process does its job. An unreachable store is always unhealthy; a gateway is unhealthy while a
 * shard stays not ready past its grace; a worker is unhealthy when its poll loop or digest ticker stops
 * running. Nothing being due is not a problem, so the ages of the last poll and delivery are only reported.
 */
export function evaluateHealth(input: HealthInput, now: Date, thresholds: HealthThresholds = DEFAULT_HEALTH_THRESHOLDS): HealthReport {
  const ageMs = (at: Date): number => Math.max(0, now.getTime() - at.getTime());
  const seconds = (ms: number): number => Math.floor(ms / 1000);
  const ageSeconds = (at: Date | undefined): number | null => (at ? seconds(ageMs(at)) : null);
  const uptimeMs = ageMs(input.startedAt);
  const problems: string[] = [];

  if (!input.store.reachable) problems.push(input.store.error ? `store unreachable: ${safeReason(input.store.error)}` : 'store unreachable');

  const shards = input.shards ?? (input.role === 'gateway' ? [] : undefined);
  if (shards) {
    const limit = thresholds.shardReadyGraceMs;
    if (shards.length === 0 && uptimeMs > limit) problems.push(`no gateway shard ${seconds(uptimeMs)} s after start (limit ${seconds(limit)} s)`);
    for (const shard of shards) {
      const down = ageMs(shard.notReadySince ?? input.startedAt);
      if (!shard.ready && down > limit) problems.push(`shard ${shard.id} not ready for ${seconds(down)} s (limit ${seconds(limit)} s)`);
    }
  }

  if (input.role !== 'gateway') {
    const loops = [
      ['poll loop', input.pollLoopAt, thresholds.pollLoopStalledMs],
      ['digest ticker', input.deliveryLoopAt, thresholds.deliveryLoopStalledMs],
    ] as const;
    for (const [name, at, limit] of loops) {
      if (at && ageMs(at) > limit) problems.push(`${name} last ran ${seconds(ageMs(at))} s ago (limit ${seconds(limit)} s)`);
      else if (!at && uptimeMs > limit) problems.push(`${name} has not run in the ${seconds(uptimeMs)} s since start (limit ${seconds(limit)} s)`);
    }
  }

  return {
    status: problems.length ? 'unhealthy' : 'ok',
    role: input.role,
    problems,
    checkedAt: now.toISOString(),
    uptimeSeconds: seconds(uptimeMs),
    storeReachable: input.store.reachable,
    ...(shards ? { shards: { total: shards.length, ready: shards.filter((shard) => shard.ready).length } } : {}),
    lastPollSeconds: ageSeconds(input.lastPollAt),
    lastDeliverySeconds: ageSeconds(input.lastDeliveryAt),
    pollLoopSeconds: ageSeconds(input.pollLoopAt),
    deliveryLoopSeconds: ageSeconds(input.deliveryLoopAt),
  };
}
