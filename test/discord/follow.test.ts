import { REST, type APIApplicationCommandInteractionDataOption, type APIEmbed } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { deployCommands } from '../../src/discord/deploy-commands.ts';
import type { HeraldApp } from '../../src/herald-app.ts';
import { buildArticle } from '../../src/ingest/build-article.ts';
import { option, startHeraldOnLoopback, sub, type HeraldOnLoopback } from '../support/discord/herald-on-loopback.ts';
import { ADMIN_PERMISSIONS, MEMBER_PERMISSIONS, type CommandInput, type Invoker, type LoopbackDiscord, type StoredMessage } from '../support/discord/loopback-discord.ts';
import { DETAILS, STORIES } from '../support/local-stories.ts';

const GUILD = '1200000000000000001';
const NEWS = '1300000000000000001';
const LOCKED = '1300000000000000002';
const SIDE = '1300000000000000004';
const OTHER_GUILD = '1200000000000000002';
const OTHER_NEWS = '1300000000000000003';
const ADMIN: Invoker = { id: '1400000000000000009', username: 'editor' };
const STORIES_PER_DAY = 3;
const DAY = 86_400_000;

let herald: HeraldOnLoopback;
let discord: LoopbackDiscord;
let app: HeraldApp;
/** Herald's clock, moved on by the tests: a day passes in a line. */
let clock = Date.now();
let members = 0;

beforeAll(async () => {
  const loaded = await loadConfig({ HERALD_STORE: 'memory:' });
  herald = await startHeraldOnLoopback({
    guilds: [
      { id: GUILD, name: 'Newsroom', ownerId: '1400000000000000001', channels: [{ id: NEWS, name: 'news' }, { id: LOCKED, name: 'locked', botCanPost: false }, { id: SIDE, name: 'side' }] },
      { id: OTHER_GUILD, name: 'Elsewhere', ownerId: '1400000000000000005', channels: [{ id: OTHER_NEWS, name: 'general' }] },
    ],
    // The sample articles stand for news that arrived after the follows were made, not for a backlog to hold back.
    config: { ...loaded, ingest: { ...loaded.ingest, seedFirstPoll: false }, follows: { ...loaded.follows, storiesPerDay: STORIES_PER_DAY } },
    now: () => new Date(clock),
  });
  ({ discord, app } = herald);
  await app.ingestAll();
  await herald.bot.login(discord.token);
  await deployCommands(new REST({ api: discord.apiBase }).setToken(discord.token), herald.commands, { clientId: discord.applicationId });
}, 30_000);

afterAll(async () => {
  await herald?.close();
});

/** A member of the server no other test uses. */
function newMember(): Invoker {
  members += 1;
  return { id: `14100000000000000${String(members).padStart(2, '0')}`, username: `reader${members}` };
}

const as = (user: Invoker, input: Omit<CommandInput, 'guildId' | 'channelId' | 'user'>, guildId = GUILD, channelId = NEWS): CommandInput => ({ guildId, channelId, user, permissions: MEMBER_PERMISSIONS, ...input });
const asAdmin = (input: Omit<CommandInput, 'guildId' | 'channelId'>): CommandInput => ({ guildId: GUILD, channelId: NEWS, user: ADMIN, permissions: ADMIN_PERMISSIONS, ...input });

/** A boolean option, as Discord sends it. */
const flag = (name: string, value: boolean) => ({ name, type: 5, value }) as APIApplicationCommandInteractionDataOption;

async function reply(input: CommandInput): Promise<StoredMessage> {
  return (await discord.runCommand(input)).waitForOriginal();
}

const follow = (user: Invoker, topic: string, where?: 'dm' | 'here') => reply(as(user, { name: 'follow', options: [sub('add', [option('topic', topic), ...(where ? [option('where', where)] : [])])] }));

function isEphemeral(message: StoredMessage | undefined): boolean {
  return ((message?.flags ?? 0) & 64) === 64;
}

function titles(messages: StoredMessage[]): string[] {
  return messages.flatMap((message) => ((message.embeds ?? []) as APIEmbed[]).map((embed) => embed.title ?? ''));
}

