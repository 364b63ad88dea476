import { ACK_DEADLINE_MS, missedDeadlines, runInteractionStorm, startStormHerald, stormDice, type StormKind, type StormResult } from '../test/support/interaction-storm.ts';
import { median, percentile, type BenchSection } from './report.ts';

/** The storm of issue 13: 500 slash commands in 10 s across 50 servers, over 100,000 stored articles. `HERALD_BENCH_LOAD` ("articles,commands") changes it for a quicker look. */
const [ARTICLES = 100_000, COMMANDS = 500] = (process.env.HERALD_BENCH_LOAD ?? '').split(',').filter(Boolean).map(Number);
const GUILDS = 50;
const DURATION_MS = 10_000;
const FINAL_GOAL_MS = 1_500;

const ms = (value: number): string => (Number.isFinite(value) ? String(Math.round(value)) : '–');
const count = (value: number): string => value.toLocaleString('en-US');
const seconds = (valueMs: number): string => (valueMs / 1000).toFixed(1);

function row(label: string, result: StormResult, kinds: StormKind[]): string[] {
  const chosen = result.interactions.filter((interaction) => kinds.includes(interaction.kind));
  const acks = chosen.flatMap((interaction) => (interaction.ackMs === undefined ? [] : [interaction.ackMs]));
  const finals = chosen.flatMap((interaction) => (interaction.finalMs === undefined ? [] : [interaction.finalMs]));
  const missed = chosen.filter((interaction) => interaction.ackMs === undefined || interaction.ackMs > ACK_DEADLINE_MS).length;
  const withItems = chosen.filter((interaction) => (interaction.answerItems ?? 0) > 0).length;
  return [label, count(chosen.length), count(missed), count(chosen.length - finals.length), count(withItems), ms(median(acks)), ms(percentile(acks, 99)), ms(median(finals)), ms(percentile(finals, 99)), ms(Math.max(...finals))];
}

/**
 * An interaction storm: slash commands sent evenly over 10 s, none waiting for another, to Herald on the
 * loopback Discord through the real discord.js client, each timed where Discord would time it.
 */
export default async function benchLoad(): Promise<BenchSection> {
  const preparedAt = performance.now();
  const storm = await startStormHerald({ guilds: GUILDS, articles: ARTICLES });
  const preparedS = (performance.now() - preparedAt) / 1000;
  let result: StormResult;
  let memoryBefore: Awaited<ReturnType<typeof storm.memory>>;
  let memoryAfter: Awaited<ReturnType<typeof storm.memory>>;
  try {
    memoryBefore = await storm.memory();
    result = await runInteractionStorm(storm.discord, { places: storm.places, commands: COMMANDS, durationMs: DURATION_MS, queries: storm.queries, random: stormDice() });
    memoryAfter = await storm.memory();
  } finally {
    await storm.close();
  }
  const finals = result.interactions.flatMap((interaction) => (interaction.finalMs === undefined ? [] : [interaction.finalMs]));
  const p99Final = percentile(finals, 99);
  return {
    title: 'Interaction storm',
    table: [
      ['commands', 'sent', 'missed 3 s deadline', 'unanswered', 'answers holding stories or choices', 'ack p50 ms', 'ack p99 ms', 'final p50 ms', 'final p99 ms', 'final max ms'],
      row('all', result, ['news', 'search', 'brief', 'autocomplete']),
      row('/news', result, ['news']),
      row('/search', result, ['search']),
      row('/brief', result, ['brief']),
      row('autocomplete (/news topic)', result, ['autocomplete']),
    ],
    notes: [
      `Setup: the loopback Discord (test/support/discord) with ${GUILDS} servers of one channel; the real discord.js client logged in through createDiscordBot; Herald (startHeraldApp, in a Node process of its own: test/support/storm-herald-child.ts) over the in-memory embedded store holding ${count(ARTICLES)} synthetic articles (bench/synthetic-articles.ts) from the source every server reads, loaded, trending topics computed and one /news, /search and /brief answered before the storm, as a running bot has. The loopback Discord and the storm's driver run in the bench's process, as a remote Discord would not share Herald's CPU. Preparation, not timed in the storm: ${preparedS.toFixed(0)} s in all (reading the corpus's stories ${seconds(storm.preparedMs.stories)} s, storing the articles ${seconds(storm.preparedMs.fill)} s, trending topics ${seconds(storm.preparedMs.trending)} s; the first /news took ${seconds(storm.warmUpMs.news)} s, /search ${seconds(storm.warmUpMs.search)} s, /brief ${seconds(storm.warmUpMs.brief)} s, one at a time, ${storm.warmUpMs.missed} of the warm-up's commands missing the 3 s deadline and sent again). Herald's live heap (after garbage collection) before the storm ${count(memoryBefore.heapUsedMb)} MB and array buffers ${count(memoryBefore.arrayBuffersMb)} MB (resident ${count(memoryBefore.rssMb)} MB), after it ${count(memoryAfter.heapUsedMb)} MB and ${count(memoryAfter.arrayBuffersMb)} MB (resident ${count(memoryAfter.rssMb)} MB).`,
      `Run: ${count(COMMANDS)} interactions sent evenly over ${DURATION_MS / 1000} s (one every ${DURATION_MS / COMMANDS} ms), none waiting for another, in turn across the servers: 3 in 10 /news on a topic, 3 /search, 2 /brief, 2 autocompletes of /news's topic (test/support/interaction-storm.ts); topics and search words drawn from the synthetic stories as readers type them.`,
      `Timing, from dispatching INTERACTION_CREATE on the gateway: ack is the first callback the loopback accepted (a reply, a deferral, or autocomplete choices); final is the answer the user reads (the reply no longer "thinking…"; for autocomplete, the choices). Missed: no callback within Discord's 3 s, which the loopback then refuses (10062) as Discord does. Answers holding stories or choices: the answer had at least one embed (a briefing's story, a search's hits) or, for autocomplete, one choice; an error or "nothing found" is text alone, however fast it came. ${result.refused.length ? `Requests refused: ${result.refused.slice(0, 5).join('; ')}.` : 'No request was refused.'}`,
      `Goal: 0 missed deadlines (${missedDeadlines(result)} here) and final p99 under ${FINAL_GOAL_MS / 1000} s (${(p99Final / 1000).toFixed(2)} s here); the storm took ${(result.wallMs / 1000).toFixed(1)} s from the first dispatch to the last answer.`,
    ],
  };
}
