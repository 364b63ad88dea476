import { AllowedMentionsTypes, ApplicationCommandOptionType, ApplicationCommandType, ButtonStyle, ChannelType, ComponentType, InteractionResponseType, type APIApplicationCommandInteractionDataOption } from 'discord.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import type { Command } from '../../src/discord/command.ts';
import type { MessagePayload } from '../../src/discord/render/message-payload.ts';
import type { GuildSettings } from '../../src/store/guild-settings-repository.ts';
import { startHeraldOnLoopback, type HeraldOnLoopback } from '../support/discord/herald-on-loopback.ts';
import { ADMIN_PERMISSIONS, MEMBER_PERMISSIONS, type InteractionHandle, type Invoker, type StoredMessage } from '../support/discord/loopback-discord.ts';

/**
 * Every command and option Herald registers, read from the commands' own definitions (so a new command or
 * option is fuzzed without touching this file), given hostile values through the real discord.js client on
 * the loopback Discord; and presses on buttons whose custom ids are forged or garbled.
 *
 * FUZZ_RUNS sets the interactions generated per command (and for autocomplete, buttons and message commands);
 * the default keeps `npm test` cheap.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
/** Discord's deadline for the first answer; the loopback refuses a later callback with 10062 Unknown interaction, as Discord does. */
const ACK_DEADLINE_MS = 3_000;
/** A deferred answer may take a summariser's time; a page fetch that cannot resolve fails well within it. */
const FINAL_DEADLINE_MS = 20_000;

const HOME = '1200000000000000001';
const NEWS = '1300000000000000001';
const LOCKED = '1300000000000000002';
const FORUM = '1300000000000000005';
const VOICE_LIKE = '1300000000000000007';
const EDITORS = '1500000000000000001';
const OTHER_GUILD = '1200000000000000002';
const OTHER_NEWS = '1300000000000000003';
const OTHER_ROLE = '1500000000000000002';
const READER: Invoker = { id: '1400000000000000002', username: 'reader' };
const ADMIN: Invoker = { id: '1400000000000000009', username: 'editor' };

let herald: HeraldOnLoopback;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  const loaded = await loadConfig({ HERALD_STORE: 'memory:' });
  herald = await startHeraldOnLoopback({
    guilds: [
      {
        id: HOME,
        name: 'Newsroom',
        ownerId: '1400000000000000001',
        roles: [{ id: EDITORS, name: 'editors' }],
        channels: [
          { id: NEWS, name: 'news' },
          { id: LOCKED, name: 'locked', botCanPost: false },
          { id: FORUM, name: 'digests', type: ChannelType.GuildForum },
          { id: VOICE_LIKE, name: 'folder', type: ChannelType.GuildCategory },
        ],
      },
      { id: OTHER_GUILD, name: 'Elsewhere', ownerId: '1400000000000000005', roles: [{ id: OTHER_ROLE, name: 'elsewhere-mods' }], channels: [{ id: OTHER_NEWS, name: 'general' }] },
    ],
    config: { ...loaded, ingest: { ...loaded.ingest, seedFirstPoll: false } },
  });
  await herald.app.ingestAll();
  await herald.bot.login(herald.discord.token);
}, 60_000);

afterAll(async () => {
  await herald?.close();
  process.off('unhandledRejection', onUnhandled);
});

// ---------------------------------------------------------------------------------------------------------
// Hostile values

const SNOWFLAKE_LIKE = ['0', '-1', '1', 'abc', '12000000000000000001234', '99999999999999999999', '1200000000000000001 ', '１２００００００００００００００００１', ''];
const CONTROL = fc.array(fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)), { minLength: 1, maxLength: 40 }).map((chars) => chars.join(''));
const MARKUP = fc.constantFrom(
  '@everyone',
  '@here',
  `<@${READER.id}>`,
  `<@&${EDITORS}>`,
  `<@&${HOME}>`,
  `<#${OTHER_NEWS}>`,
  '**bold** __under__ ~~strike~~ ||spoiler||',
  '```js\nprocess.exit(1)\n```',
  '# heading\n> quote\n- item',
  '[click](https://evil.example/)',
  '<t:9999999999999:R>',
  '\u202eevil\u202c',
  '\u200b\u200b\u200b',
  'ｈｔｔｐｓ://example.com',
  '../../../../etc/passwd',
  "'; DROP TABLE articles; --",
  '%00%0d%0a',
  'javascript:alert(1)',
  'http://127.0.0.1:1/private',
  'http://[::1]/',
  'file:///etc/passwd',
  'https://example.invalid/feed.xml',
  'all',
  'ALL',
  'instant',
  '08:00,18:00',
  '* * * * * *',
  '/(a+)+$/',
  'Europe/London',
  'Mars/Olympus_Mons',
);
const stale = fc.constantFrom('deadbeef', 'https://gone.example/feed', 'Atlantis', 'Storm Agnes', 'server', 'xx');

