import { once } from 'node:events';
import {
  ButtonStyle,
  ChannelType,
  Client,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type ButtonInteraction,
  DiscordAPIError,
  type ClientEvents,
  type ClientOptions,
  Events,
  GatewayCloseCodes,
  GatewayOpcodes,
  GatewayIntentBits,
  InteractionResponseType,
  MessageFlags,
  REST,
  Routes,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type TextChannel,
} from 'discord.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import {
  ADMIN_PERMISSIONS,
  DEFAULT_GUILD,
  startLoopbackDiscord,
  type GuildSetup,
  type LoopbackDiscord,
  type LoopbackDiscordOptions,
} from '../support/discord/loopback-discord.ts';
import { createRateLimiter } from '../support/discord/rate-limits.ts';

const GUILD = DEFAULT_GUILD.id;
const NEWS = '1300000000000000001';
const READ_ONLY = '1300000000000000002';
const GUILDS: GuildSetup[] = [
  {
    ...DEFAULT_GUILD,
    channels: [
      { id: NEWS, name: 'news' },
      { id: READ_ONLY, name: 'announcements', type: ChannelType.GuildAnnouncement, botCanPost: false },
    ],
  },
];

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startDiscord(options: LoopbackDiscordOptions = {}): Promise<LoopbackDiscord> {
  const discord = await startLoopbackDiscord({ guilds: GUILDS, ...options });
  cleanups.push(() => discord.close());
  return discord;
}

/** The real discord.js client, as the bot builds it, logged in to the loopback Discord and ready. */
async function connectClient(discord: LoopbackDiscord, options: Omit<ClientOptions, 'intents'> = {}): Promise<Client> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiBase }, ...options });
  cleanups.push(() => client.destroy());
  const ready = once(client, Events.ClientReady);
  await client.login(discord.token);
  await ready;
  return client;
}

async function started(options: LoopbackDiscordOptions = {}): Promise<{ discord: LoopbackDiscord; client: Client }> {
  const discord = await startDiscord(options);
  return { discord, client: await connectClient(discord) };
}

function nextInteraction<T extends Interaction>(client: Client): Promise<T> {
  return once(client, Events.InteractionCreate).then(([interaction]) => interaction as T);
}

async function newsChannel(client: Client): Promise<TextChannel> {
  return (await client.channels.fetch(NEWS)) as TextChannel;
}

function button(customId: string, label: string): APIButtonComponentWithCustomId {
  return { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: customId, label };
}

function buttonRow(customId: string, label: string): APIActionRowComponent<APIButtonComponentWithCustomId> {
  return { type: ComponentType.ActionRow, components: [button(customId, label)] };
}

async function discordErrorFrom(promise: Promise<unknown>): Promise<DiscordAPIError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof DiscordAPIError)) throw new Error(`expected a DiscordAPIError, got ${String(error)}`);
  return error;
}

