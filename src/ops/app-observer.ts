import type { AppObserver } from '../herald-app.ts';
import type { HeraldMetrics } from './metrics.ts';

/** What the app reports of its polls and digests, counted in the metrics GET /metrics serves. */
export function metricsObserver(metrics: HeraldMetrics): AppObserver {
  return {
    poll(result) {
      if (result.outcome === 'failed') metrics.countPoll({ kind: 'failed', reason: result.failures[0]?.reason ?? result.health.lastError ?? '', status: result.health.lastStatus });
      else metrics.countPoll({ kind: result.outcome });
      metrics.articlesIngested.inc(result.new);
      metrics.articlesDuplicate.inc(result.duplicate);
      if (result.lagMs !== undefined) metrics.jobLagSeconds.observe({ job: 'poll' }, result.lagMs / 1000);
    },
    digest(report) {
      metrics.digests.inc({ outcome: report.outcome });
      metrics.messagesSent.inc(report.messages);
      if (report.lagMs !== undefined) metrics.jobLagSeconds.observe({ job: 'digest' }, report.lagMs / 1000);
    },
  };
}
