import { readFile } from 'node:fs/promises';
import { REST, type APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { deployCommands } from '../../src/discord/deploy-commands.ts';
import { startHeraldOnLoopback, type HeraldOnLoopback } from '../support/discord/herald-on-loopback.ts';
import type { CommandInput, LoopbackDiscord, MessageTarget, StoredMessage } from '../support/discord/loopback-discord.ts';
import { respond, startTestServer, type TestServer } from '../support/http-server.ts';

const GUILD = '1200000000000000001';
const NEWS = '1300000000000000001';
const MENU_NAME = 'Summarize with Herald';

let herald: HeraldOnLoopback;
let discord: LoopbackDiscord;
let web: TestServer;

beforeAll(async () => {
  web = await startTestServer();
  web.route('/ferry-fares', respond(await readFile(new URL('../fixtures/html/related-and-nav.html', import.meta.url), 'utf8'), { 'content-type': 'text/html' }));
  const config = await loadConfig({ HERALD_STORE: 'memory:', HERALD_ALLOW_HOSTS: '127.0.0.1' });
  herald = await startHeraldOnLoopback({ guilds: [{ id: GUILD, name: 'Newsroom', ownerId: '1400000000000000001', channels: [{ id: NEWS, name: 'news' }] }], config });
  discord = herald.discord;
  await herald.bot.login(discord.token);
  await deployCommands(new REST({ api: discord.apiBase }).setToken(discord.token), herald.commands, { clientId: discord.applicationId, guildId: GUILD });
}, 30_000);

afterAll(async () => {
  await herald?.close();
  await web?.close();
});

async function useOn(message: MessageTarget, input: Partial<Omit<CommandInput, 'options' | 'target'>> = {}) {
  return discord.runMessageCommand({ guildId: GUILD, channelId: NEWS, name: MENU_NAME, message, ...input });
}

function text(message: StoredMessage | undefined): string {
  const embeds = (message?.embeds ?? []) as APIEmbed[];
  return [message?.content ?? '', ...embeds.flatMap((embed) => [embed.title ?? '', embed.description ?? ''])].join('\n');
}

/** Long enough for the first summary of the process, which loads the extraction modules, on a busy machine (whichever test comes first). */
const SUMMARY_WAIT_MS = 20_000;

const isEphemeral = (message: StoredMessage | undefined): boolean => ((message?.flags ?? 0) & 64) === 64;

describe('Summarize with Herald (right-click a message, Apps)', () => {
  it('is registered as a message command, without a description, as Discord takes one', () => {
    const registered = discord.commands(GUILD).find((command) => command.name === MENU_NAME);
    expect(registered).toMatchObject({ type: 3, description: '', contexts: [0] });
  });

  it('summarises the first article the message links to, privately, linking to it', async () => {
    const handle = await useOn({ content: `Have you seen this? ${web.origin}/ferry-fares and also https://example.com/later` });
    const answer = await handle.waitForOriginal(undefined, SUMMARY_WAIT_MS);
    expect(isEphemeral(answer)).toBe(true);
    expect(answer.embeds?.[0]).toMatchObject({ title: 'Harbour ferry fares frozen for another year', url: `${web.origin}/ferry-fares` });
    expect(text(answer)).toContain('Fares on the harbour ferry will stay');
    expect(discord.channelMessages(NEWS)).toEqual([]);
  });

  it('finds the article in a link preview when the text has no address', async () => {
    const handle = await useOn({ content: 'this one', embeds: [{ type: 'link', url: `${web.origin}/ferry-fares`, title: 'Harbour ferry fares frozen' } as APIEmbed] });
    expect((await handle.waitForOriginal(undefined, SUMMARY_WAIT_MS)).embeds?.[0]?.title).toBe('Harbour ferry fares frozen for another year');
  });

  it('explains privately, in one line, that a message without a link has nothing to summarise', async () => {
    const handle = await useOn({ content: 'Ferry fares are frozen again, apparently.' });
    const answer = await handle.waitForOriginal();
    expect(isEphemeral(answer)).toBe(true);
    expect(answer.content).toBe('⚠️ That message links to no article; Summarize with Herald needs a message with a web address in it.');
  });

  it('refuses a link to a private address through the network guard, privately and with the reason', async () => {
    const handle = await useOn({ content: 'look: http://10.0.0.1/admin' });
    const answer = await handle.waitForOriginal();
    expect(isEphemeral(answer)).toBe(true);
    expect(answer.content).toMatch(/^⚠️ .*refused: a private address \(10\.0\.0\.1\)/);
    expect(answer.content?.split('\n')).toHaveLength(1);
  });
});
