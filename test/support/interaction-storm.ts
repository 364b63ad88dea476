import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InteractionResponseType } from 'discord.js';
import { loadFixtureStories, loadSourceStories, makeTopicQueries, seededRandom, syntheticArticles } from '../../bench/synthetic-articles.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { option, startHeraldOnLoopback, type HeraldOnLoopback } from './discord/herald-on-loopback.ts';
import type { CommandInput, GuildSetup, InteractionHandle, LoopbackDiscord } from './discord/loopback-discord.ts';

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
  if (response.type === InteractionResponseType.ApplicationCommandAutocompleteResult) return { kind, ackMs, finalMs: ackMs };
  try {
    await handle.waitForOriginal(undefined, FINAL_WAIT_MS);
    return { kind, ackMs, finalMs: performance.now() - sentAt };
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

const ARTICLE_SEED = 20_240_901;
const QUERY_SEED = 7;

export interface StormHerald {
  herald: HeraldOnLoopback;
  places: Array<{ guildId: string; channelId: string }>;
  queries: string[];
  /** How long the warm-up's first /news, /search and /brief took to be answered, one at a time. */
  warmUpMs: Record<'news' | 'search' | 'brief', number>;
  close(): Promise<void>;
}

/**
 * Herald on the loopback Discord in `guilds` servers of one channel each, its in-memory store holding
 * `articles` synthetic articles (bench/synthetic-articles.ts) from the source every server reads, dated over
 * the 30 days before now, recombined from the benchmark corpus's stories, or with `fixtureStories` from the
 * text fixtures' only, which are read in a second rather than half a minute. Warmed as a running bot is: the
 * store loaded, trending topics computed.
 */
export async function startStormHerald(options: { guilds: number; articles: number; fixtureStories?: boolean }): Promise<StormHerald> {
  const stories = options.fixtureStories ? loadFixtureStories() : loadSourceStories();
  const folder = await mkdtemp(path.join(tmpdir(), 'herald-storm-'));
  const sites = path.join(folder, 'sites');
  const guilds: GuildSetup[] = Array.from({ length: options.guilds }, (_, index) => ({
    id: `12000000000000${String(index + 1).padStart(5, '0')}`,
    name: `Storm ${index + 1}`,
    ownerId: '1400000000000000001',
    channels: [{ id: `13000000000000${String(index + 1).padStart(5, '0')}`, name: 'news' }],
  }));
  let warmUpMs: StormHerald['warmUpMs'];
  const queries = makeTopicQueries(1_000, QUERY_SEED, stories);
  const loaded = await loadConfig({ HERALD_STORE: 'memory:' });
  const herald = await startHeraldOnLoopback({ guilds, config: { ...loaded, sources: [sites], ingest: { ...loaded.ingest, seedFirstPoll: false } } });
  try {
    // The catalog reads the store on its first question; asked first, it then indexes each article once, as it is added.
    await herald.app.newsroom.count();
    for (const article of syntheticArticles(options.articles, ARTICLE_SEED, { sourceFolder: sites, endingAt: new Date(), inArrivalOrder: true, stories })) await herald.app.engine.articles.add(article);
    await herald.app.services.trendingTopics();
    await herald.bot.login(herald.discord.token);
    warmUpMs = await warmUp(herald.discord, guilds[0]!, queries[0]!);
  } catch (error) {
    await herald.close();
    throw error;
  }
  return {
    herald,
    places: guilds.map((guild) => ({ guildId: guild.id, channelId: guild.channels[0]!.id })),
    queries,
    warmUpMs,
    async close() {
      await herald.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/**
 * One of each command answered before the storm, as a running bot has answered its first ones: the first
 * /news loads the language models its summaries and topics use, and takes a second or two to do so.
 */
async function warmUp(discord: LoopbackDiscord, guild: GuildSetup, query: string): Promise<Record<'news' | 'search' | 'brief', number>> {
  const place = { guildId: guild.id, channelId: guild.channels[0]!.id };
  const took = { news: 0, search: 0, brief: 0 };
  for (const kind of ['news', 'search', 'brief'] as const) {
    const started = performance.now();
    await (await discord.runCommand(inputFor(kind, query, place))).waitForOriginal(undefined, WARM_UP_WAIT_MS);
    took[kind] = performance.now() - started;
  }
  return took;
}

/** The storm's dice, the same on every run. */
export const stormDice = (): (() => number) => seededRandom(QUERY_SEED);