/** Strings of every hostile kind, and some ordinary ones, so that a valid answer is exercised too. */
const hostileString = fc.oneof(
  fc.constant(''),
  fc.constant('   '),
  fc.constant('x'.repeat(6_000)),
  fc.string({ unit: 'grapheme', maxLength: 6_000 }).map((text) => text.padEnd(6_000, '🗞')),
  CONTROL,
  MARKUP,
  fc.constantFrom(...SNOWFLAKE_LIKE),
  stale,
  fc.tuple(MARKUP, CONTROL, MARKUP).map((parts) => parts.join('')),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.webUrl(),
);

const hostileInteger = fc.oneof(fc.integer(), fc.constantFrom(0, -1, 1, 10, 11, 25, 26, 1_441, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER), fc.double({ noNaN: true, noDefaultInfinity: true }));
const hostileChannel = fc.constantFrom(NEWS, LOCKED, FORUM, VOICE_LIKE, OTHER_NEWS, ...SNOWFLAKE_LIKE, '1300000000000000999');
const hostileRole = fc.constantFrom(HOME, EDITORS, OTHER_GUILD, OTHER_ROLE, ...SNOWFLAKE_LIKE, '1500000000000000999');
const hostileName = fc.oneof(fc.constantFrom('zzz', 'drop', 'add ', 'ADD', '__proto__', 'constructor'), fc.stringMatching(/^[a-z][a-z0-9-]{0,31}$/));

interface OptionJson {
  type: number;
  name: string;
  required?: boolean;
  autocomplete?: boolean;
  choices?: Array<{ value: string | number }>;
  options?: OptionJson[];
}

function valueFor(option: OptionJson): fc.Arbitrary<string | number | boolean> {
  const choices = (option.choices ?? []).map((choice) => choice.value);
  const withChoices = <T extends string | number>(hostile: fc.Arbitrary<T>): fc.Arbitrary<T> => (choices.length ? fc.oneof(fc.constantFrom(...(choices as T[])), hostile) : hostile);
  switch (option.type) {
    case ApplicationCommandOptionType.String:
      return withChoices(hostileString);
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number:
      return withChoices(hostileInteger);
    case ApplicationCommandOptionType.Boolean:
      return fc.boolean();
    case ApplicationCommandOptionType.Channel:
      return hostileChannel;
    case ApplicationCommandOptionType.Role:
    case ApplicationCommandOptionType.Mentionable:
      return hostileRole;
    case ApplicationCommandOptionType.User:
      return fc.constantFrom(READER.id, ADMIN.id, ...SNOWFLAKE_LIKE);
    default:
      return hostileString;
  }
}

/** Values for a list of options: each required one, some optional ones, now and then one Herald never defined. */
function valuesFor(options: OptionJson[]): fc.Arbitrary<APIApplicationCommandInteractionDataOption[]> {
  const given = options.map((option) =>
    fc.tuple(option.required ? fc.constant(true) : fc.boolean(), valueFor(option)).map(([present, value]) => (present ? [{ name: option.name, type: option.type, value }] : [])),
  );
  const unknown = fc.option(fc.tuple(hostileName, hostileString).map(([name, value]) => ({ name, type: ApplicationCommandOptionType.String, value })), { freq: 6, nil: undefined });
  return fc.tuple(fc.tuple(...given), unknown).map(([lists, extra]) => [...lists.flat(), ...(extra ? [extra] : [])] as APIApplicationCommandInteractionDataOption[]);
}

const isSubcommand = (option: OptionJson): boolean => option.type === ApplicationCommandOptionType.Subcommand || option.type === ApplicationCommandOptionType.SubcommandGroup;

