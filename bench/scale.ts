import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';
import type { ArticleCatalog } from '../src/brief/article-catalog.ts';
import { Newsroom } from '../src/brief/newsroom.ts';
import { createExtractiveSummarizer } from '../src/brief/summarize/extractive-summarizer.ts';
import { openEmbeddedEngine } from '../src/store/embedded-engine.ts';
import { openPostgresEngine } from '../src/store/postgres/postgres-engine.ts';
import type { StoreEngine } from '../src/store/store-engine.ts';
import { buildHerald } from '../scripts/build.ts';
import { startLoopbackDiscord, type GuildSetup, type RecordedRequest } from '../test/support/discord/loopback-discord.ts';
import { scheduleChannelsJustMissed } from '../test/support/fleet.ts';
import { killAllHerald, startHerald, type HeraldProcess } from '../test/support/herald-process.ts';
import { databaseUrl, POSTGRES_SERVER } from '../test/support/postgres-setup.ts';
import { median, percentile, type BenchSection } from './report.ts';
import { makeTopicQueries, syntheticArticles } from './synthetic-articles.ts';

/** The store sizes compared: PostgreSQL at both, the embedded engine at the smaller, as one process holds it. `HERALD_BENCH_SCALE_SIZES` changes them for a quicker look. */
const SIZES = (process.env.HERALD_BENCH_SCALE_SIZES ?? '100000,1000000').split(',').map(Number);
const SQLITE_SIZE = Math.min(...SIZES);
const SEED = 20_240_901;
const QUERY_SEED = 7;
const WARM_UP = 30;
const TIMED = 100;
const WRITERS = 16;
const PROCESS_QUERIES = 1_000;
const QUERY_CONCURRENCY = 4;
const WORKER_CHANNELS = 1_000;
const DELIVERY_CHANNELS = 5_000;
const DELIVERY_WORKERS = 3;
const GLOBAL_PER_SECOND = 50;
const DAY = 86_400_000;
/**
 * What the README recommends for gateways and workers on PostgreSQL, which keep no articles in memory: without
 * a cap V8 grows its heap lazily, to several times what is live, when queries run side by side.
 */
const SCALED_NODE_OPTIONS = '--max-old-space-size=256';
const ROOT = path.resolve(import.meta.dirname, '..');

const count = (value: number): string => Math.round(value).toLocaleString('en-US');
const fixed = (value: number, digits = 0): string => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const share = (value: number): string => `${Math.round(value * 100)}%`;

interface Place {
  /** The folder every synthetic site is a file of: the source every server reads. */
  sites: string;
  config: string;
  /** Herald's one-file build, which every process is started from, as an operator runs a fleet. */
  built: string;
  /** When the articles end: the bench's start, so that processes on the real clock find them recent. */
  now: Date;
}

async function preparePlace(): Promise<Place & { folder: string }> {
  const folder = await mkdtemp(path.join(tmpdir(), 'herald-bench-scale-'));
  const sites = path.join(folder, 'sites');
  await mkdir(sites);
  const defaults = JSON.parse(await readFile(path.join(ROOT, 'config/default.json'), 'utf8')) as Record<string, unknown>;
  const config = path.join(folder, 'config.json');
  await writeFile(config, JSON.stringify({ ...defaults, sources: [sites], ingest: { ...(defaults.ingest as object), seedFirstPoll: false } }));
  // Inside the checkout, as dist/ is, so that the build finds config/, commands/ and the migrations.
  const built = path.join(ROOT, 'dist', `bench-${process.pid}`, 'main.mjs');
  await buildHerald(built);
  return { folder, sites, config, built, now: new Date() };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_SERVER });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}


/**
 * Stores `size` synthetic articles through the engine's repository, WRITERS at a time, in the order they
 * appeared, as a poller stores them (which is also the order a real store keeps them on disk); articles per second.
 */