describe('the loopback Discord, driven by the real discord.js client', () => {
  it('logs the client in and makes it ready with the configured guilds and channels', async () => {
    const { discord, client } = await started();

    const guild = client.guilds.cache.get(GUILD);
    expect(guild?.available).toBe(true);
    expect(guild?.channels.cache.map((channel) => channel.name).sort()).toEqual(['announcements', 'news']);
    expect(client.user?.id).toBe(discord.botUserId);
    expect(client.application?.id).toBe(discord.applicationId);
    expect(discord.gatewaySessions()).toMatchObject({ identifies: 1, resumes: 0 });
  });

  it('acknowledges heartbeats at the interval HELLO announced', async () => {
    const { discord, client } = await started({ heartbeatIntervalMs: 50 });

    await vi.waitFor(() => expect(discord.gatewaySessions().heartbeats).toBeGreaterThanOrEqual(2), { timeout: 10_000 });

    expect(client.ws.ping).toBeGreaterThanOrEqual(0);
  });

  it('refuses a client with the wrong token', async () => {
    const discord = await startDiscord();
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiBase } });
    cleanups.push(() => client.destroy());

    await expect(client.login('not-the-token')).rejects.toThrow(/token/i);
  });

  it('shows the bot its permission overwrites, so discord.js agrees with what REST will refuse', async () => {
    const { client } = await started();

    const channel = client.channels.cache.get(READ_ONLY) as TextChannel;
    const permissions = channel.permissionsFor(client.user?.id ?? '');
    expect(permissions?.has('ViewChannel')).toBe(true);
    expect(permissions?.has('SendMessages')).toBe(false);
  });

  it('delivers a slash command to interactionCreate with its options, member permissions and channel', async () => {
    const { discord, client } = await started();
    const arrived = nextInteraction<ChatInputCommandInteraction>(client);

    await discord.runCommand({ guildId: GUILD, channelId: NEWS, name: 'brief', permissions: ADMIN_PERMISSIONS, options: [{ name: 'topic', type: 3, value: 'tech' }] });
    const interaction = await arrived;

    expect(interaction.isChatInputCommand()).toBe(true);
    expect(interaction.commandName).toBe('brief');
    expect(interaction.options.getString('topic')).toBe('tech');
    expect(interaction.channelId).toBe(NEWS);
    expect(interaction.memberPermissions?.has('ManageGuild')).toBe(true);
  });

  it('resolves a channel option so getChannel returns the channel', async () => {
    const { discord, client } = await started();
    const arrived = nextInteraction<ChatInputCommandInteraction>(client);

    await discord.runCommand({ guildId: GUILD, channelId: NEWS, name: 'subscribe', options: [{ name: 'channel', type: 7, value: READ_ONLY }] });

    expect((await arrived).options.getChannel('channel')?.id).toBe(READ_ONLY);
  });

  it('records a reply with its embeds and allowed mentions', async () => {
    const { discord, client } = await started();
    const arrived = nextInteraction<ChatInputCommandInteraction>(client);
    const handle = await discord.runCommand({ guildId: GUILD, channelId: NEWS, name: 'brief' });

    await (await arrived).reply({ content: '@everyone look', embeds: [{ title: 'Today', description: 'All quiet.' }], allowedMentions: { parse: [] } });

    expect((await handle.response()).type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const reply = await handle.waitForOriginal();
    expect(reply.embeds).toEqual([{ title: 'Today', description: 'All quiet.' }]);
    expect(reply.allowed_mentions).toEqual({ parse: [] });
    expect(reply.mention_everyone).toBe(false);
  });

  it('shows a deferred reply as thinking until editReply replaces it', async () => {
    const { discord, client } = await started();
    const arrived = nextInteraction<ChatInputCommandInteraction>(client);
    const handle = await discord.runCommand({ guildId: GUILD, channelId: NEWS, name: 'brief' });
    const interaction = await arrived;

    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    expect((await handle.response()).type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(handle.original()?.flags).toBe(MessageFlags.Ephemeral | MessageFlags.Loading);

    const edited = await interaction.editReply({ content: 'Here is your briefing.' });

    const reply = await handle.waitForOriginal();
    expect(reply.content).toBe('Here is your briefing.');
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    expect(edited.id).toBe(reply.id);
  });

  it('turns the first follow-up after a deferral into the reply, as Discord does', async () => {
    const { discord, client } = await started();
    const arrived = nextInteraction<ChatInputCommandInteraction>(client);
    const handle = await discord.runCommand({ guildId: GUILD, channelId: NEWS, name: 'brief' });
    const interaction = await arrived;

    await interaction.deferReply();
    await interaction.followUp({ content: 'Done.' });

    expect(handle.messages().map((message) => message.content)).toEqual(['Done.']);
    expect(handle.followUps()).toEqual([]);
  });

  it('records follow-ups after the reply, in order', async () => {
    const { discord, client } = await started();
    const arrived = nextInteraction<ChatInputCommandInteraction>(client);
    const handle = await discord.runCommand({ guildId: GUILD, channelId: NEWS, name: 'brief' });
    const interaction = await arrived;

    await interaction.reply({ content: 'Part 1' });
    const followUp = await interaction.followUp({ content: 'Part 2' });

    expect(handle.messages().map((message) => message.content)).toEqual(['Part 1', 'Part 2']);
    expect((await handle.waitForFollowUp()).id).toBe(followUp.id);
  });

  it('dispatches a press on a button of a channel post as a button interaction on that message, and lets update() change it there', async () => {
    const { discord, client } = await started();
    const posted = await (await newsChannel(client)).send({ content: 'Page 1', components: [buttonRow('news:page:2', 'Next')] });
    const arrived = nextInteraction<ButtonInteraction>(client);

    const handle = await discord.pressButton({ guildId: GUILD, channelId: NEWS, message: discord.message(posted.id)!, customId: 'news:page:2' });
    const interaction = await arrived;
    expect(interaction.isButton()).toBe(true);
    expect(interaction.customId).toBe('news:page:2');
    expect(interaction.message.id).toBe(posted.id);
    await interaction.update({ content: 'Page 2', components: [buttonRow('news:page:1', 'Previous')] });

    expect((await handle.response()).type).toBe(InteractionResponseType.UpdateMessage);
    expect(discord.channelMessages(NEWS).at(-1)).toMatchObject({ id: posted.id, content: 'Page 2', components: [{ components: [{ custom_id: 'news:page:1' }] }] });
  });

  it('lets a deferred update be finished with editReply, which changes the pressed reply and adds no message', async () => {
    const { discord, client } = await started();
    const command = nextInteraction<ChatInputCommandInteraction>(client);
    const handle = await discord.runCommand({ guildId: GUILD, channelId: NEWS, name: 'search' });
    await (await command).reply({ content: 'Results 1-5', components: [buttonRow('search:page:2', 'Next')], flags: MessageFlags.Ephemeral });
    const reply = await handle.waitForOriginal();
    const arrived = nextInteraction<ButtonInteraction>(client);

    const press = await discord.pressButton({ guildId: GUILD, channelId: NEWS, message: reply, customId: 'search:page:2' });
    const interaction = await arrived;
    expect(interaction.message.flags.has(MessageFlags.Ephemeral)).toBe(true);
    await interaction.deferUpdate();
    await interaction.editReply({ content: 'Results 6-10' });

    expect((await press.response()).type).toBe(InteractionResponseType.DeferredMessageUpdate);
    expect(discord.message(reply.id)?.content).toBe('Results 6-10');
    expect(handle.messages()).toHaveLength(1);
    expect(press.followUps()).toEqual([]);
  });

  it('lets a button press be answered with a new reply of its own', async () => {
    const { discord, client } = await started();
    const posted = await (await newsChannel(client)).send({ content: 'A story', components: [buttonRow('news:more:42', 'More like this')] });
    const arrived = nextInteraction<ButtonInteraction>(client);

    const press = await discord.pressButton({ guildId: GUILD, channelId: NEWS, message: discord.message(posted.id)!, customId: 'news:more:42' });
    await (await arrived).reply({ content: 'Related stories', flags: MessageFlags.Ephemeral });

    expect((await press.waitForOriginal()).content).toBe('Related stories');
    expect(discord.message(posted.id)?.content).toBe('A story');
  });

  it('rejects two buttons with one custom id in a message with 50035, as Discord does', async () => {
    const { client } = await started();

    const error = await discordErrorFrom((await newsChannel(client)).send({ content: 'Twice', components: [{ type: 1, components: [button('same', 'One'), button('same', 'Two')] }] }));

    expect(error.code).toBe(50035);
    expect(error.message).toContain('COMPONENT_CUSTOM_ID_DUPLICATED');
  });

  it('records files attached to a reply', async () => {
    const { discord, client } = await started();
    const arrived = nextInteraction<ChatInputCommandInteraction>(client);
    const handle = await discord.runCommand({ guildId: GUILD, channelId: NEWS, name: 'brief' });

    await (await arrived).reply({ content: 'Full briefing attached.', files: [{ attachment: Buffer.from('# Briefing'), name: 'briefing.md' }] });

    expect((await handle.waitForOriginal()).attachments).toMatchObject([{ filename: 'briefing.md', size: 10 }]);
  });

  it('records autocomplete choices', async () => {
    const { discord, client } = await started();
    const arrived = nextInteraction<AutocompleteInteraction>(client);
    const handle = await discord.autocomplete({ guildId: GUILD, channelId: NEWS, name: 'brief', options: [{ name: 'topic', type: 3, value: 'te', focused: true }] });
    const interaction = await arrived;

    expect(interaction.options.getFocused()).toBe('te');
    await interaction.respond([{ name: 'Technology', value: 'tech' }]);

    expect(await handle.response()).toEqual({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [{ name: 'Technology', value: 'tech' }] } });
  });

  it('rejects more than 25 autocomplete choices with 50035', async () => {
    const { discord, client } = await started();
    const arrived = nextInteraction<AutocompleteInteraction>(client);
    await discord.autocomplete({ guildId: GUILD, channelId: NEWS, name: 'brief', options: [{ name: 'topic', type: 3, value: '', focused: true }] });
    const choices = Array.from({ length: 26 }, (_, index) => ({ name: `Topic ${index}`, value: `topic-${index}` }));

    const error = await discordErrorFrom((await arrived).respond(choices));

    expect(error.code).toBe(50035);
    expect(error.message).toContain('data.choices[BASE_TYPE_MAX_LENGTH]');
  });

  it('records commands registered with a guild bulk overwrite', async () => {
    const { discord, client } = await started();

    const registered = (await client.rest.put(Routes.applicationGuildCommands(discord.applicationId, GUILD), {
      body: [{ name: 'brief', description: 'Today in one message', default_member_permissions: null }],
    })) as Array<{ id: string }>;

    expect(discord.commands(GUILD)).toMatchObject([{ name: 'brief', description: 'Today in one message', guild_id: GUILD }]);
    expect(registered[0]?.id).toBe(discord.commands(GUILD)[0]?.id);
    expect(discord.commands()).toEqual([]);
  });

  it('rejects a command definition Discord would refuse', async () => {
    const { discord, client } = await started();

    const error = await discordErrorFrom(client.rest.put(Routes.applicationCommands(discord.applicationId), { body: [{ name: 'Brief Me', description: '' }] }));

    expect(error.code).toBe(50035);
  });

  it('keeps a command’s names and descriptions in other languages, as registered', async () => {
    const { discord, client } = await started();
    const body = [
      {
        name: 'brief',
        name_localizations: { fr: 'à-la-une', 'pt-BR': 'manchetes' },
        description: 'Today in one message',
        description_localizations: { fr: 'La journée en un message' },
        options: [{ type: 3, name: 'topic', name_localizations: { fr: 'sujet' }, description: 'About what', description_localizations: { fr: 'Sur quoi' } }],
      },
    ];

    await client.rest.put(Routes.applicationGuildCommands(discord.applicationId, GUILD), { body });

    expect(discord.commands(GUILD)).toMatchObject(body);
  });

  it('rejects a localisation under a locale Discord does not have, naming the locale', async () => {
    const { discord, client } = await started();

    const error = await discordErrorFrom(
      client.rest.put(Routes.applicationCommands(discord.applicationId), { body: [{ name: 'brief', description: 'Today', description_localizations: { pt_BR: 'Hoje' } }] }),
    );

    expect(error.code).toBe(50035);
    expect(error.rawError).toMatchObject({ errors: { '0': { description_localizations: { pt_BR: { _errors: [{ code: 'BASE_TYPE_CHOICES' }] } } } } });
  });

  it('rejects a localised name with capitals or spaces: for a command under the whole map, for an option under its locale', async () => {
    const { discord, client } = await started();
    const body = [
      {
        name: 'brief',
        name_localizations: { fr: 'À la une' },
        description: 'Today',
        options: [{ type: 3, name: 'topic', name_localizations: { de: 'Thema' }, description: 'About what' }],
      },
    ];

    const error = await discordErrorFrom(client.rest.put(Routes.applicationCommands(discord.applicationId), { body }));

    expect(error.rawError).toMatchObject({
      errors: {
        '0': {
          name_localizations: { _errors: [{ code: 'APPLICATION_COMMAND_INVALID_NAME' }] },
          options: { '0': { name_localizations: { de: { _errors: [{ code: 'APPLICATION_COMMAND_INVALID_NAME' }] } } } },
        },
      },
    });
  });

  it('rejects a localised description over 100 characters and a localised name over 32', async () => {
    const { discord, client } = await started();
    const body = [{ name: 'brief', name_localizations: { fr: 'a'.repeat(33) }, description: 'Today', description_localizations: { de: 'x'.repeat(101) } }];

    const error = await discordErrorFrom(client.rest.put(Routes.applicationCommands(discord.applicationId), { body }));

    expect(error.rawError).toMatchObject({
      errors: { '0': { name_localizations: { fr: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH' }] } }, description_localizations: { de: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH' }] } } } },
    });
  });

  it('sends the invoking member’s locale with the interaction', async () => {
    const { discord, client } = await started();
    const arrived = nextInteraction<ChatInputCommandInteraction>(client);

    await discord.runCommand({ guildId: GUILD, channelId: NEWS, name: 'brief', locale: 'fr' });

    expect((await arrived).locale).toBe('fr');
  });

  it('will not dispatch a command to a member its default_member_permissions exclude', async () => {
    const { discord, client } = await started();
    await client.rest.put(Routes.applicationGuildCommands(discord.applicationId, GUILD), { body: [{ name: 'setup', description: 'Configure', default_member_permissions: '32' }] });

    await expect(discord.runCommand({ guildId: GUILD, channelId: NEWS, name: 'setup' })).rejects.toThrow(/would not offer \/setup/);
  });

  it('rejects an embed over Discord limits with 50035, which discord.js throws as DiscordAPIError', async () => {
    const { discord, client } = await started();

    const error = await discordErrorFrom((await newsChannel(client)).send({ embeds: [{ title: 'x'.repeat(257) }] }));

    expect(error.code).toBe(50035);
    expect(error.message).toContain('embeds[0].title[BASE_TYPE_MAX_LENGTH]');
    expect(discord.channelMessages(NEWS)).toEqual([]);
  });

  it('rejects embeds whose characters together exceed 6000', async () => {
    const { client } = await started();
    const embeds = [1, 2].map(() => ({ description: 'x'.repeat(3001) }));

    const error = await discordErrorFrom((await newsChannel(client)).send({ embeds }));

    expect(error.message).toContain('MAX_EMBED_SIZE_EXCEEDED');
  });

  it('rejects content over 2000 characters in a reply', async () => {
    const { discord, client } = await started();
    const arrived = nextInteraction<ChatInputCommandInteraction>(client);
    await discord.runCommand({ guildId: GUILD, channelId: NEWS, name: 'brief' });

    const error = await discordErrorFrom((await arrived).reply({ content: 'x'.repeat(2001) }));

    expect(error.code).toBe(50035);
    expect(error.message).toContain('data.content[BASE_TYPE_MAX_LENGTH]');
  });

  it('answers a second acknowledgement of one interaction with 40060', async () => {
    const { discord, client } = await started();
    const arrived = nextInteraction<ChatInputCommandInteraction>(client);
    await discord.runCommand({ guildId: GUILD, channelId: NEWS, name: 'brief' });
    const interaction = await arrived;
    await interaction.reply({ content: 'first' });

    // discord.js refuses a second reply itself, so the second one goes to REST directly, as a second process would.
    const error = await discordErrorFrom(
      client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), { body: { type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'second' } }, auth: false }),
    );

    expect(error.code).toBe(40060);
  });

  it('answers an acknowledgement after the deadline with 10062 Unknown interaction', async () => {
    const { discord, client } = await started({ interactionDeadlineMs: 50 });
    const arrived = nextInteraction<ChatInputCommandInteraction>(client);
    await discord.runCommand({ guildId: GUILD, channelId: NEWS, name: 'brief' });
    const interaction = await arrived;
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect((await discordErrorFrom(interaction.reply({ content: 'too late' }))).code).toBe(10062);
  });

  it('lets discord.js wait out a scripted burst of 429s, recording each of them', async () => {
    const { discord, client } = await started();
    discord.failNext({ method: 'POST', path: /^\/channels\/\d+\/messages$/ }, { status: 429, retryAfterSeconds: 0.1 }, 2);

    await (await newsChannel(client)).send({ content: 'after the burst' });

    expect(discord.channelMessages(NEWS).map((message) => message.content)).toEqual(['after the burst']);
    const posts = discord.requests.filter((request) => request.method === 'POST' && request.path === `/channels/${NEWS}/messages`);
    expect(posts.map((request) => request.status)).toEqual([429, 429, 200]);
  });

  it('lets discord.js retry a scripted 500', async () => {
    const { discord, client } = await started();
    discord.failNext({ path: /\/messages$/ }, { status: 500 });

    await (await newsChannel(client)).send({ content: 'after the outage' });

    expect(discord.channelMessages(NEWS)).toHaveLength(1);
  });

  it('answers a post in a deleted channel with 10003 Unknown Channel', async () => {
    const { discord, client } = await started();
    const channel = await newsChannel(client);

    discord.deleteChannel(NEWS);

    expect((await discordErrorFrom(channel.send({ content: 'anyone?' }))).code).toBe(10003);
  });

  it('answers a post where the bot may not send with 50013 Missing Permissions', async () => {
    const { client } = await started();
    const channel = (await client.channels.fetch(READ_ONLY)) as TextChannel;

    expect((await discordErrorFrom(channel.send({ content: 'hello' }))).code).toBe(50013);
  });

  it('answers a read of a channel hidden from the bot with 50001 Missing Access', async () => {
    const { discord, client } = await started();

    discord.setBotCanView(NEWS, false);

    expect((await discordErrorFrom(client.rest.get(Routes.channel(NEWS)))).code).toBe(50001);
  });

  it('answers GET /guilds/:id with the owner and roles, and the bot\'s member with its roles', async () => {
    const { discord, client } = await started();

    const guild = (await client.rest.get(Routes.guild(GUILD))) as { owner_id: string; roles: Array<{ id: string; permissions: string }> };
    const member = (await client.rest.get(Routes.guildMember(GUILD, discord.botUserId))) as { user: { id: string }; roles: string[] };

    expect(guild.owner_id).toBe(DEFAULT_GUILD.ownerId);
    expect(guild.roles.map((role) => role.id)).toEqual([GUILD]);
    expect(member).toMatchObject({ user: { id: discord.botUserId }, roles: [] });
  });

  it('answers a member it does not know with 10007 Unknown Member', async () => {
    const { client } = await started();

    expect((await discordErrorFrom(client.rest.get(Routes.guildMember(GUILD, '1400000000000000099')))).code).toBe(10007);
  });

  it('knows whoever ran a command as a member until they leave, and tells the bot of neither', async () => {
    const { discord, client } = await started();
    const reader = { id: '1400000000000000021', username: 'reader' };
    await discord.runCommand({ guildId: GUILD, channelId: NEWS, user: reader, name: 'brief' });

    expect(await client.rest.get(Routes.guildMember(GUILD, reader.id))).toMatchObject({ user: { id: reader.id, username: 'reader' } });
    discord.removeMember(GUILD, reader.id);
    expect((await discordErrorFrom(client.rest.get(Routes.guildMember(GUILD, reader.id)))).code).toBe(10007);
  });

  it('opens one DM channel per user and refuses posts there with 50007 once the user closes their DMs', async () => {
    const { discord, client } = await started();
    const reader = '1400000000000000022';
    const opened = (await client.rest.post(Routes.userChannels(), { body: { recipient_id: reader } })) as { id: string; type: number; recipients: Array<{ id: string }> };
    const again = (await client.rest.post(Routes.userChannels(), { body: { recipient_id: reader } })) as { id: string };

    expect(opened).toMatchObject({ type: ChannelType.DM, recipients: [{ id: reader }] });
    expect(again.id).toBe(opened.id);
    await client.rest.post(Routes.channelMessages(opened.id), { body: { content: 'Your news' } });
    expect(discord.directMessages(reader).map((message) => message.content)).toEqual(['Your news']);
    discord.setDmsOpen(reader, false);
    const refused = await discordErrorFrom(client.rest.post(Routes.channelMessages(opened.id), { body: { content: 'More news' } }));
    expect([refused.status, refused.code, refused.message]).toEqual([403, 50007, 'Cannot send messages to this user']);
  });

  it('dispatches a press on a button in a DM with the user and no guild, and refuses it from anyone but the recipient', async () => {
    const { discord, client } = await started();
    const reader = { id: '1400000000000000023', username: 'reader' };
    const dm = (await client.rest.post(Routes.userChannels(), { body: { recipient_id: reader.id } })) as { id: string };
    const posted = (await client.rest.post(Routes.channelMessages(dm.id), { body: { content: 'Your news', components: [buttonRow('follow:mute:1', 'Mute')] } })) as { id: string };
    const arrived = nextInteraction<ButtonInteraction>(client);

    await discord.pressButton({ guildId: null, channelId: dm.id, user: reader, message: discord.message(posted.id)!, customId: 'follow:mute:1' });

    const press = await arrived;
    expect([press.guildId, press.user.id, press.member, press.customId, press.message.id]).toEqual([null, reader.id, null, 'follow:mute:1', posted.id]);
    await expect(discord.pressButton({ guildId: null, channelId: dm.id, user: { id: '1400000000000000024', username: 'stranger' }, message: discord.message(posted.id)!, customId: 'follow:mute:1' })).rejects.toThrow(/only user/);
  });

  it('tells the bot it left a guild with GUILD_DELETE, and then refuses requests about that guild', async () => {
    const { discord, client } = await started();
    const left = once(client, Events.GuildDelete);

    discord.leaveGuild(GUILD);

    expect((await left)[0].id).toBe(GUILD);
    expect((await discordErrorFrom(client.rest.get(Routes.guild(GUILD)))).code).toBe(50001);
  });

  it('tells the bot of a forum post a member opened, and lists it among the active threads', async () => {
    const discord = await startDiscord({ guilds: [{ ...DEFAULT_GUILD, channels: [{ id: NEWS, name: 'digests', type: ChannelType.GuildForum }] }] });
    const client = await connectClient(discord);
    const created = once(client, Events.ThreadCreate);

    const postId = discord.openForumPost(NEWS, 'Weekend reading', '1400000000000000002');

    expect((await created)[0]).toMatchObject({ id: postId, parentId: NEWS, ownerId: '1400000000000000002' });
    const active = (await client.rest.get(Routes.guildActiveThreads(GUILD))) as { threads: Array<{ id: string }> };
    expect(active.threads.map((thread) => thread.id)).toEqual([postId]);
  });

  it('makes discord.js RESUME after a dropped connection and still delivers an interaction dispatched meanwhile', async () => {
    const { discord, client } = await started();
    const resumed = once(client, Events.ShardResume);
    const arrived = nextInteraction<ChatInputCommandInteraction>(client);

    discord.dropGateway();
    await discord.runCommand({ guildId: GUILD, channelId: NEWS, name: 'brief' });
    await resumed;

    expect((await arrived).commandName).toBe('brief');
    expect(discord.gatewaySessions()).toMatchObject({ identifies: 1, resumes: 1 });
  });

  it('makes discord.js IDENTIFY again after a non-resumable drop', async () => {
    const discord = await startDiscord();
    // discord.js spaces one client's IDENTIFYs 5 s apart (Discord's max_concurrency window); waiving that keeps this test fast.
    const client = await connectClient(discord, { ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => undefined }) } });
    const reconnected = once(client, Events.ShardReady);

    discord.dropGateway({ resumable: false });
    await reconnected;

    expect(discord.gatewaySessions()).toMatchObject({ identifies: 2, resumes: 0 });
  });

  it('returns the earlier message for a repeated nonce with enforce_nonce instead of posting twice', async () => {
    const { discord, client } = await started();
    const channel = await newsChannel(client);

    const first = await channel.send({ content: 'Morning briefing', nonce: 'brief-2026-01-01', enforceNonce: true });
    const second = await channel.send({ content: 'Morning briefing', nonce: 'brief-2026-01-01', enforceNonce: true });

    expect(second.id).toBe(first.id);
    expect(discord.channelMessages(NEWS)).toHaveLength(1);
  });

  it('posts a repeated nonce again once a test has made it forget its nonces', async () => {
    const { discord, client } = await started();
    const channel = await newsChannel(client);

    await channel.send({ content: 'Morning briefing', nonce: 'brief-2026-01-02', enforceNonce: true });
    discord.setNonceWindow(0);
    await channel.send({ content: 'Morning briefing', nonce: 'brief-2026-01-02', enforceNonce: true });

    expect(discord.channelMessages(NEWS)).toHaveLength(2);
  });

  it('posts a message whose answer it then loses, so that the resend finds it by its nonce', async () => {
    const { discord, client } = await started();
    discord.failNext({ method: 'POST', path: /^\/channels\/\d+\/messages$/ }, { status: 502, afterServing: true });

    const sent = await (await newsChannel(client)).send({ content: 'Evening briefing', nonce: 'brief-2026-01-03', enforceNonce: true });

    expect(discord.channelMessages(NEWS).map((message) => message.id)).toEqual([sent.id]);
    const posts = discord.requests.filter((request) => request.method === 'POST' && request.path === `/channels/${NEWS}/messages`);
    expect(posts.map((request) => request.status)).toEqual([502, 200]);
  });

  it('lets a plain channel post ping @everyone unless allowed mentions say otherwise', async () => {
    const { discord, client } = await started();
    const channel = await newsChannel(client);

    await channel.send({ content: '@everyone breaking' });
    await channel.send({ content: '@everyone breaking', allowedMentions: { parse: [] } });

    expect(discord.channelMessages(NEWS).map((message) => message.mention_everyone)).toEqual([true, false]);
  });
});

