import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fork } from 'node:child_process';
import { InteractionResponseType } from 'discord.js';
import { seededRandom } from '../../bench/synthetic-articles.ts';
import { option } from './discord/herald-on-loopback.ts';
import { startLoopbackDiscord, type CommandInput, type GuildSetup, type InteractionHandle, type LoopbackDiscord } from './discord/loopback-discord.ts';
import type { StormChildMemory, StormChildReady } from './storm-herald-child.ts';

/** Discord drops an interaction not acknowledged within 3 s. */
export const ACK_DEADLINE_MS = 3_000;
/** Long enough for any answer Herald gives after deferring; an interaction still unanswered then counts as unanswered. */
const FINAL_WAIT_MS = 30_000;
/** The first commands load what a running bot keeps; a store of 100,000 articles takes its time. */
const WARM_UP_WAIT_MS = 300_000;

export type StormKind = 'news' | 'search' | 'brief' | 'autocomplete';

export interface StormOptions {
  /** The servers the commands are spread over, each with the channel they are used in. */
  places: Array<{ guildId: string; channelId: string }>;
  commands: number;
  /** The commands are sent evenly over this span, none waiting for the one before. */
  durationMs: number;
  /** Topics and search words, of the kind readers type; drawn in turn. */
  queries: string[];
  /** The dice for which command comes next. */
  random: () => number;
}

export interface StormInteraction {
  kind: StormKind;
  /** From dispatching INTERACTION_CREATE to the first callback (a reply, a deferral or autocomplete choices); undefined when none came in time. */
  ackMs?: number;
  /** From dispatch to the answer the user reads (the reply no longer "thinking…", or the choices); undefined when none came. */
  finalMs?: number;
  /**
   * What that answer holds: its embeds (the stories of a briefing, the hits of a search) or, for autocomplete, its
   * choices. An answer that is only text (an error, "nothing found") holds none, however fast it came.
   */
  answerItems?: number;
}

export interface StormResult {
  interactions: StormInteraction[];
  /** From the first dispatch to the last answer. */
  wallMs: number;
  /** Requests the loopback refused (4xx/5xx other than 429) while the storm ran, as "METHOD path status". */
  refused: string[];
}

/** Of every 10 commands: 3 /news, 3 /search, 2 /brief and 2 autocompletes of /news's topic. */
function pickKind(random: () => number): StormKind {
  const roll = random();
  return roll < 0.3 ? 'news' : roll < 0.6 ? 'search' : roll < 0.8 ? 'brief' : 'autocomplete';
}

function inputFor(kind: StormKind, query: string, place: { guildId: string; channelId: string }): CommandInput {
  const where = { guildId: place.guildId, channelId: place.channelId };
  if (kind === 'news') return { ...where, name: 'news', options: [option('topic', query)] };
  if (kind === 'search') return { ...where, name: 'search', options: [option('query', query)] };
  if (kind === 'brief') return { ...where, name: 'brief' };
  // What a reader has typed so far: the first few letters.
  return { ...where, name: 'news', options: [{ ...option('topic', query.slice(0, 1 + Math.floor(query.length / 2))), focused: true } as never] };
}

/** Times one interaction from its dispatch, as the loopback Discord sees its answers. */
async function timed(kind: StormKind, start: () => Promise<InteractionHandle>): Promise<StormInteraction> {
  const sentAt = performance.now();
  const handle = await start();
  let response;
  try {
    response = await handle.response(ACK_DEADLINE_MS + 1_000);
  } catch {
    return { kind };
  }
  const ackMs = performance.now() - sentAt;
  if (response.type === InteractionResponseType.ApplicationCommandAutocompleteResult) return { kind, ackMs, finalMs: ackMs, answerItems: response.data?.choices?.length ?? 0 };
  try {
    const answer = await handle.waitForOriginal(undefined, FINAL_WAIT_MS);
    return { kind, ackMs, finalMs: performance.now() - sentAt, answerItems: answer.embeds.length };
  } catch {
    return { kind, ackMs };
  }
}

/**
 * A storm of slash commands against Herald on the loopback Discord: `commands` of them, mixed, sent evenly
 * over `durationMs` across the servers, each timed from dispatch to its first acknowledgement and to its answer.
 */
export async function runInteractionStorm(discord: LoopbackDiscord, options: StormOptions): Promise<StormResult> {
  const firstRequest = discord.requests.length;
  const gapMs = options.durationMs / options.commands;
  const startedAt = performance.now();
  const running: Array<Promise<StormInteraction>> = [];
  for (let index = 0; index < options.commands; index += 1) {
    const dueAt = startedAt + index * gapMs;
    const wait = dueAt - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const kind = pickKind(options.random);
    const input = inputFor(kind, options.queries[index % options.queries.length]!, options.places[index % options.places.length]!);
    running.push(timed(kind, () => (kind === 'autocomplete' ? discord.autocomplete(input) : discord.runCommand(input))));
  }
  const interactions = await Promise.all(running);
  const refused = discord.requests
    .slice(firstRequest)
    .filter((request) => request.status >= 400 && request.status !== 429)
    .map((request) => `${request.method} ${request.path} ${request.status}`);
  return { interactions, wallMs: performance.now() - startedAt, refused };
}

/** Interactions not acknowledged within Discord's 3 s. */
export function missedDeadlines(result: StormResult): number {
  return result.interactions.filter((interaction) => interaction.ackMs === undefined || interaction.ackMs > ACK_DEADLINE_MS).length;
}

