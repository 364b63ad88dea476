import { ButtonStyle, ComponentType, SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonId, parseButtonId } from '../../src/discord/button-id.ts';
import type { Command, Services } from '../../src/discord/command.ts';
import { createDiscordBot, type DiscordBot } from '../../src/discord/discord-bot.ts';
import type { MessagePayload } from '../../src/discord/render/message-payload.ts';
import { InputError } from '../../src/input-error.ts';
import { createLogger } from '../../src/logger.ts';
import { DEFAULT_GUILD, startLoopbackDiscord, type LoopbackDiscord, type StoredMessage } from '../support/discord/loopback-discord.ts';

const GUILD = DEFAULT_GUILD.id;
const NEWS = DEFAULT_GUILD.channels[0]!.id;

/** A page of a counter with Previous/Next buttons whose ids carry the page: the shape of every paged reply. */
function page(number: number): MessagePayload {
  return {
    content: `Page ${number}`,
    allowed_mentions: { parse: [] },
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Next', custom_id: buttonId('pages', 'go', String(number + 1))! },
          { type: ComponentType.Button, style: ButtonStyle.Danger, label: 'Refuse', custom_id: buttonId('pages', 'refuse')! },
          { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Slow', custom_id: buttonId('pages', 'slow', String(number + 1))! },
          { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Old', custom_id: 'retired:go:1' },
        ],
      },
    ],
  };
}

const pages: Command = {
  data: new SlashCommandBuilder().setName('pages').setDescription('pages'),
  async execute(_request, respond) {
    await respond.send(page(1));
  },
  async button(request, respond) {
    const { action, data } = parseButtonId(request.customId)!;
    if (action === 'refuse') throw new InputError('That page is not yours to turn.');
    if (action === 'slow') await new Promise((resolve) => setTimeout(resolve, 2_000));
    await respond.update(page(Number(data)));
  },
};

let discord: LoopbackDiscord;
let bot: DiscordBot;

beforeAll(async () => {
  discord = await startLoopbackDiscord();
  bot = createDiscordBot({ apiBase: discord.apiBase, commands: new Map([['pages', pages]]), services: () => ({}) as Services, logger: createLogger({ HERALD_LOG_LEVEL: 'silent' }) });
  await bot.login(discord.token);
});

afterAll(async () => {
  await bot?.stop();
  await discord?.close();
});

async function firstPage(): Promise<StoredMessage> {
  return (await discord.runCommand({ guildId: GUILD, channelId: NEWS, name: 'pages' })).waitForOriginal();
}

const press = (message: StoredMessage, customId: string) => discord.pressButton({ guildId: GUILD, channelId: NEWS, message, customId });

describe('button presses on Discord', () => {
  it('are routed by the custom id to the command that made the button, which changes the message in place', async () => {
    const reply = await firstPage();

    await (await press(reply, 'pages:go:2')).response();

    expect(discord.message(reply.id)?.content).toBe('Page 2');
    expect(discord.message(reply.id)?.components).toMatchObject([{ components: [{ custom_id: 'pages:go:3' }, {}, {}, {}] }]);
  });

  it('turn an InputError into a private one-line explanation and leave the message as it was', async () => {
    const reply = await firstPage();

    const refused = await (await press(reply, 'pages:refuse:')).waitForOriginal();

    expect(refused.content).toBe('⚠️ That page is not yours to turn.');
    expect(refused.flags! & 64).toBe(64);
    expect(discord.message(reply.id)?.content).toBe('Page 1');
  });

  it('are acknowledged with a deferred update when the handler is slow, and the update still lands', async () => {
    const reply = await firstPage();

    const handle = await press(reply, 'pages:slow:2');

    expect((await handle.response()).type).toBe(6);
    await handle.waitForOriginal((message) => message.content === 'Page 2', 5_000);
    expect(handle.followUps()).toEqual([]);
  });

  it('explain privately that a button of a command Herald no longer has does nothing', async () => {
    const reply = await firstPage();

    const stale = await (await press(reply, 'retired:go:1')).waitForOriginal();

    expect(stale.content).toContain('no longer exists');
    expect(stale.flags! & 64).toBe(64);
    expect(discord.message(reply.id)?.content).toBe('Page 1');
  });
});

describe('button ids', () => {
  it('carry command, action and data, the data keeping its own colons', () => {
    expect(parseButtonId(buttonId('news', 'page', 'north korea:2')!)).toEqual({ command: 'news', action: 'page', data: 'north korea:2' });
  });

  it('are refused when longer than Discord allows, so the caller can carry less', () => {
    expect(buttonId('search', 'page', 'x'.repeat(88))).toBe('search:page:' + 'x'.repeat(88));
    expect(buttonId('search', 'page', 'x'.repeat(89))).toBeUndefined();
  });

  it('are not Herald\'s when they do not have its shape', () => {
    expect(parseButtonId('someone-elses-button')).toBeNull();
  });
});
