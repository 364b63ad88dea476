import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { POLL_FAILURE_KINDS, pollFailureKind } from './poll-failure-kind.ts';

export type PollOutcomeLabel = 'read' | 'not-modified' | 'failed';
export type DigestOutcome = 'sent' | 'empty' | 'failed';
/** As Discord's X-RateLimit-Scope names them. */
export type RateLimitScope = 'global' | 'user' | 'shared';
export type JobKind = 'poll' | 'digest';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type StatusClass = '1xx' | '2xx' | '3xx' | '4xx' | '5xx';

/**
 * prom-client's metrics, seen through the labels each one takes: a label value outside these unions does
 * not compile, which keeps every metric's series few (no URL, guild or free text ever becomes a label).
 */
export interface LabelledCounter<Labels> {
  inc(labels: Labels, value?: number): void;
}
export interface PlainCounter {
  inc(value?: number): void;
}
export interface LabelledHistogram<Labels> {
  observe(labels: Labels, seconds: number): void;
}

/** One poll as the source poller reports it (its PollOutcome fits). */
export type CountedPoll = { kind: 'read' | 'not-modified' } | { kind: 'failed'; reason: string; status?: number | undefined };

export interface HeraldMetrics {
  /** What GET /metrics renders; this app's alone, never prom-client's global registry. */
  registry: Registry;
  /**
   * Counts a read of a source by outcome, and a failed one by its kind as well: the one way in to
   * herald_polls_total and herald_poll_failures_total, so the two always agree and no reason becomes a label.
   */
  countPoll(outcome: CountedPoll): void;
  articlesIngested: PlainCounter;
  articlesDuplicate: PlainCounter;
  digests: LabelledCounter<{ outcome: DigestOutcome }>;
  messagesSent: PlainCounter;
  discordRateLimited: LabelledCounter<{ scope: RateLimitScope }>;
  discordRequests: LabelledCounter<{ method: HttpMethod; status_class: StatusClass }>;
  /** From an interaction's arrival to Herald's first answer to it (a reply or a deferral), by the command's registered name. */
  interactionSeconds: LabelledHistogram<{ command: string }>;
  /** How late a job started after it was due. */
  jobLagSeconds: LabelledHistogram<{ job: JobKind }>;
}

/** Discord drops an interaction not answered within 3 s: the buckets around it tell near misses from misses. */
const INTERACTION_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 2.5, 3, 5];
/**
 * The poll loop looks for due sources every 10 s and the digest ticker runs every minute, so lag up to a
 * minute is the design; beyond that a loop is behind (a long poll, a blocked event loop, catching up after downtime).
 */
const JOB_LAG_BUCKETS = [0.1, 0.5, 1, 5, 10, 30, 60, 120, 300, 900, 3600];

/**
 * Herald's metrics over one registry of their own, so that tests, or two apps in one process, never collide.
 * Every label value known in advance starts at 0: a series that appears only with its first failure hides
 * that failure from rate() and increase().
 */
export function createHeraldMetrics(options: { role?: string; registry?: Registry } = {}): HeraldMetrics {
  const registry = options.registry ?? new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry, prefix: 'herald_' });

  const polls = new Counter({ name: 'herald_polls_total', help: 'Reads of a source, by outcome.', labelNames: ['outcome'], registers });
  const pollFailures = new Counter({
    name: 'herald_poll_failures_total',
    help: 'Failed reads of a source, by kind: timeout, http_4xx, http_5xx, network, not-a-feed or other.',
    labelNames: ['kind'],
    registers,
  });
  const digests = new Counter({ name: 'herald_digests_sent_total', help: 'Scheduled digest runs, by outcome: sent, empty (nothing new and nothing posted) or failed.', labelNames: ['outcome'], registers });
  const discordRateLimited = new Counter({ name: 'herald_discord_rate_limited_total', help: 'HTTP 429 answers from Discord, by X-RateLimit-Scope.', labelNames: ['scope'], registers });
  const jobLagSeconds = new Histogram({ name: 'herald_job_lag_seconds', help: 'How late a job started after it was due, in seconds.', labelNames: ['job'], buckets: JOB_LAG_BUCKETS, registers });
  const roleInfo = new Gauge({ name: 'herald_role_info', help: 'The role this process runs: gateway, worker or all.', labelNames: ['role'], registers });

  for (const outcome of ['read', 'not-modified', 'failed'] satisfies PollOutcomeLabel[]) polls.inc({ outcome }, 0);
  for (const kind of POLL_FAILURE_KINDS) pollFailures.inc({ kind }, 0);
  for (const outcome of ['sent', 'empty', 'failed'] satisfies DigestOutcome[]) digests.inc({ outcome }, 0);
  for (const scope of ['global', 'user', 'shared'] satisfies RateLimitScope[]) discordRateLimited.inc({ scope }, 0);
  for (const job of ['poll', 'digest'] satisfies JobKind[]) jobLagSeconds.zero({ job });
  // A Herald that does not say its role runs everything in one process, as `npm start` does.
  roleInfo.set({ role: options.role ?? 'all' }, 1);

  return {
    registry,
    countPoll(outcome) {
      polls.inc({ outcome: outcome.kind });
      if (outcome.kind === 'failed') pollFailures.inc({ kind: pollFailureKind(outcome) });
    },
    articlesIngested: new Counter({ name: 'herald_articles_ingested_total', help: 'Articles stored as new.', registers }),
    articlesDuplicate: new Counter({ name: 'herald_articles_duplicate_total', help: 'Articles read again that the store already held.', registers }),
    digests,
    messagesSent: new Counter({ name: 'herald_messages_sent_total', help: 'Messages posted to Discord channels by digests.', registers }),
    discordRateLimited,
    discordRequests: new Counter({ name: 'herald_discord_requests_total', help: 'Requests to the Discord REST API, by method and status class.', labelNames: ['method', 'status_class'], registers }),
    interactionSeconds: new Histogram({
      name: 'herald_interaction_seconds',
      help: "Seconds from a slash command's arrival to Herald's first answer; Discord gives up at 3.",
      labelNames: ['command'],
      buckets: INTERACTION_BUCKETS,
      registers,
    }),
    jobLagSeconds,
  };
}
