import { register as globalRegistry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createHeraldMetrics } from '../../src/ops/metrics.ts';

describe('createHeraldMetrics', () => {
  it('renders every Herald metric in the Prometheus text format, with its help and type', async () => {
    const text = await createHeraldMetrics().registry.metrics();
    for (const [name, type] of [
      ['herald_polls_total', 'counter'],
      ['herald_poll_failures_total', 'counter'],
      ['herald_articles_ingested_total', 'counter'],
      ['herald_articles_duplicate_total', 'counter'],
      ['herald_digests_sent_total', 'counter'],
      ['herald_messages_sent_total', 'counter'],
      ['herald_discord_rate_limited_total', 'counter'],
      ['herald_discord_requests_total', 'counter'],
      ['herald_interaction_seconds', 'histogram'],
      ['herald_job_lag_seconds', 'histogram'],
      ['herald_role_info', 'gauge'],
    ]) {
      expect(text).toMatch(new RegExp(`^# HELP ${name} \\S`, 'm'));
      expect(text).toContain(`# TYPE ${name} ${type}\n`);
    }
  });

  it("collects Node's process metrics under the herald_ prefix", async () => {
    const text = await createHeraldMetrics().registry.metrics();
    expect(text).toContain('# TYPE herald_process_cpu_user_seconds_total counter');
    expect(text).toContain('# TYPE herald_nodejs_eventloop_lag_seconds gauge');
  });

  it('starts every known label value at 0, so that the first failure shows in rate()', async () => {
    const text = await createHeraldMetrics().registry.metrics();
    expect(text).toContain('herald_polls_total{outcome="failed"} 0');
    expect(text).toContain('herald_poll_failures_total{kind="timeout"} 0');
    expect(text).toContain('herald_digests_sent_total{outcome="empty"} 0');
    expect(text).toContain('herald_discord_rate_limited_total{scope="global"} 0');
    expect(text).toContain('herald_job_lag_seconds_count{job="digest"} 0');
  });

  it('counts a failed poll once by outcome and once by its bounded kind, never by its reason', async () => {
    const metrics = createHeraldMetrics();
    metrics.countPoll({ kind: 'read' });
    metrics.countPoll({ kind: 'failed', status: 503, reason: 'https://example.com/feed: HTTP 503 Service Unavailable' });
    const text = await metrics.registry.metrics();
    expect(text).toContain('herald_polls_total{outcome="read"} 1');
    expect(text).toContain('herald_polls_total{outcome="failed"} 1');
    expect(text).toContain('herald_poll_failures_total{kind="http_5xx"} 1');
    expect(text).not.toContain('example.com');
  });

  it('records interaction latency in buckets on both sides of the 3 s deadline', async () => {
    const metrics = createHeraldMetrics();
    metrics.interactionSeconds.observe({ command: 'news' }, 2.7);
    const text = await metrics.registry.metrics();
    expect(text).toContain('herald_interaction_seconds_bucket{le="2.5",command="news"} 0');
    expect(text).toContain('herald_interaction_seconds_bucket{le="3",command="news"} 1');
  });

  it('records job lag by job', async () => {
    const metrics = createHeraldMetrics();
    metrics.jobLagSeconds.observe({ job: 'poll' }, 12);
    const text = await metrics.registry.metrics();
    expect(text).toContain('herald_job_lag_seconds_bucket{le="10",job="poll"} 0');
    expect(text).toContain('herald_job_lag_seconds_bucket{le="30",job="poll"} 1');
    expect(text).toContain('herald_job_lag_seconds_sum{job="poll"} 12');
  });

  it('says which role the process runs, all when none is given', async () => {
    expect(await createHeraldMetrics({ role: 'worker' }).registry.metrics()).toContain('herald_role_info{role="worker"} 1');
    expect(await createHeraldMetrics().registry.metrics()).toContain('herald_role_info{role="all"} 1');
  });

  it("keeps to a registry of its own: two sets in one process do not collide, and prom-client's global one stays empty", async () => {
    const first = createHeraldMetrics();
    const second = createHeraldMetrics();
    first.messagesSent.inc(3);
    expect(await first.registry.metrics()).toContain('herald_messages_sent_total 3');
    expect(await second.registry.metrics()).toContain('herald_messages_sent_total 0');
    expect(await globalRegistry.getMetricsAsJSON()).toEqual([]);
  });
});