describe('the loopback Discord, sharded', () => {
  // (id >> 22) % 2: DEFAULT_GUILD's id falls on shard 1 of 2, this one on shard 0.
  const SHARD_0_GUILD = '1200000000004194305';
  const SHARD_0_NEWS = '1300000000000000011';
  const SHARDED: GuildSetup[] = [...GUILDS, { id: SHARD_0_GUILD, name: 'Even', ownerId: '1400000000000000001', channels: [{ id: SHARD_0_NEWS, name: 'news' }] }];

  const shardClient = (discord: LoopbackDiscord, shard: number): Promise<Client> => connectClient(discord, { shards: [shard], shardCount: discord.shardCount });

  /** Everything of one kind a client receives, in order. */
  function received<K extends keyof ClientEvents>(client: Client, event: K): Array<ClientEvents[K][0]> {
    const seen: Array<ClientEvents[K][0]> = [];
    client.on(event, (...args: ClientEvents[K]) => seen.push(args[0]));
    return seen;
  }

  /** The ids in every dispatch of a type a client's connection carries: raw, since discord.js drops an update for a channel it has not cached rather than emit it. */
  function rawDispatchIds(client: Client, type: string): Array<string | undefined> {
    const ids: Array<string | undefined> = [];
    client.on(Events.Raw, (packet: { t?: string; d?: { id?: string } }) => {
      if (packet.t === type) ids.push(packet.d?.id);
    });
    return ids;
  }

  it('recommends the shard count on GET /gateway/bot, with a session start limit that counts down with each IDENTIFY', async () => {
    const discord = await startDiscord({ guilds: SHARDED, shardCount: 2 });
    const rest = new REST({ api: discord.apiBase }).setToken(discord.token);

    const before = (await rest.get(Routes.gatewayBot())) as { url: string; shards: number; session_start_limit: Record<string, number> };
    await shardClient(discord, 0);
    const after = (await rest.get(Routes.gatewayBot())) as typeof before;

    expect(before).toMatchObject({ url: discord.gatewayUrl, shards: 2, session_start_limit: { total: 1000, remaining: 1000, max_concurrency: 1 } });
    expect(before.session_start_limit.reset_after).toBeGreaterThan(0);
    expect(after.session_start_limit.remaining).toBe(999);
  });

  it.each([
    ['an id beyond the count', { shards: [2], shardCount: 3 }],
    ['a count other than the bot must run', { shards: [0], shardCount: 3 }],
  ])('closes a connection that identifies with %s with 4010 Invalid shard', async (_case, shards) => {
    const discord = await startDiscord({ guilds: SHARDED, shardCount: 2 });
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiBase }, ...shards });
    cleanups.push(() => client.destroy());
    const disconnected = once(client, Events.ShardDisconnect);

    await expect(client.login(discord.token)).rejects.toThrow('Invalid shard');

    expect((await disconnected)[0]).toMatchObject({ code: GatewayCloseCodes.InvalidShard });
    expect(discord.gatewaySessions().identifies).toBe(0);
  });

  /** A bare connection that has identified, for what discord.js would never send or never show. */
  async function identifyByHand(discord: LoopbackDiscord, shard?: [number, number]): Promise<WebSocket> {
    const socket = new WebSocket(`${discord.gatewayUrl}?v=10&encoding=json`);
    cleanups.push(async () => socket.terminate());
    await once(socket, 'message');
    socket.send(JSON.stringify({ op: GatewayOpcodes.Identify, d: { token: discord.token, intents: GatewayIntentBits.Guilds, properties: { os: 'linux', browser: 'test', device: 'test' }, ...(shard ? { shard } : {}) } }));
    return socket;
  }

  it('closes an IDENTIFY that names no shard with 4011 Sharding required when the bot must shard', async () => {
    const discord = await startDiscord({ guilds: SHARDED, shardCount: 2 });

    const socket = await identifyByHand(discord);

    const [code] = (await once(socket, 'close')) as [number];
    expect(code).toBe(GatewayCloseCodes.ShardingRequired);
  });

  it('names the shard in READY and lists only its guilds there', async () => {
    const discord = await startDiscord({ guilds: SHARDED, shardCount: 2 });

    const socket = await identifyByHand(discord, [1, 2]);

    const [ready] = (await once(socket, 'message')) as [Buffer];
    expect(JSON.parse(String(ready))).toMatchObject({ t: 'READY', d: { shard: [1, 2], guilds: [{ id: GUILD, unavailable: true }] } });
  });

  it("makes each shard ready with its own guilds only", async () => {
    const discord = await startDiscord({ guilds: SHARDED, shardCount: 2 });

    const [zero, one] = [await shardClient(discord, 0), await shardClient(discord, 1)];

    expect([...zero.guilds.cache.keys()]).toEqual([SHARD_0_GUILD]);
    expect([...one.guilds.cache.keys()]).toEqual([GUILD]);
    expect(discord.gatewaySessions(0).identifies).toBe(1);
    expect(discord.gatewaySessions(1).identifies).toBe(1);
  });

  it("sends a guild's interaction only to the guild's shard, and records which shard that was", async () => {
    const discord = await startDiscord({ guilds: SHARDED, shardCount: 2 });
    const [zero, one] = [await shardClient(discord, 0), await shardClient(discord, 1)];
    const seenByZero = received(zero, Events.InteractionCreate);
    const arrivedAtOne = nextInteraction<ChatInputCommandInteraction>(one);
    const arrivedAtZero = nextInteraction<ChatInputCommandInteraction>(zero);

    const inShardOne = await discord.runCommand({ guildId: GUILD, channelId: NEWS, name: 'brief' });
    const inShardZero = await discord.runCommand({ guildId: SHARD_0_GUILD, channelId: SHARD_0_NEWS, name: 'topics' });

    expect([inShardOne.shard, inShardZero.shard]).toEqual([1, 0]);
    expect((await arrivedAtOne).id).toBe(inShardOne.id);
    // Shard 0's connection delivers in order: had the first interaction gone there too, it would have come first.
    expect((await arrivedAtZero).id).toBe(inShardZero.id);
    expect(seenByZero.map((interaction) => interaction.id)).toEqual([inShardZero.id]);
  });

  it("sends a channel's changes only to its guild's shard", async () => {
    const discord = await startDiscord({ guilds: SHARDED, shardCount: 2 });
    const [zero, one] = [await shardClient(discord, 0), await shardClient(discord, 1)];
    const seenByZero = rawDispatchIds(zero, 'CHANNEL_UPDATE');
    const updatedAtOne = once(one, Events.ChannelUpdate);
    const updatedAtZero = once(zero, Events.ChannelUpdate);

    discord.setBotCanPost(NEWS, false);
    discord.setBotCanPost(SHARD_0_NEWS, false);

    expect(((await updatedAtOne)[1] as TextChannel).id).toBe(NEWS);
    expect(((await updatedAtZero)[1] as TextChannel).id).toBe(SHARD_0_NEWS);
    expect(seenByZero).toEqual([SHARD_0_NEWS]);
  });

  it('drops only the shard it is told to, which RESUMEs while the other stays connected', async () => {
    const discord = await startDiscord({ guilds: SHARDED, shardCount: 2 });
    const [zero, one] = [await shardClient(discord, 0), await shardClient(discord, 1)];
    const resumed = once(one, Events.ShardResume);
    const reconnectingZero = received(zero, Events.ShardReconnecting);

    discord.dropGateway({ shard: 1 });
    await resumed;

    expect(discord.gatewaySessions(1).resumes).toBe(1);
    expect(discord.gatewaySessions(0).resumes).toBe(0);
    expect(reconnectingZero).toEqual([]);
  });
});

