import { stat } from 'node:fs/promises';
import type { Fetcher } from '../../ingest/fetch/fetcher.ts';
import type { IngestFailure } from '../../ingest/ingest-inputs.ts';
import { runWithConcurrency } from '../../ingest/run-with-concurrency.ts';
import { isUrl } from '../../ingest/read-input.ts';
import type { Logger } from '../../logger.ts';
import type { Article } from '../../model/article.ts';
import type { ArticleRepository } from '../../store/article-repository.ts';
import { whileHolding, type Leases } from '../../store/leases.ts';
import { recordingFetcher } from './recording-fetcher.ts';
import { recordPollOutcome, type HealthPolicy, type PollOutcome } from './record-poll-outcome.ts';
import type { SourceHealth, SourceHealthStore } from './source-health-store.ts';

/** One source to poll: a feed or page URL, a file or a folder. */
export interface PolledSource {
  location: string;
  /** Between reads of this source when it is healthy; the poller's intervalMs otherwise. */
  intervalMs?: number;
}

export interface SourcePollerOptions {
  /** Between reads of a healthy source. 10 minutes by default. */
  intervalMs?: number;
  /** The longest wait between reads of a failing source. 24 hours by default. */
  maxBackoffMs?: number;
  /** How long a source must look gone (404, 410, no longer a feed or a page, a file no longer there) before it is disabled. 3 days by default. */
  goneAfterMs?: number;
  /** Each wait moves by up to this share either way. 0.1 by default. */
  jitterRatio?: number;
  /** What a source holds when it is first read is its backlog, not news (see isBacklog). True by default. */
  seedFirstPoll?: boolean;
  /** How often start() looks for sources that are due. 10 seconds by default. */
  checkEveryMs?: number;
  /** Fetch the page of a feed item that carries only a teaser. */
  completeSnippets: boolean;
  /** Sources read at once, and files at once within a folder; the fetcher still limits each host. */
  concurrency: number;
}

export interface SourcePollerDependencies {
  /** Each source's health, in the store other processes polling the same sources share. */
  health: SourceHealthStore;
  /** One process at a time polls a source. */
  leases: Leases;
  fetcher: Fetcher;
  repository: ArticleRepository;
  /** Told of each article the store accepted as new, backlog included. */
  onNew?: (article: Article) => void;
  /** Told of each poll's outcome, for metrics. */
  onPoll?: (result: SourcePollResult) => void;
  now: () => Date;
  /** In [0, 1), for jitter; Math.random by default. */
  random?: () => number;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Every source to poll, asked afresh on each check. The same location listed twice (two servers and the defaults) is read once. */
  sources: () => Promise<PolledSource[]>;
  options: SourcePollerOptions;
}

/** How one poll of one source went, and the health it left behind. */
export interface SourcePollResult {
  location: string;
  outcome: PollOutcome['kind'];
  new: number;
  duplicate: number;
  /** The source's own failure, if it failed, and those of articles in it that could not be stored. */
  failures: IngestFailure[];
  health: SourceHealth;
  /** How late the read began after the source was due; absent for a first read or one an admin asked for. */
  lagMs?: number;
}

export interface PollReport {
  sources: SourcePollResult[];
  new: number;
  duplicate: number;
  notModified: number;
  failed: number;
  /** Sources this poll disabled. */
  disabled: string[];
}