/** A use of the command: one of its subcommands, one it never had, or none at all, with generated values. */
function optionsArbitrary(definition: { options?: OptionJson[] }): fc.Arbitrary<APIApplicationCommandInteractionDataOption[]> {
  const options = definition.options ?? [];
  const subcommands = options.filter(isSubcommand);
  if (!subcommands.length) return valuesFor(options);
  const known = subcommands.map((sub) => valuesFor(sub.options ?? []).map((values) => [{ name: sub.name, type: ApplicationCommandOptionType.Subcommand, options: values }]));
  const unknown = fc.tuple(hostileName, valuesFor([])).map(([name, values]) => [{ name, type: ApplicationCommandOptionType.Subcommand, options: values }]);
  return fc.oneof({ arbitrary: fc.oneof(...known), weight: 4 }, unknown, fc.constant([])) as fc.Arbitrary<APIApplicationCommandInteractionDataOption[]>;
}

/** Autocomplete focused on each option that offers it, with what is typed (or a value that has gone stale). */
function autocompleteArbitrary(definition: { options?: OptionJson[] }): fc.Arbitrary<APIApplicationCommandInteractionDataOption[]> | undefined {
  const focusable = (options: OptionJson[], within?: string): Array<fc.Arbitrary<APIApplicationCommandInteractionDataOption[]>> =>
    options.flatMap((option) => {
      if (isSubcommand(option)) return focusable(option.options ?? [], option.name);
      if (!option.autocomplete) return [];
      const focused = fc.oneof(hostileString, stale).map((value) => ({ name: option.name, type: option.type, value, focused: true }));
      return [focused.map((entry) => (within ? [{ name: within, type: ApplicationCommandOptionType.Subcommand, options: [entry] }] : [entry]) as APIApplicationCommandInteractionDataOption[])];
    });
  const all = focusable(definition.options ?? []);
  return all.length ? fc.oneof(...all) : undefined;
}

const invoker = fc.constantFrom({ user: READER, permissions: MEMBER_PERMISSIONS }, { user: ADMIN, permissions: ADMIN_PERMISSIONS });
const locale = fc.constantFrom('en-US', 'fr', 'de', 'pt-BR', 'ja');

// ---------------------------------------------------------------------------------------------------------
// What must hold for every interaction

/** What a refusal may not change: both servers' settings, and the invoker's follows in each. */
async function snapshot(userId: string): Promise<string> {
  const { guilds, follows } = herald.app.services;
  const settings: GuildSettings[] = await Promise.all([HOME, OTHER_GUILD].map((guildId) => guilds.get(guildId)));
  const followed = await Promise.all([HOME, OTHER_GUILD].map((guildId) => follows.get(guildId, userId)));
  return JSON.stringify({ settings, followed });
}

const HOME_CHANNELS = [NEWS, LOCKED, FORUM, VOICE_LIKE];
const HOME_ROLES = [HOME, EDITORS];

/** What the home server's settings name that is not the home server's: a digest would go to, or ping, another server. */
async function foreignReferences(): Promise<string[]> {
  const { schedules } = await herald.app.services.guilds.get(HOME);
  return schedules.flatMap((schedule) => [
    ...(HOME_CHANNELS.includes(schedule.channelId) ? [] : [`channel ${schedule.channelId}`]),
    ...(schedule.mentionRoleId === undefined || HOME_ROLES.includes(schedule.mentionRoleId) ? [] : [`role ${schedule.mentionRoleId}`]),
  ]);
}

const isRefusal = (message: StoredMessage): boolean => message.content.startsWith('⚠️');
const isEphemeral = (message: StoredMessage): boolean => ((message.flags ?? 0) & 64) === 64;
const isLoading = (message: StoredMessage): boolean => ((message.flags ?? 0) & 128) === 128;

/** Whether the message could notify anyone: any mention type parsed, or users or roles allowed by id. */
function couldPing(message: StoredMessage): boolean {
  const allowed = message.allowed_mentions;
  // Interaction webhooks parse user mentions when the bot sends no allowed_mentions at all.
  const parse = allowed?.parse ?? (allowed ? [] : [AllowedMentionsTypes.User]);
  return parse.length > 0 || (allowed?.users?.length ?? 0) > 0 || (allowed?.roles?.length ?? 0) > 0;
}

/**
 * Runs one interaction and checks what every interaction owes its user: a first answer within Discord's 3 s,
 * a final answer (not "thinking…") Discord accepted, no ping, a refusal only in private and with nothing
 * changed, and no failure Herald did not explain.
 */
