import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missedDeadlines, runInteractionStorm, startStormHerald, stormDice, type StormHerald } from '../support/interaction-storm.ts';

/**
 * `npm run bench -- load` sends 500 commands in 10 s across 50 servers over 100,000 articles; this is the same
 * storm at a scale `npm test` can afford (a tenth of the articles, 10 commands a second, beside the suite's
 * other files on two cores), held to the same promise: Discord's 3 s deadline is never missed.
 */
const GUILDS = 20;
const ARTICLES = 10_000;
const COMMANDS = 200;
const DURATION_MS = 20_000;

let storm: StormHerald;

beforeAll(async () => {
  storm = await startStormHerald({ guilds: GUILDS, articles: ARTICLES, fixtureStories: true });
}, 120_000);

afterAll(async () => {
  await storm?.close();
});

describe('a storm of slash commands', () => {
  it('has every /news, /search, /brief and autocomplete acknowledged within 3 s and answered, each briefing and search with stories', async () => {
    const result = await runInteractionStorm(storm.discord, { places: storm.places, commands: COMMANDS, durationMs: DURATION_MS, queries: storm.queries, random: stormDice() });

    expect(result.interactions).toHaveLength(COMMANDS);
    expect(missedDeadlines(result)).toBe(0);
    expect(result.interactions.filter((interaction) => interaction.finalMs === undefined)).toEqual([]);
    expect(result.refused).toEqual([]);
    // Fast is worth nothing if it is an error: every briefing and search answers with stories, the storm's topics
    // being drawn from the stored stories. Autocomplete may rightly offer nothing for what a reader has typed so far.
    expect(result.interactions.filter((interaction) => interaction.kind !== 'autocomplete' && !interaction.answerItems)).toEqual([]);
  }, 120_000);
});