export interface SourcePoller {
  /** Reads every enabled source whose time has come, each once. */
  pollDue(): Promise<PollReport>;
  /** Reads one source now, whatever its schedule or state: for an admin adding it. Seeds it if it is new. */
  pollNow(source: PolledSource): Promise<SourcePollResult>;
  /** Loads every source's health, then polls what is due and keeps checking in the background. */
  start(): Promise<void>;
  /** Stops checking and waits for a poll under way. */
  stop(): Promise<void>;
  health(location: string): Promise<SourceHealth | undefined>;
  /**
   * Tells whether an article of these sources was already there when its source was first read (or is
   * being read for the first time now), so that no channel is flooded with it. Reads the sources' health
   * once, from the store other processes write too, and answers for many articles from that.
   */
  backlogTest(locations: string[]): Promise<(article: Pick<Article, 'source' | 'fetchedAt'>) => boolean>;
  /** Makes a disabled source due again, to be seeded anew on its next success: an admin added it again. */
  enable(location: string): Promise<void>;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** How long a poll's lease lasts without renewal: how soon another process polls a source whose poller died. */
const POLL_LEASE_MS = 60_000;
/** How long pollNow waits for another process's poll of the same source to finish. */
const POLL_WAIT_MS = 120_000;
const POLL_WAIT_STEP_MS = 250;

/**
 * Polls every source on its own schedule: conditional GET through the fetcher, back-off on failure, a pause
 * while the server says its answer is fresh, and disabling of sources that are gone for good. Health lives in
 * the store, so schedules, back-off and seeding carry over a restart and are shared by every process polling
 * the same sources; a source's lease lets one process at a time read it, and each process checks the stored
 * health again once it holds the lease, so a source another process has just read is not read twice.
 */
export function createSourcePoller(deps: SourcePollerDependencies): SourcePoller {
  const options = deps.options;
  const policy = (source: PolledSource): HealthPolicy => ({
    intervalMs: source.intervalMs ?? options.intervalMs ?? 10 * MINUTE_MS,
    maxBackoffMs: options.maxBackoffMs ?? DAY_MS,
    goneAfterMs: options.goneAfterMs ?? 3 * DAY_MS,
    jitterRatio: options.jitterRatio ?? 0.1,
  });
  const random = deps.random ?? Math.random;
  const seedFirstPoll = options.seedFirstPoll ?? true;
  const inFlight = new Map<string, Promise<SourcePollResult | undefined>>();
  /**
   * The extractors are loaded at the first read, not with the poller: they bring compromise and linkedom
   * (about 0.6 s and 40 MB), which a gateway that never polls should not pay for at every restart.
   */
  const loadIngest = () => import('../../ingest/ingest-inputs.ts');
  const leaseKey = (location: string) => `poll:${location}`;

  const isDue = (health: SourceHealth | undefined, now: number): boolean => !health || (!health.disabled && Date.parse(health.nextPollAt) <= now);

  const pollOne = async (source: PolledSource, previous: SourceHealth | undefined, force: boolean): Promise<SourcePollResult> => {
    const { location } = source;
    const lagMs = previous && !force ? Math.max(0, deps.now().getTime() - Date.parse(previous.nextPollAt)) : undefined;
    // Until its first success, all a source yields is backlog: recorded before the read, since onNew and
    // other processes' digests may look at its articles while the read is still under way.
    if (!previous) await deps.health.set({ location, consecutiveFailures: 0, nextPollAt: deps.now().toISOString() });
    const recording = recordingFetcher(deps.fetcher, location);
    const { ingestInputs } = await loadIngest();
    const report = await ingestInputs([location], {
      fetcher: recording.fetcher,
      repository: deps.repository,
      now: deps.now,
      completeSnippets: options.completeSnippets,
      concurrency: options.concurrency,
      ...(deps.onNew ? { onNew: deps.onNew } : {}),
    }).catch((error: unknown) => {
      // ingestInputs reports what it can; what escapes it (a folder that cannot be walked) is still this source's failure, to back off from.
      const reason = `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
      return { new: 0, duplicate: 0, failed: 1, failures: [{ input: location, reason }] };
    });
    const failure = report.failures.find((candidate) => candidate.input === location);
    const outcome = await outcomeOf(location, recording.response(), failure);
    const health = recordPollOutcome(previous, location, outcome, deps.now(), policy(source), random);
    await deps.health.set(health);
    if (outcome.kind === 'failed') {
      deps.logger.warn({ source: location, status: outcome.status, consecutiveFailures: health.consecutiveFailures, nextPollAt: health.nextPollAt }, outcome.reason);
      if (health.disabled) deps.logger.warn({ source: location }, `source disabled: ${health.disabled.reason}`);
    }
    const result = { location, outcome: outcome.kind, new: report.new, duplicate: report.duplicate, failures: report.failures, health, ...(lagMs === undefined ? {} : { lagMs }) };
    deps.onPoll?.(result);
    return result;
  };

  /**
   * Polls a source if this process can take its lease and, by the stored health read under the lease, it is
   * still due (or `force`d); undefined when another process holds it or has just read it.
   */
  const pollLeased = async (source: PolledSource, force: boolean): Promise<SourcePollResult | undefined> => {
    const key = leaseKey(source.location);
    if (!(await deps.leases.acquire(key, POLL_LEASE_MS))) return undefined;
    const lost = () => deps.logger.warn({ source: source.location }, 'lost the lease of a source being polled');
    return whileHolding(deps.leases, key, POLL_LEASE_MS, async () => {
      const previous = await deps.health.get(source.location);
      if (!force && !isDue(previous, deps.now().getTime())) return undefined;
      return pollOne(source, previous, force);
    }, lost);
  };

  /** One poll per source at a time in this process: a second caller shares the first one's. */
  const poll = (source: PolledSource, force: boolean): Promise<SourcePollResult | undefined> => {
    const shared = inFlight.get(source.location);
    if (shared) return shared;
    const polling = pollLeased(source, force).finally(() => inFlight.delete(source.location));
    inFlight.set(source.location, polling);
    return polling;
  };

  const pollDue = async (): Promise<PollReport> => {
    const now = deps.now().getTime();
    const listed = uniqueSources(await deps.sources()).filter((source) => !inFlight.has(source.location));
    const health = await deps.health.getMany(listed.map((source) => source.location));
    const due = listed.filter((source) => isDue(health.get(source.location), now));
    const results: SourcePollResult[] = [];
    await runWithConcurrency(due, options.concurrency, async (source) => {
      const result = await poll(source, false);
      if (result) results.push(result);
    });
    return summarize(results);
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<unknown> | undefined;
  let started = false;
  const tick = (): void => {
    running = pollDue()
      .then((report) => {
        if (report.sources.length === 0) return;
        const { sources, ...totals } = report;
        deps.logger.info({ polled: sources.length, ...totals }, 'poll finished');
      })
      .catch((error: unknown) => deps.logger.error({ err: error }, 'poll failed'))
      .finally(() => {
        running = undefined;
        if (!started) return;
        timer = setTimeout(tick, options.checkEveryMs ?? 10_000);
        // Shutdown goes through stop(); a forgotten poller must not be what keeps the process alive.
        timer.unref();
      });
  };

  return {
    pollDue,
    async pollNow(source) {
      const waitUntil = Date.now() + POLL_WAIT_MS;
      for (;;) {
        const result = await poll(source, true);
        if (result) return result;
        // Another process is reading it: what it reads is as fresh as what this one would.
        if (Date.now() >= waitUntil) throw new Error(`${source.location}: another process has been reading it for too long`);
        await new Promise((resolve) => setTimeout(resolve, POLL_WAIT_STEP_MS));
        const health = await deps.health.get(source.location);
        if (health?.lastSuccessAt || health?.lastErrorAt) {
          if (!(await deps.leases.acquire(leaseKey(source.location), 1))) continue;
          await deps.leases.release(leaseKey(source.location));
          return resultFromHealth(source.location, health);
        }
      }
    },
    async start() {
      if (started) return;
      started = true;
      tick();
    },
    async stop() {
      started = false;
      clearTimeout(timer);
      await running;
    },
    health: (location) => deps.health.get(location),
    async backlogTest(locations) {
      if (!seedFirstPoll) return () => false;
      const health = await deps.health.getMany(locations);
      return (article) => {
        const source = health.get(article.source.location);
        if (!source) return false;
        return !source.seededAt || Date.parse(article.fetchedAt) <= Date.parse(source.seededAt);
      };
    },
    async enable(location) {
      const health = await deps.health.get(location);
      if (!health) return;
      const { disabled: _disabled, goneSince: _goneSince, seededAt: _seededAt, ...rest } = health;
      await deps.health.set({ ...rest, consecutiveFailures: 0, nextPollAt: deps.now().toISOString() });
    },
  };
}

/** What another process's poll of a source left behind, as this process would have reported its own. */
function resultFromHealth(location: string, health: SourceHealth): SourcePollResult {
  const failed = health.lastErrorAt !== undefined && (!health.lastSuccessAt || health.lastErrorAt > health.lastSuccessAt);
  return {
    location,
    outcome: failed ? 'failed' : 'read',
    new: 0,
    duplicate: 0,
    failures: failed ? [{ input: location, reason: health.lastError ?? 'failed' }] : [],
    health,
  };
}

/**
 * What a read's failure means. Over HTTP, a 404 or 410, or a 200 that is no longer a feed or a page, says
 * the source is gone; a file or folder is gone only when it is no longer there.
 */
async function outcomeOf(location: string, response: { status: number; freshForMs?: number } | undefined, failure: IngestFailure | undefined): Promise<PollOutcome> {
  const freshness = response?.freshForMs === undefined ? {} : { freshForMs: response.freshForMs };
  if (!failure) {
    if (response?.status === 304) return { kind: 'not-modified', ...freshness };
    return { kind: 'read', ...(response ? { status: response.status } : {}), ...freshness };
  }
  // A response that arrived but could not be read as a feed or a page is a failure with a 200.
  const status = failure.status ?? response?.status;
  const gone = isUrl(location) ? status === 404 || status === 410 || status === 200 : await isMissing(location);
  return { kind: 'failed', reason: failure.reason, ...(status === undefined ? {} : { status }), ...(failure.retryAfterMs === undefined ? {} : { retryAfterMs: failure.retryAfterMs }), gone };
}

async function isMissing(path: string): Promise<boolean> {
  try {
    await stat(path);
    return false;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR';
  }
}

/** Each location once, at the shortest interval any listing asks of it. */
function uniqueSources(sources: PolledSource[]): PolledSource[] {
  const unique = new Map<string, PolledSource>();
  for (const source of sources) {
    const seen = unique.get(source.location);
    const intervals = [seen?.intervalMs, source.intervalMs].filter((interval): interval is number => interval !== undefined);
    unique.set(source.location, { location: source.location, ...(intervals.length ? { intervalMs: Math.min(...intervals) } : {}) });
  }
  return [...unique.values()];
}

function summarize(results: SourcePollResult[]): PollReport {
  const count = (kind: PollOutcome['kind']): number => results.filter((result) => result.outcome === kind).length;
  return {
    sources: results,
    new: results.reduce((sum, result) => sum + result.new, 0),
    duplicate: results.reduce((sum, result) => sum + result.duplicate, 0),
    notModified: count('not-modified'),
    failed: count('failed'),
    disabled: results.filter((result) => result.health.disabled && result.outcome === 'failed').map((result) => result.location),
  };
}