/** A story that arrives now, from a source every server reads: one of the local stories, or one told here. */
async function arrives(index: number, told?: { title: string; body: string }): Promise<void> {
  clock += 1_000;
  const title = told?.title ?? STORIES[index]![0];
  const body = told?.body ?? `${STORIES[index]![1]} ${DETAILS[index]}`;
  await app.engine.articles.add(
    buildArticle({ title, url: `https://local.example/follow-${index}`, paragraphs: [body], alsoRead: [] }, { source: { kind: 'feed', location: 'config/samples/local.json' }, fetchedAt: new Date(clock) }),
  );
  clock += 1_000;
}

/** The buttons under a message, by label. */
function buttons(message: StoredMessage | undefined): Map<string, string> {
  const rows = (message?.components ?? []) as Array<{ components: Array<{ label?: string; custom_id?: string }> }>;
  return new Map(rows.flatMap((row) => row.components.map((button): [string, string] => [button.label ?? '', button.custom_id ?? ''])));
}

const QUARRYDALE = [
  { title: 'Quarrydale council approves bus lanes along the high street after a two-year consultation', body: 'Councillors voted nine to four for the lanes, which will run from the station to the hospital and open in the spring, the council said on Tuesday.' },
  { title: 'Quarrydale bakery wins the national bread award with a sourdough made from local rye', body: 'The family bakery has baked on the same corner since 1952, and its owners said orders had arrived from as far as Cornwall within an hour of the prize.' },
  { title: 'Quarrydale reservoir reopens to anglers after a summer of algae warnings and low water', body: 'The water company lifted its warning after weeks of tests, and the angling club said three hundred permits were sold on the first morning.' },
  { title: 'Quarrydale choir sings at the royal albert hall for the first time in its ninety years', body: 'Forty singers, the youngest eleven and the oldest eighty-seven, travelled by coach overnight and rehearsed in a car park before the concert.' },
];