async function fill(engine: StoreEngine, place: Place, size: number): Promise<number> {
  const articles = syntheticArticles(size, SEED, { sourceFolder: place.sites, endingAt: place.now, inArrivalOrder: true });
  const started = performance.now();
  let added = 0;
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      for (const article of articles) {
        await engine.articles.add(article);
        added += 1;
        if (added % 100_000 === 0) process.stderr.write(`bench: ${count(added)} articles stored\n`);
      }
    }),
  );
  const perSecond = size / ((performance.now() - started) / 1000);
  // What a worker does after every ingest pass: on PostgreSQL this also gathers the planner's statistics, which
  // the bench machine's server, with autovacuum off, would otherwise never have.
  await engine.catalog.prune(new Date());
  return perSecond;
}

interface Questions {
  briefingMs: number[];
  answered: number;
  trendingMs: number[];
  digestColdMs: number[];
  digestWarmMs: number[];
}

/** What a gateway and a worker ask of the newsroom, timed in this process over the engine's catalog. */
async function askQuestions(catalog: ArticleCatalog, place: Place): Promise<Questions> {
  const scope = { sourceLocations: [place.sites] };
  const now = () => new Date();
  const newsroom = new Newsroom({ catalog, summarizer: createExtractiveSummarizer(), now });
  const queries = makeTopicQueries(WARM_UP + TIMED, QUERY_SEED);
  const briefingMs: number[] = [];
  let answered = 0;
  for (const [index, query] of queries.entries()) {
    const started = performance.now();
    const briefing = await newsroom.topicBriefing(query, { ...scope, limit: 5 });
    if (index < WARM_UP) continue;
    briefingMs.push(performance.now() - started);
    if (briefing.items.length) answered += 1;
  }
  const trendingMs: number[] = [];
  for (let run = 0; run < 10; run += 1) {
    const started = performance.now();
    await newsroom.trending({ limit: 200, since: new Date(Date.now() - 7 * DAY) });
    trendingMs.push(performance.now() - started);
  }
  const digestColdMs: number[] = [];
  const digestWarmMs: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    const fresh = new Newsroom({ catalog, summarizer: createExtractiveSummarizer(), now });
    // A daily digest: what arrived since the day before, as a schedule's run asks.
    const daily = { ...scope, limit: 5, since: new Date(Date.now() - DAY) };
    let started = performance.now();
    await fresh.digest(daily);
    digestColdMs.push(performance.now() - started);
    started = performance.now();
    await fresh.digest({ ...daily, accept: (story) => story.articles.length > 0 });
    digestWarmMs.push(performance.now() - started);
  }
  return { briefingMs, answered, trendingMs, digestColdMs, digestWarmMs };
}

/** Resident memory of a process now, and at its peak, in megabytes. */
async function residentMb(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const field = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) / 1024;
  return { rss: field('VmRSS'), peak: field('VmHWM') };
}

function guildsOf(channels: number, prefix: bigint): GuildSetup[] {
  const perGuild = 250;
  return Array.from({ length: Math.ceil(channels / perGuild) }, (_, guild) => ({
    id: String(prefix + BigInt(guild) * (1n << 22n)),
    name: `Guild ${guild}`,
    ownerId: '1400000000000000001',
    channels: Array.from({ length: Math.min(perGuild, channels - guild * perGuild) }, (_, channel) => ({ id: String(1_300_000_000_000_000_000n + BigInt(guild * 1_000 + channel)), name: `news-${channel}` })),
  }));
}

interface GatewayRun {
  firstAnswerMs: number;
  answered: number;
  /** Why the run stopped short, when it did. */
  failure?: string;
  memory: { rss: number; peak: number };
}

/**
 * A gateway started on the store: how long from its start to its first answered /news, then its memory after
 * PROCESS_QUERIES more, QUERY_CONCURRENCY at a time.
 */
