import { describe, expect, it } from 'vitest';
import { DEFAULT_HEALTH_THRESHOLDS, evaluateHealth, type HealthInput } from '../../src/ops/health.ts';

const startedAt = new Date('2025-03-01T08:00:00Z');
const minutes = (count: number): Date => new Date(startedAt.getTime() + count * 60_000);
const seconds = (count: number): Date => new Date(startedAt.getTime() + count * 1000);
const reachable = { reachable: true };

/** A worker an hour into its run whose loops ran a few seconds ago. */
function worker(overrides: Partial<HealthInput> = {}): HealthInput {
  return { role: 'worker', store: reachable, startedAt, pollLoopAt: minutes(59.9), deliveryLoopAt: minutes(59.5), ...overrides };
}

function gateway(overrides: Partial<HealthInput> = {}): HealthInput {
  return { role: 'gateway', store: reachable, startedAt, shards: [{ id: 0, ready: true }], ...overrides };
}

describe('evaluateHealth', () => {
  it('reports a worker whose loops run as ok, with every age in whole seconds', () => {
    const report = evaluateHealth(worker({ lastPollAt: minutes(58), lastDeliveryAt: minutes(30) }), minutes(60));
    expect(report).toEqual({
      status: 'ok',
      role: 'worker',
      problems: [],
      checkedAt: '2025-03-01T09:00:00.000Z',
      uptimeSeconds: 3600,
      storeReachable: true,
      lastPollSeconds: 120,
      lastDeliverySeconds: 1800,
      pollLoopSeconds: 6,
      deliveryLoopSeconds: 30,
    });
  });

  it('reports what has not happened yet in this process as null', () => {
    const report = evaluateHealth(worker(), minutes(60));
    expect(report.lastPollSeconds).toBeNull();
    expect(report.lastDeliverySeconds).toBeNull();
  });

  it('finds a worker healthy that has read and posted nothing for days while its loops run: nothing was due', () => {
    const report = evaluateHealth(worker({ startedAt: minutes(-5 * 24 * 60), lastPollAt: minutes(-4 * 24 * 60), lastDeliveryAt: minutes(-3 * 24 * 60) }), minutes(60));
    expect(report.status).toBe('ok');
    expect(report.lastPollSeconds).toBe(4 * 24 * 3600 + 3600);
  });

  it('finds any role unhealthy when the store is unreachable', () => {
    for (const input of [worker(), gateway(), { ...worker(), role: 'all' as const, shards: [{ id: 0, ready: true }] }]) {
      const report = evaluateHealth({ ...input, store: { reachable: false, error: 'connect ECONNREFUSED 127.0.0.1:5432' } }, minutes(60));
      expect(report.status, input.role).toBe('unhealthy');
      expect(report.storeReachable).toBe(false);
      expect(report.problems).toEqual(['store unreachable: connect ECONNREFUSED 127.0.0.1:5432']);
    }
  });

  it("never repeats the store's address or password from a driver's error", () => {
    const error = 'could not connect to postgres://herald:hunter2@db.internal:5432/herald (password=hunter2)\n    at Socket.<anonymous>';
    const [problem] = evaluateHealth(worker({ store: { reachable: false, error } }), minutes(60)).problems;
    expect(problem).toBe('store unreachable: could not connect to <address> (password=<hidden>)');
  });

  it('finds a worker unhealthy whose poll loop has shown no sign of life for longer than its limit', () => {
    const report = evaluateHealth(worker({ pollLoopAt: minutes(49) }), minutes(60));
    expect(report.status).toBe('unhealthy');
    expect(report.problems).toEqual(['poll loop last ran 660 s ago (limit 600 s)']);
  });

  it('allows the poll loop its whole limit, up to the millisecond', () => {
    expect(evaluateHealth(worker({ pollLoopAt: minutes(50) }), minutes(60)).status).toBe('ok');
  });

  it('finds a worker unhealthy whose digest ticker has not run for longer than its limit', () => {
    const report = evaluateHealth(worker({ deliveryLoopAt: minutes(56) }), minutes(60));
    expect(report.problems).toEqual(['digest ticker last ran 240 s ago (limit 180 s)']);
  });

  it('gives a worker whose loops have not run yet the same limits from start-up', () => {
    const fresh = worker({ pollLoopAt: undefined, deliveryLoopAt: undefined });
    expect(evaluateHealth(fresh, minutes(2)).status).toBe('ok');
    expect(evaluateHealth(fresh, minutes(4)).problems).toEqual(['digest ticker has not run in the 240 s since start (limit 180 s)']);
  });

  it('does not judge a worker by shards', () => {
    const report = evaluateHealth(worker(), minutes(60));
    expect(report.status).toBe('ok');
    expect(report).not.toHaveProperty('shards');
  });

  it('finds a gateway healthy whose shards are all ready, and counts them', () => {
    const report = evaluateHealth(gateway({ shards: [{ id: 0, ready: true }, { id: 1, ready: true }] }), minutes(60));
    expect(report.status).toBe('ok');
    expect(report.shards).toEqual({ total: 2, ready: 2 });
  });

  it('gives a gateway the start-up grace to bring its shards up', () => {
    const report = evaluateHealth(gateway({ shards: [{ id: 0, ready: true }, { id: 1, ready: false }] }), seconds(90));
    expect(report.status).toBe('ok');
    expect(report.shards).toEqual({ total: 2, ready: 1 });
  });

  it('finds a gateway unhealthy with a shard still not ready after the grace, naming the shard', () => {
    const report = evaluateHealth(gateway({ shards: [{ id: 0, ready: true }, { id: 1, ready: false }] }), seconds(150));
    expect(report.problems).toEqual(['shard 1 not ready for 150 s (limit 120 s)']);
  });

  it('gives a shard that dropped later the same grace from when it dropped', () => {
    const dropped = [{ id: 3, ready: false, notReadySince: minutes(59) }];
    expect(evaluateHealth(gateway({ shards: dropped }), minutes(60)).status).toBe('ok');
    expect(evaluateHealth(gateway({ shards: dropped }), minutes(62)).problems).toEqual(['shard 3 not ready for 180 s (limit 120 s)']);
  });

  it('finds a gateway unhealthy that has no shard at all after the grace', () => {
    expect(evaluateHealth(gateway({ shards: [] }), seconds(60)).status).toBe('ok');
    expect(evaluateHealth(gateway({ shards: undefined }), seconds(121)).problems).toEqual(['no gateway shard 121 s after start (limit 120 s)']);
  });

  it('does not judge a gateway by poll loops or digest tickers it does not run', () => {
    expect(evaluateHealth(gateway(), minutes(600)).status).toBe('ok');
  });

  it('judges a process that runs everything by its shards and by its loops', () => {
    const all: HealthInput = { ...worker({ pollLoopAt: minutes(30) }), role: 'all', shards: [{ id: 0, ready: false, notReadySince: minutes(55) }] };
    expect(evaluateHealth(all, minutes(60)).problems).toEqual(['shard 0 not ready for 300 s (limit 120 s)', 'poll loop last ran 1800 s ago (limit 600 s)']);
  });

  it('judges a process that runs everything without Discord (the terminal) by its loops alone', () => {
    const report = evaluateHealth({ ...worker(), role: 'all' }, minutes(60));
    expect(report.status).toBe('ok');
    expect(report).not.toHaveProperty('shards');
  });

  it('takes other limits when given', () => {
    const report = evaluateHealth(worker({ pollLoopAt: minutes(59) }), minutes(60), { ...DEFAULT_HEALTH_THRESHOLDS, pollLoopStalledMs: 30_000 });
    expect(report.problems).toEqual(['poll loop last ran 60 s ago (limit 30 s)']);
  });
});