describe('following a topic, as a member', () => {
  it('suggests trending topics as the topic is typed', async () => {
    const handle = await discord.autocomplete(as(newMember(), { name: 'follow', options: [sub('add', [{ name: 'topic', type: 3, value: 'kor', focused: true } as APIApplicationCommandInteractionDataOption])] }));
    const response = (await handle.response()) as { data: { choices: Array<{ name: string }> } };
    expect(response.data.choices.map((choice) => choice.name)).toContain('North Korea');
  });

  it('sends a matching story that arrives as one direct message, naming the server and pinging no one, and only once', async () => {
    const reader = newMember();
    const answer = await follow(reader, 'Ashford');
    expect(isEphemeral(answer)).toBe(true);
    expect(answer.content).toContain('Following **Ashford**');
    await arrives(0);
    await app.follows!.pass();
    expect(discord.directMessages(reader.id)).toHaveLength(1);
    const [dm] = discord.directMessages(reader.id);
    expect(dm?.content).toContain('New on what you follow in Newsroom:** Ashford');
    expect(titles([dm!])).toEqual([STORIES[0]![0]]);
    expect(dm?.allowed_mentions?.parse).toEqual([]);
    expect([...buttons(dm).keys()]).toEqual(['Mute Ashford for a day', 'Unfollow Ashford']);
    await app.follows!.pass();
    expect(discord.directMessages(reader.id)).toHaveLength(1);
  });

  it('sends no more than the day’s allowance in one bundle, and the rest the next day', async () => {
    const reader = newMember();
    for (const place of ['Brixham', 'Carlisle', 'Dunmore', 'Elgin']) await follow(reader, place);
    for (const index of [1, 2, 3, 4]) await arrives(index);
    await app.follows!.pass();
    expect(discord.directMessages(reader.id)).toHaveLength(1);
    expect(titles(discord.directMessages(reader.id))).toHaveLength(STORIES_PER_DAY);
    clock += DAY / 2;
    await app.follows!.pass();
    expect(discord.directMessages(reader.id)).toHaveLength(1);
    clock += DAY / 2;
    await app.follows!.pass();
    const all = titles(discord.directMessages(reader.id));
    expect(all).toHaveLength(4);
    expect(new Set(all).size).toBe(4);
  });

  it('answers a member in their Discord’s language, and sends their bundles in it', async () => {
    const reader = newMember();
    const answer = await reply({ ...as(reader, { name: 'follow', options: [sub('add', [option('topic', 'Quarrydale bakery')])] }), locale: 'fr' });
    expect(answer.content).toContain('Vous suivez **Quarrydale bakery**');
    await arrives(120, { title: 'Quarrydale bakery opens a second shop by the station after its bread award', body: 'The new shop will bake through the night so that commuters on the first train can buy rolls still warm from the oven.' });
    await app.follows!.pass();
    const dm = await discord.waitForDirectMessage(reader.id);
    expect(dm.content).toContain('Du nouveau sur ce que vous suivez sur Newsroom');
    expect([...buttons(dm).keys()]).toEqual(['Mettre Quarrydale bakery en sourdine un jour', 'Ne plus suivre Quarrydale bakery']);
  });

  it('keeps follows private: every reply is ephemeral and no one else sees them', async () => {
    const reader = newMember();
    await follow(reader, 'Falmouth');
    const list = await reply(as(reader, { name: 'follow', options: [sub('list')] }));
    expect(isEphemeral(list)).toBe(true);
    expect(list.content).toContain('**Falmouth** · by direct message');
    const someoneElse = await reply(as(newMember(), { name: 'follow', options: [sub('list')] }));
    expect(someoneElse.content).not.toContain('Falmouth');
    const status = await reply(asAdmin({ name: 'status' }));
    expect(JSON.stringify(status)).not.toContain('Falmouth');
  });

  it('pauses the follows of a member whose direct messages are closed, explains once on their next command, and resumes on request', async () => {
    const reader = newMember();
    await follow(reader, 'Girvan');
    discord.setDmsOpen(reader.id, false);
    await arrives(6);
    await app.follows!.pass();
    expect(discord.directMessages(reader.id)).toEqual([]);
    const next = await discord.runCommand(as(reader, { name: 'topics' }));
    const notice = await next.waitForFollowUp((message) => (message.content ?? '').includes('direct messages are closed'));
    expect(isEphemeral(notice)).toBe(true);
    // Once: told, it is owed no more, so no later command can tell it again (rather than waiting a while to see none does).
    expect((await app.engine.follows.get(GUILD, reader.id)).notice).toBeUndefined();
    await app.follows!.pass();
    expect(discord.directMessages(reader.id)).toEqual([]);
    discord.setDmsOpen(reader.id, true);
    expect((await reply(as(reader, { name: 'follow', options: [sub('resume')] }))).content).toContain('back on');
    await app.follows!.pass();
    expect(titles(discord.directMessages(reader.id))).toEqual([STORIES[6]![0]]);
  });

  it('forgets the follows of a member who left the server, and sends them nothing', async () => {
    const reader = newMember();
    await follow(reader, 'Hexham');
    discord.removeMember(GUILD, reader.id);
    await arrives(7);
    await app.follows!.pass();
    expect(discord.directMessages(reader.id)).toEqual([]);
    expect((await app.engine.follows.get(GUILD, reader.id)).follows).toEqual([]);
  });

  it('offers a member only their own follows to remove', async () => {
    const reader = newMember();
    await follow(reader, 'Ilkley');
    await follow(newMember(), 'Jarrow');
    const handle = await discord.autocomplete(as(reader, { name: 'follow', options: [sub('remove', [{ name: 'topic', type: 3, value: '', focused: true } as APIApplicationCommandInteractionDataOption])] }));
    const response = (await handle.response()) as { data: { choices: Array<{ value: string }> } };
    expect(response.data.choices.map((choice) => choice.value)).toEqual(['Ilkley', 'all']);
  });

  it('removes one follow, or all of them', async () => {
    const reader = newMember();
    await follow(reader, 'Ilkley');
    await follow(reader, 'Jarrow');
    expect((await reply(as(reader, { name: 'follow', options: [sub('remove', [option('topic', 'ilkley')])] }))).content).toContain('No longer following');
    expect((await app.engine.follows.get(GUILD, reader.id)).follows.map((each) => each.topic)).toEqual(['Jarrow']);
    const all = await reply(as(reader, { name: 'follow', options: [sub('remove', [option('topic', 'all')])] }));
    expect(isEphemeral(all)).toBe(true);
    expect((await reply(as(reader, { name: 'follow', options: [sub('list')] }))).content).toContain('You follow nothing in this server yet');
  });

  it('finishes a bundle cut short with its own nonce, so that a message already posted is not posted twice', async () => {
    const reader = newMember();
    await follow(reader, 'Keswick');
    await arrives(10);
    const dm = await herald.bot.contact.directChannel(reader.id);
    // Every attempt at this member's message fails, the REST client's retries included: the bundle stays journaled.
    discord.failNext({ method: 'POST', path: new RegExp(`^/channels/${dm}/messages$`) }, { status: 503 }, 4);
    await app.follows!.pass();
    expect(discord.directMessages(reader.id)).toEqual([]);
    const [journaled] = (await app.engine.follows.get(GUILD, reader.id)).pending;
    expect(journaled?.stories).toBe(1);
    // As if a process had posted it and died before recording it.
    await herald.bot.poster.post(dm, journaled!.messages[0]!, journaled!.nonces[0]!);
    await app.follows!.pass();
    expect(discord.directMessages(reader.id)).toHaveLength(1);
    expect((await app.engine.follows.get(GUILD, reader.id)).pending).toEqual([]);
  });

  it('forgets every follow of a server Herald leaves', async () => {
    const reader = newMember();
    await follow(reader, 'Lanark');
    await reply(as(reader, { name: 'follow', options: [sub('add', [option('topic', 'Lanark')])] }, OTHER_GUILD, OTHER_NEWS));
    discord.leaveGuild(OTHER_GUILD);
    await vi.waitFor(async () => expect((await app.engine.follows.get(OTHER_GUILD, reader.id)).follows).toEqual([]), { timeout: 5_000 });
    expect((await app.engine.follows.get(GUILD, reader.id)).follows).toHaveLength(1);
  });
});