async function checkAnswered(userId: string, start: () => Promise<InteractionHandle>, describeInput: () => string): Promise<void> {
  const before = await snapshot(userId);
  const firstRequest = herald.discord.requests.length;
  const handle = await start();
  const where = `for ${describeInput()}`;
  const response = await handle.response(ACK_DEADLINE_MS + 500);
  if (response.type !== InteractionResponseType.ApplicationCommandAutocompleteResult) {
    await waitForFinal(handle);
    await herald.bot.interactionsSettled();
    const messages = handle.messages();
    expect(messages.length, `no answer ${where}`).toBeGreaterThan(0);
    for (const message of messages) {
      expect(isLoading(message), `still "thinking…" ${where}`).toBe(false);
      expect(couldPing(message), `a reply that could ping ${where}: ${JSON.stringify(message.allowed_mentions)}`).toBe(false);
      expect(message.content, `an unexplained failure ${where}`).not.toMatch(/Something went wrong/);
      if (isRefusal(message)) expect(isEphemeral(message), `a public refusal ${where}`).toBe(true);
    }
    if (messages.some(isRefusal)) expect(await snapshot(userId), `a refusal that changed settings ${where}`).toBe(before);
  }
  expect(await foreignReferences(), `settings naming another server's channel or role ${where}`).toEqual([]);
  await herald.bot.interactionsSettled();
  const refused = herald.discord.requests.slice(firstRequest).filter((request) => request.status >= 400);
  expect(refused.map((request) => `${request.method} ${request.path} ${request.status}`), `requests Discord refused ${where}`).toEqual([]);
  expect(unhandled, `unhandled rejections ${where}`).toEqual([]);
}