const QUERY_SEED = 7;
const ROOT = path.resolve(import.meta.dirname, '../..');
/**
 * Herald's heap at 100,000 articles held in memory (about 2 GB live, more with the garbage of storing them) is near
 * V8's default limit on this machine.
 */
const CHILD_HEAP_MB = 8_192;
/** Generating and storing 100,000 articles takes minutes on a quiet machine, and over a quarter of an hour on a busy one. */
const PREPARE_WAIT_MS = 2_400_000;

export interface StormHerald {
  discord: LoopbackDiscord;
  places: Array<{ guildId: string; channelId: string }>;
  queries: string[];
  /** How long each step of Herald's preparation took, in its own process: reading the stories, storing the articles, trending topics. */
  preparedMs: StormChildReady['preparedMs'];
  /** How long the warm-up's first /news, /search and /brief took to be answered, one at a time, and how many of its commands missed the deadline. */
  warmUpMs: Record<'news' | 'search' | 'brief' | 'missed', number>;
  /** Herald's heap, array buffers and resident memory now. */
  memory(): Promise<{ heapUsedMb: number; arrayBuffersMb: number; rssMb: number }>;
  close(): Promise<void>;
}

/**
 * Herald in a process of its own (test/support/storm-herald-child.ts), as it runs beside a remote Discord, on
 * the loopback Discord this process runs, in `guilds` servers of one channel each; its in-memory store holds
 * `articles` synthetic articles (bench/synthetic-articles.ts) from the source every server reads, dated over
 * the 30 days before now, recombined from the benchmark corpus's stories, or with `fixtureStories` from the
 * text fixtures' only, which are read in a second rather than half a minute. Warmed as a running bot is: the
 * store loaded, trending topics computed, one of each command answered.
 */
export async function startStormHerald(options: { guilds: number; articles: number; fixtureStories?: boolean }): Promise<StormHerald> {
  const folder = await mkdtemp(path.join(tmpdir(), 'herald-storm-'));
  const guilds: GuildSetup[] = Array.from({ length: options.guilds }, (_, index) => ({
    id: `12000000000000${String(index + 1).padStart(5, '0')}`,
    name: `Storm ${index + 1}`,
    ownerId: '1400000000000000001',
    channels: [{ id: `13000000000000${String(index + 1).padStart(5, '0')}`, name: 'news' }],
  }));
  const discord = await startLoopbackDiscord({ guilds });
  const child = fork(path.join(ROOT, 'test/support/storm-herald-child.ts'), [], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx', `--max-old-space-size=${CHILD_HEAP_MB}`],
    env: {
      ...process.env,
      STORM_API_BASE: discord.apiBase,
      STORM_TOKEN: discord.token,
      STORM_SITES: path.join(folder, 'sites'),
      STORM_ARTICLES: String(options.articles),
      ...(options.fixtureStories ? { STORM_FIXTURE_STORIES: '1' } : {}),
    },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async (): Promise<void> => {
    if (child.connected) child.disconnect();
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
    await discord.close();
    await rm(folder, { recursive: true, force: true });
  };
  const next = <T extends { type: string }>(type: T['type'], waitMs: number): Promise<T> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`storm herald: no ${type} within ${waitMs} ms`)), waitMs);
      const onMessage = (message: T): void => {
        if (message.type !== type) return;
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(message);
      };
      child.on('message', onMessage);
      void exited.then(() => reject(new Error(`storm herald exited before its ${type}: ${stderr.trim()}`)));
    });
  try {
    const ready = await next<StormChildReady>('ready', PREPARE_WAIT_MS);
    await discord.waitForBot(60_000);
    const warmUpMs = await warmUp(discord, guilds[0]!, ready.queries[0]!);
    return {
      discord,
      places: guilds.map((guild) => ({ guildId: guild.id, channelId: guild.channels[0]!.id })),
      queries: ready.queries,
      preparedMs: ready.preparedMs,
      warmUpMs,
      async memory() {
        const reply = next<StormChildMemory>('memory', 30_000);
        child.send({ type: 'memory' });
        const { heapUsedMb, arrayBuffersMb, rssMb } = await reply;
        return { heapUsedMb, arrayBuffersMb, rssMb };
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** A cold process may miss Discord's deadline on its first commands; the warm-up sends each again until one is answered. */
const WARM_UP_TRIES = 10;

/**
 * One of each command answered before the storm, as a running bot has answered its first ones: the first
 * /news loads the language models its summaries and topics use, and takes a second or two to do so.
 */
async function warmUp(discord: LoopbackDiscord, guild: GuildSetup, query: string): Promise<StormHerald['warmUpMs']> {
  const place = { guildId: guild.id, channelId: guild.channels[0]!.id };
  const took = { news: 0, search: 0, brief: 0, missed: 0 };
  for (const kind of ['news', 'search', 'brief'] as const) {
    const started = performance.now();
    for (let tries = 1; ; tries += 1) {
      const handle = await discord.runCommand(inputFor(kind, query, place));
      const acknowledged = await handle.response(ACK_DEADLINE_MS + 1_000).then(
        () => true,
        () => false,
      );
      if (acknowledged) {
        await handle.waitForOriginal(undefined, WARM_UP_WAIT_MS);
        break;
      }
      took.missed += 1;
      if (tries === WARM_UP_TRIES) throw new Error(`storm herald: /${kind} missed Discord's deadline ${tries} times in a row while warming up`);
    }
    took[kind] = performance.now() - started;
  }
  return took;
}

/** The storm's dice, the same on every run. */
export const stormDice = (): (() => number) => seededRandom(QUERY_SEED);