describe('the buttons under a bundle', () => {
  /** A member following Quarrydale, who has just been sent its first story by direct message. */
  async function sentQuarrydale(index: number): Promise<{ reader: Invoker; dm: StoredMessage }> {
    const reader = newMember();
    await follow(reader, 'Quarrydale');
    await arrives(100 + index, QUARRYDALE[index]);
    await app.follows!.pass();
    return { reader, dm: await discord.waitForDirectMessage(reader.id) };
  }

  const press = (reader: Invoker, dm: StoredMessage, label: string) => discord.pressButton({ guildId: null, channelId: dm.channel_id, user: reader, message: dm, customId: buttons(dm).get(label)! });

  it('mutes the topic for a day: what arrives meanwhile is not sent, what arrives after is', async () => {
    const { reader, dm } = await sentQuarrydale(0);
    const answer = await (await press(reader, dm, 'Mute Quarrydale for a day')).waitForOriginal();
    expect(isEphemeral(answer)).toBe(true);
    expect(answer.content).toContain('**Quarrydale** is muted until');
    await arrives(101, QUARRYDALE[1]);
    await app.follows!.pass();
    expect(discord.directMessages(reader.id)).toHaveLength(1);
    clock += DAY;
    await app.follows!.pass();
    expect(discord.directMessages(reader.id)).toHaveLength(1);
    await arrives(102, QUARRYDALE[2]);
    await app.follows!.pass();
    expect(titles(discord.directMessages(reader.id))).toEqual([QUARRYDALE[0]!.title, QUARRYDALE[2]!.title]);
  });

  it('unfollows the topic from the direct message', async () => {
    const { reader, dm } = await sentQuarrydale(3);
    const answer = await (await press(reader, dm, 'Unfollow Quarrydale')).waitForOriginal();
    expect(answer.content).toContain('No longer following **Quarrydale**');
    expect((await app.engine.follows.get(GUILD, reader.id)).follows).toEqual([]);
    expect((await (await press(reader, dm, 'Unfollow Quarrydale')).waitForOriginal()).content).toContain('You no longer follow that topic');
  });
});