async function waitForFinal(handle: InteractionHandle): Promise<void> {
  const started = Date.now();
  while (!handle.messages().some((message) => !isLoading(message))) {
    if (Date.now() - started > FINAL_DEADLINE_MS) throw new Error(`no final answer within ${FINAL_DEADLINE_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const show = (value: unknown): string => JSON.stringify(value, (_key, field: unknown) => (typeof field === 'string' && field.length > 120 ? `${field.slice(0, 60)}…(${field.length} chars)` : field));

// ---------------------------------------------------------------------------------------------------------

interface Definition {
  name: string;
  type?: number;
  options?: OptionJson[];
}

const definitions = (): Array<[string, Command, Definition]> => [...herald.commands].map(([name, command]) => [name, command, command.data.toJSON() as Definition]);

describe('every slash command, given hostile values', () => {
  it('answers each within 3 s, validly, privately when it refuses, and a refusal changes nothing', async () => {
    for (const [name, , definition] of definitions()) {
      if (definition.type !== undefined && definition.type !== ApplicationCommandType.ChatInput) continue;
      await fc.assert(
        fc.asyncProperty(optionsArbitrary(definition), invoker, locale, async (options, who, language) => {
          await checkAnswered(
            who.user.id,
            () => herald.discord.runCommand({ guildId: HOME, channelId: NEWS, name, options, locale: language, ...who }),
            () => `/${name} ${show(options)} by ${who.user.username}`,
          );
        }),
        { numRuns: RUNS },
      );
    }
  }, 600_000);

  it('never takes a channel or role of another server, even when every other option is valid', async () => {
    const valid = { time: fc.constantFrom('08:00', 'instant', '07:30 weekdays'), timezone: fc.constantFrom('UTC', 'Europe/London') };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(NEWS, FORUM, OTHER_NEWS), fc.constantFrom(undefined, EDITORS, HOME, OTHER_GUILD, OTHER_ROLE), valid.time, valid.timezone, async (channel, role, time, timezone) => {
        const options = [
          { name: 'set', type: ApplicationCommandOptionType.Subcommand, options: [
            { name: 'channel', type: ApplicationCommandOptionType.Channel, value: channel },
            { name: 'time', type: ApplicationCommandOptionType.String, value: time },
            { name: 'timezone', type: ApplicationCommandOptionType.String, value: timezone },
            ...(role === undefined ? [] : [{ name: 'mention', type: ApplicationCommandOptionType.Role, value: role }]),
          ] },
        ] as APIApplicationCommandInteractionDataOption[];
        await checkAnswered(ADMIN.id, () => herald.discord.runCommand({ guildId: HOME, channelId: NEWS, name: 'schedule', options, user: ADMIN, permissions: ADMIN_PERMISSIONS }), () => `/schedule set ${show(options)}`);
        // Schedules taken are let go, so that the server's cap of 25 never turns the next one down for another reason.
        await herald.app.services.guilds.update(HOME, (settings) => ({ ...settings, schedules: [] }));
        await herald.app.services.reschedule(HOME);
      }),
      { numRuns: RUNS },
    );
  }, 600_000);

  it('answers autocomplete, focused on any option with any typed or stale value, with choices Discord accepts', async () => {
    for (const [name, command, definition] of definitions()) {
      const arbitrary = command.autocomplete && autocompleteArbitrary(definition);
      if (!arbitrary) continue;
      await fc.assert(
        fc.asyncProperty(arbitrary, invoker, async (options, who) => {
          await checkAnswered(
            who.user.id,
            () => herald.discord.autocomplete({ guildId: HOME, channelId: NEWS, name, options, ...who }),
            () => `autocomplete /${name} ${show(options)}`,
          );
        }),
        { numRuns: RUNS },
      );
    }
  }, 600_000);

  it('answers a command it does not have with a private explanation', async () => {
    await fc.assert(
      fc.asyncProperty(hostileName, invoker, async (name, who) => {
        fc.pre(!herald.commands.has(name));
        await checkAnswered(who.user.id, () => herald.discord.runCommand({ guildId: HOME, channelId: NEWS, name, ...who }), () => `unknown /${name}`);
      }),
      { numRuns: RUNS },
    );
  }, 600_000);

  it('answers every message command on a message of any content', async () => {
    for (const [name, , definition] of definitions()) {
      if (definition.type !== ApplicationCommandType.Message) continue;
      await fc.assert(
        fc.asyncProperty(fc.oneof(hostileString, fc.tuple(hostileString, fc.webUrl()).map(([text, url]) => `${text.slice(0, 1_000)} ${url}`)), invoker, async (content, who) => {
          await checkAnswered(
            who.user.id,
            () => herald.discord.runMessageCommand({ guildId: HOME, channelId: NEWS, name, message: { content: content.slice(0, 2_000) }, ...who }),
            () => `"${name}" on ${show(content)}`,
          );
        }),
        { numRuns: RUNS },
      );
    }
  }, 600_000);
});

// ---------------------------------------------------------------------------------------------------------
// Buttons

/** Custom ids Herald might once have made, or never did: its commands' names with forged actions and data, and garbage. */
const forgedId = (commandNames: string[]): fc.Arbitrary<string> =>
  fc
    .oneof(
      fc.tuple(fc.constantFrom(...commandNames), fc.constantFrom('more', 'page', 'stored', 'share', 'link', 'mute', 'unfollow', 'x', ''), fc.oneof(hostileString, fc.constantFrom(...SNOWFLAKE_LIKE))).map(([command, action, data]) => `${command}:${action}:${data}`),
      fc.tuple(fc.constantFrom('news:page:', 'search:page:'), fc.oneof(fc.integer({ min: -5, max: 100_000 }).map(String), fc.constant('')), fc.constantFrom(':', '::'), hostileString).map((parts) => parts.join('')),
      fc.tuple(fc.constantFrom(...commandNames), fc.constantFrom(':', '::', ':::')).map(([command, colons]) => `${command}${colons}`),
      hostileString,
    )
    .map((id) => [...id].slice(0, 100).join(''))
    .filter((id) => id.length > 0 && id.length <= 100);

/** A row of up to 5 buttons: Discord lets a channel take 5 messages in 5 s, so each message carries several presses. */
function messageWithButtons(customIds: string[]): MessagePayload {
  return {
    content: 'A message Herald posted, with buttons it may no longer make.',
    allowed_mentions: { parse: [] },
    components: [{ type: ComponentType.ActionRow, components: customIds.map((customId) => ({ type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Press', custom_id: customId })) }],
  };
}

const hasButton = (message: StoredMessage | undefined, customId: string): message is StoredMessage =>
  JSON.stringify(message?.components ?? []).includes(JSON.stringify(customId));

describe('buttons with forged or garbled custom ids', () => {
  it('are answered within 3 s, refused in private, and change nothing', async () => {
    const names = [...herald.commands.keys()];
    let posted = 0;
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(forgedId(names), { minLength: 1, maxLength: 5 }), invoker, async (customIds, who) => {
        posted += 1;
        const { messageId } = await herald.bot.poster.post(NEWS, messageWithButtons(customIds), `fuzz-${posted}`);
        for (const customId of customIds) {
          // A press answered by changing the message in place (a page turned) leaves the rest of its buttons gone.
          const message = herald.discord.message(messageId);
          if (!hasButton(message, customId)) break;
          await checkAnswered(
            who.user.id,
            () => herald.discord.pressButton({ guildId: HOME, channelId: NEWS, message, customId, ...who }),
            () => `button ${show(customId)} pressed by ${who.user.username}`,
          );
        }
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