async function runGateway(store: string, place: Place, role: 'gateway' | 'all', nodeOptions = ''): Promise<GatewayRun> {
  const guilds = guildsOf(1, 1_200_000_000_000_000_001n);
  const discord = await startLoopbackDiscord({ guilds });
  // Made before the clock starts: the loopback Discord shares this process's event loop.
  const queries = makeTopicQueries(PROCESS_QUERIES + 1, QUERY_SEED + 1);
  try {
    const started = performance.now();
    const herald = startHerald({ DISCORD_TOKEN: discord.token, DISCORD_API_BASE: discord.apiBase, HERALD_STORE: store, HERALD_CONFIG: place.config, HERALD_ROLE: role, HERALD_LOG_LEVEL: 'warn', NODE_OPTIONS: nodeOptions }, { built: place.built });
    // A gateway that died cannot answer; what it said last is the bench's finding, not a reason to lose the rest.
    const failIfExited = (): void => {
      if (herald.child.exitCode === null && herald.child.signalCode === null) return;
      throw new Error(`the gateway exited (${herald.child.exitCode ?? herald.child.signalCode}): ${herald.output().trim().split('\n').slice(-3).join(' / ').slice(-600)}`);
    };
    const ask = async (topic: string): Promise<boolean> => {
      failIfExited();
      const handle = await discord.runCommand({ guildId: guilds[0]!.id, channelId: guilds[0]!.channels[0]!.id, name: 'news', options: [{ name: 'topic', type: 3, value: topic }] });
      try {
        const answer = await handle.waitForOriginal(undefined, 120_000);
        return (answer.embeds?.length ?? 0) > 0;
      } catch (error) {
        failIfExited();
        process.stderr.write(`bench: /news topic:${topic} not answered: ${String(error)}\n`);
        return false;
      }
    };
    await discord.waitForBot(120_000);
    await ask(queries[0]!);
    const firstAnswerMs = performance.now() - started;
    let answered = 0;
    let next = 1;
    await Promise.all(
      Array.from({ length: QUERY_CONCURRENCY }, async () => {
        while (next < queries.length) {
          const topic = queries[next++]!;
          if (await ask(topic)) answered += 1;
        }
      }),
    );
    const memory = await residentMb(herald.child.pid!);
    await herald.stop();
    return { firstAnswerMs, answered, memory };
  } catch (error) {
    return { firstAnswerMs: Number.NaN, answered: 0, memory: { rss: Number.NaN, peak: Number.NaN }, failure: error instanceof Error ? error.message : String(error) };
  } finally {
    await killAllHerald();
    await discord.close();
  }
}


interface DeliveryRun {
  channels: number;
  messages: number;
  requests: RecordedRequest[];
  postingMs: number;
  global429: number;
  channel429: number;
  missing: number;
  doubled: number;
  memory: Array<{ rss: number; peak: number }>;
  /** The longest the loopback Discord's event loop (this process's) was held up while the workers posted, ms: it stamps a request when it reads it. */
  loopbackStallMs: number;
}