describe('the loopback rate limiter', () => {
  it('allows five messages per channel in five seconds and refuses the sixth until the window resets', () => {
    const limiter = createRateLimiter();
    const path = `/channels/${NEWS}/messages`;

    const verdicts = Array.from({ length: 6 }, () => limiter.admit('POST', path, true, 1_000));

    expect(verdicts.map((verdict) => verdict.headers['x-ratelimit-remaining'])).toEqual(['4', '3', '2', '1', '0', '0']);
    expect(verdicts[5]?.limited).toEqual({ retryAfterSeconds: 5, global: false });
    expect(limiter.admit('POST', path, true, 6_000).limited).toBeUndefined();
  });

  it('counts channels separately', () => {
    const limiter = createRateLimiter();
    for (let sent = 0; sent < 5; sent += 1) limiter.admit('POST', `/channels/${NEWS}/messages`, true, 0);

    expect(limiter.admit('POST', `/channels/${READ_ONLY}/messages`, true, 0).limited).toBeUndefined();
  });

  it('refuses the 51st request in a second as a global limit', () => {
    const limiter = createRateLimiter();
    for (let sent = 0; sent < 50; sent += 1) limiter.admit('GET', '/users/@me', true, 0);

    expect(limiter.admit('GET', '/users/@me', true, 500).limited).toEqual({ retryAfterSeconds: 0.5, global: true });
    expect(limiter.admit('POST', '/interactions/1/t/callback', false, 500).limited).toBeUndefined();
  });
});