describe('follows, as an admin', () => {
  // Each test starts from Herald's defaults for the server, whatever the admin of the test before chose.
  afterEach(async () => {
    await app.guilds.update(GUILD, ({ follows: _chosen, ...settings }) => settings);
    discord.setBotCanPost(SIDE, true);
  });

  it('refuses /follow settings to a member without Manage Server', async () => {
    const answer = await reply(as(newMember(), { name: 'follow', options: [sub('settings', [flag('enabled', false)])] }));
    expect(answer.content).toContain('Manage Server');
    expect((await app.guilds.get(GUILD)).follows?.enabled).toBeUndefined();
  });

  it('turns follows off, and a member asking to follow is told why', async () => {
    const set = await reply(asAdmin({ name: 'follow', options: [sub('settings', [flag('enabled', false)])] }));
    expect(isEphemeral(set)).toBe(true);
    expect(set.content).toContain('Follows in this server: off');
    const refused = await follow(newMember(), 'Brixham');
    expect(isEphemeral(refused)).toBe(true);
    expect(refused.content).toContain('turned follows off');
  });

  it('caps the topics one member may follow', async () => {
    await reply(asAdmin({ name: 'follow', options: [sub('settings', [option('max-per-member', 2)])] }));
    const reader = newMember();
    await follow(reader, 'Ashford');
    await follow(reader, 'Brixham');
    expect((await follow(reader, 'Carlisle')).content).toContain('You follow 2 topics in this server, which allows 2');
  });

  it('lets members have stories posted in a channel, mentioning only them, where the admins allow it', async () => {
    const reader = newMember();
    expect((await follow(reader, 'Jarrow', 'here')).content).toContain('direct message only');
    await reply(asAdmin({ name: 'follow', options: [sub('settings', [flag('allow-here', true)])] }));
    expect((await follow(reader, 'Jarrow', 'here')).content).toContain(`in <#${NEWS}>, mentioning only you`);
    await arrives(9);
    await app.follows!.pass();
    const posted = discord.channelMessages(NEWS).find((message) => message.content.startsWith(`<@${reader.id}>`));
    expect(posted?.allowed_mentions).toEqual({ parse: [], replied_user: false, users: [reader.id] });
    expect(titles([posted!])).toEqual([STORIES[9]![0]]);
    expect(discord.directMessages(reader.id)).toEqual([]);
    const stranger = newMember();
    const refused = await (await discord.pressButton({ guildId: GUILD, channelId: NEWS, user: stranger, message: posted!, customId: buttons(posted).get('Unfollow Jarrow')! })).waitForOriginal();
    expect(isEphemeral(refused)).toBe(true);
    expect(refused.content).toContain('These buttons are for the member the news was sent to');
    expect((await app.engine.follows.get(GUILD, reader.id)).follows.map((each) => each.topic)).toEqual(['Jarrow']);
  });

  it.each([
    ['an empty topic', '  ', /Tell me a topic/],
    ['"all", which /follow remove takes for everything', 'all', /\/brief gives all the news/],
  ])('explains %s privately and follows nothing', async (_case, topic, message) => {
    const reader = newMember();
    const answer = await follow(reader, topic);
    expect(isEphemeral(answer)).toBe(true);
    expect(answer.content).toMatch(message);
    expect((await app.engine.follows.get(GUILD, reader.id)).follows).toEqual([]);
  });

  it('refuses where:here in a channel Herald cannot post in', async () => {
    await reply(asAdmin({ name: 'follow', options: [sub('settings', [flag('allow-here', true)])] }));
    const answer = await reply(as(newMember(), { name: 'follow', options: [sub('add', [option('topic', 'Keswick'), option('where', 'here')])] }, GUILD, LOCKED));
    expect(answer.content).toContain('Herald cannot post in this channel');
  });

  it('pauses a member’s follows when the channel they chose refuses Herald, and explains once', async () => {
    const reader = newMember();
    await reply(asAdmin({ name: 'follow', options: [sub('settings', [flag('allow-here', true)])] }));
    await reply(as(reader, { name: 'follow', options: [sub('add', [option('topic', 'Quarrydale choir'), option('where', 'here')])] }, GUILD, SIDE));
    discord.setBotCanPost(SIDE, false);
    await arrives(110, { title: 'Quarrydale choir wins the regional final with a song about the quarry', body: 'The choir sang unaccompanied, and the judges said the final chord was the best they had heard in twenty years of the competition.' });
    await app.follows!.pass();
    expect(discord.channelMessages(SIDE)).toEqual([]);
    expect((await app.engine.follows.get(GUILD, reader.id)).paused).toMatchObject({ reason: 'channel-refused', channelId: SIDE });
    const next = await discord.runCommand(as(reader, { name: 'follow', options: [sub('list')] }));
    const notice = await next.waitForFollowUp();
    expect(notice.content).toContain(`could not post the news you follow in <#${SIDE}>`);
  });
});