/** Workers started on the store deliver every channel's digest; the loopback Discord enforces Discord's limits. */
async function runWorkers(store: string, place: Place, engine: StoreEngine, channels: number, workers: number, prefix: bigint, nodeOptions: string): Promise<DeliveryRun> {
  const guilds = guildsOf(channels, prefix);
  const channelIds = guilds.flatMap((guild) => guild.channels.map((channel) => channel.id));
  await scheduleChannelsJustMissed(engine, guilds, { minutesAgo: 1, maxItems: 5 });
  const discord = await startLoopbackDiscord({ guilds });
  const stalls = monitorEventLoopDelay({ resolution: 10 });
  stalls.enable();
  try {
    const processes: HeraldProcess[] = Array.from({ length: workers }, () =>
      startHerald({ DISCORD_TOKEN: discord.token, DISCORD_API_BASE: discord.apiBase, HERALD_STORE: store, HERALD_CONFIG: place.config, HERALD_ROLE: 'worker', HERALD_LOG_LEVEL: 'warn', NODE_OPTIONS: nodeOptions }, { built: place.built }),
    );
    const deadline = Date.now() + 60 * 60_000;
    for (const channelId of channelIds) {
      await discord.waitForChannelMessage(channelId, undefined, Math.max(1, deadline - Date.now()));
    }
    // Every slot taken off the queue and every run finished: nothing is left to post.
    const pool = new pg.Pool({ connectionString: store, max: 1 });
    try {
      for (;;) {
        const left = await pool.query<{ due: string; pending: string }>("SELECT (SELECT count(*) FROM delivery_due) AS due, (SELECT count(*) FROM delivery_runs WHERE status = 'pending') AS pending");
        if (Number(left.rows[0]!.due) + Number(left.rows[0]!.pending) === 0) break;
        if (Date.now() > deadline) throw new Error('bench: the workers did not finish their digests within an hour');
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    } finally {
      await pool.end();
    }
    stalls.disable();
    const memory = await Promise.all(processes.map((herald) => residentMb(herald.child.pid!)));
    await Promise.all(processes.map((herald) => herald.stop()));
    for (const guild of guilds) await engine.guilds.update(guild.id, (settings) => ({ ...settings, schedules: [] }));
    const requests = [...discord.requests];
    const posts = requests.filter((request) => request.method === 'POST' && request.path.startsWith('/channels/'));
    const times = posts.map((request) => request.at);
    const perChannel = channelIds.map((channelId) => {
      const urls = discord.channelMessages(channelId).flatMap((message) => (message.embeds ?? []).map((embed) => (embed as { url?: string }).url).filter(Boolean));
      return { urls: urls.length, unique: new Set(urls).size };
    });
    return {
      channels: channelIds.length,
      messages: channelIds.reduce((sum, channelId) => sum + discord.channelMessages(channelId).length, 0),
      requests,
      postingMs: Math.max(...times) - Math.min(...times),
      global429: requests.filter((request) => request.limitedBy === 'global').length,
      channel429: requests.filter((request) => request.limitedBy === 'user').length,
      missing: perChannel.filter((channel) => channel.urls === 0).length,
      doubled: perChannel.filter((channel) => channel.unique !== channel.urls).length,
      memory,
      loopbackStallMs: stalls.max / 1e6,
    };
  } finally {
    await killAllHerald();
    await discord.close();
  }
}

interface SizeResult {
  engine: string;
  size: number;
  ingestPerSecond: number;
  questions: Questions;
  gateway: GatewayRun;
  /** The same, with V8's default heap sizing. */
  gatewayDefaults?: GatewayRun;
  worker?: DeliveryRun;
  workerDefaults?: DeliveryRun;
}

const workerMb = (run: DeliveryRun): string => fixed(Math.max(...run.memory.map((memory) => memory.rss)));

function questionCells(result: SizeResult): string[] {
  const { questions } = result;
  return [
    fixed(median(questions.briefingMs)),
    fixed(percentile(questions.briefingMs, 99)),
    `${questions.answered}/${TIMED}`,
    fixed(median(questions.trendingMs)),
    fixed(median(questions.digestColdMs)),
    fixed(median(questions.digestWarmMs), 1),
  ];
}

/**
 * Herald at scale: PostgreSQL answering from SQL with bounded candidates, at 100,000 and 1,000,000 articles,
 * side by side with the embedded engine (SQLite, every article in memory) at 100,000; separate gateway and
 * worker processes' memory and restart; and 5,000 channels delivered by three workers sharing one pace.
 */
export default async function benchScale(): Promise<BenchSection> {
  const place = await preparePlace();
  const database = `herald_bench_scale_${process.pid}`;
  const results: SizeResult[] = [];
  let delivery: DeliveryRun | undefined;
  let pgStore: string | undefined;
  try {
    process.stderr.write(`bench: filling a SQLite store with ${count(SQLITE_SIZE)} articles\n`);
    const sqliteFile = path.join(place.folder, 'herald.sqlite');
    const sqlite = await openEmbeddedEngine(`sqlite://${sqliteFile}`, { retentionMs: 30 * DAY });
    const sqliteIngest = await fill(sqlite, place, SQLITE_SIZE);
    await sqlite.close();
    const reopened = await openEmbeddedEngine(`sqlite://${sqliteFile}`, { retentionMs: 30 * DAY });
    const sqliteQuestions = await askQuestions(reopened.catalog, place);
    await reopened.close();
    process.stderr.write('bench: one process on the SQLite store\n');
    results.push({ engine: 'SQLite, one process', size: SQLITE_SIZE, ingestPerSecond: sqliteIngest, questions: sqliteQuestions, gateway: await runGateway(`sqlite://${sqliteFile}`, place, 'all') });

    // Each size in a database of its own, filled from empty, as a store grows: one topped up would hold the
    // smaller store's articles interleaved with the rest across the month.
    for (const size of SIZES) {
      await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await adminQuery(`CREATE DATABASE ${database}`);
      pgStore = databaseUrl(database);
      const engine = await openPostgresEngine(pgStore, { retentionMs: 30 * DAY, poolSize: WRITERS });
      try {
        process.stderr.write(`bench: filling PostgreSQL with ${count(size)} articles\n`);
        const ingestPerSecond = await fill(engine, place, size);
        const questions = await askQuestions(engine.catalog, place);
        process.stderr.write(`bench: a gateway and a worker on PostgreSQL at ${count(size)} articles\n`);
        const gateway = await runGateway(pgStore, place, 'gateway', SCALED_NODE_OPTIONS);
        const gatewayDefaults = await runGateway(pgStore, place, 'gateway');
        const worker = await runWorkers(pgStore, place, engine, WORKER_CHANNELS, 1, 1_200_000_000_000_001_000n + BigInt(size), SCALED_NODE_OPTIONS);
        const workerDefaults = await runWorkers(pgStore, place, engine, WORKER_CHANNELS, 1, 1_200_000_000_000_002_000n + BigInt(size), '');
        results.push({ engine: 'PostgreSQL', size, ingestPerSecond, questions, gateway, gatewayDefaults, worker, workerDefaults });
        if (size === Math.max(...SIZES)) {
          process.stderr.write(`bench: ${count(DELIVERY_CHANNELS)} channels delivered by ${DELIVERY_WORKERS} workers\n`);
          delivery = await runWorkers(pgStore, place, engine, DELIVERY_CHANNELS, DELIVERY_WORKERS, 1_200_000_000_000_900_000n, SCALED_NODE_OPTIONS);
        }
      } finally {
        await engine.close();
      }
    }
  } finally {
    await killAllHerald();
    if (pgStore) await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
    await rm(place.folder, { recursive: true, force: true });
    await rm(path.dirname(place.built), { recursive: true, force: true });
  }

  const rows = results.map((result) => [
    result.engine,
    count(result.size),
    count(result.ingestPerSecond),
    ...questionCells(result),
    fixed(result.gateway.firstAnswerMs / 1000, 1),
    fixed(result.gateway.memory.rss),
    result.gatewayDefaults ? fixed(result.gatewayDefaults.memory.rss) : '–',
    result.worker ? workerMb(result.worker) : 'same process',
    result.workerDefaults ? workerMb(result.workerDefaults) : '–',
  ]);
  const served = delivery ? delivery.requests.length - delivery.global429 - delivery.channel429 : 0;
  const postingRate = delivery ? delivery.requests.length / (delivery.postingMs / 1000) : 0;
  return {
    title: 'Herald at scale',
    table: [
      ['store', 'articles', 'ingest articles/s', 'topic briefing p50 ms', 'p99 ms', 'answered', 'trending ms', 'digest ms (first)', 'digest ms (kept)', 'restart to first /news s', 'gateway MB after 1,000 /news', 'gateway MB, V8 defaults', 'worker MB after 1,000 digests', 'worker MB, V8 defaults'],
      ...rows,
    ],
    notes: [
      `Articles: the synthetic articles of the search bench (bench/synthetic-articles.ts, seed ${SEED}), dated over the 30 days before the run and stored in the order they appeared, as a poller stores them, each site a file of one folder that every server's scope names; added through each engine's repository, ${WRITERS} at a time, duplicate checks included (ingest articles/s), then pruned once as a worker does after each ingest pass (on PostgreSQL that gathers the planner's statistics, which this machine's server, run with autovacuum off, would otherwise never have). Each PostgreSQL size is a database of its own, filled from empty.`,
      `Questions, timed in the bench's own process over each engine's catalog, in a server's scope: a topic briefing (/news: search, clustering the 60 best hits, 5 extractive summaries, related coverage and an overview) for ${TIMED} topic queries after ${WARM_UP} of warm-up; trending topics over the last 7 days (the autocomplete refresh, 200 topics) p50 of 10; a daily digest's composition (5 stories from the last 24 hours) in a fresh newsroom (first) and again (kept), p50 of 5. The goal at 1,000,000 articles is a topic briefing p99 under 500 ms.`,
      `Processes: Herald's one-file build (\`npm run build\`, then \`npm run start:built\`, as the README recommends for a fleet) as a child process on the same store and the loopback Discord: a gateway (HERALD_ROLE=gateway; on SQLite the one process, HERALD_ROLE=all), timed from its start to the arrival of its first answered /news (the embedded engine reads every article into memory first), then its resident memory (VmRSS) after ${count(PROCESS_QUERIES)} more /news, ${QUERY_CONCURRENCY} at a time; a worker (HERALD_ROLE=worker) delivering ${count(WORKER_CHANNELS)} channels' digests at once, then its resident memory. On PostgreSQL both run with NODE_OPTIONS=${SCALED_NODE_OPTIONS}, as the README recommends, and again with V8's defaults, under which the heap grows to several times what is live before V8 collects it. Goals: under 300 MB, flat between the sizes, and under 2 s to the first /news at 1,000,000 articles.`,
      delivery
        ? `Delivery: ${count(delivery.channels)} channels (${count(delivery.channels / 250)} servers of 250) whose digests (up to 5 stories) were all due at once, delivered by ${DELIVERY_WORKERS} worker processes sharing the pace in PostgreSQL, through the loopback Discord enforcing ${GLOBAL_PER_SECOND} requests/s per bot and 5 messages per 5 s per channel: ${count(delivery.messages)} messages in ${count(delivery.requests.length)} requests over ${fixed(delivery.postingMs / 1000, 1)} s from the first post to the last, ${fixed(postingRate, 1)} requests/s, ${share(postingRate / GLOBAL_PER_SECOND)} of the limit while posting (goal: at least 90%; each request leaves at least 1/46 s after the last across the fleet); 429s: ${delivery.global429} global, ${delivery.channel429} per channel (goal: 0); ${count(served)} served; channels missing their digest: ${delivery.missing}; channels sent a story twice: ${delivery.doubled} (goal: 0 and 0). Worker memory at the end: ${delivery.memory.map((memory) => `${fixed(memory.rss)} MB`).join(', ')}. The loopback Discord runs in the bench's own process and stamps a request when it reads it: its event loop was held up for at most ${fixed(delivery.loopbackStallMs)} ms while the workers posted (a hold-up of about 90 ms at a window's edge is enough to count 51 requests in one second).`
        : 'Delivery: not run.',
      `Gateways' /news answered (of ${count(PROCESS_QUERIES)}), and any run cut short: ${results
        .flatMap((result) => [
          [`${result.engine} ${count(result.size)}`, result.gateway] as const,
          ...(result.gatewayDefaults ? [[`${result.engine} ${count(result.size)}, V8 defaults`, result.gatewayDefaults] as const] : []),
        ])
        .map(([label, run]) => `${label}: ${run.answered}${run.failure ? ` (stopped: ${run.failure})` : ''}`)
        .join('; ')}.`,
      'Everything runs on this 2-core machine at once: the bench with the loopback Discord, PostgreSQL, and the Herald processes.',
    ],
  };
}
