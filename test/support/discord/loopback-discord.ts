import { ChannelType, GatewayDispatchEvents, type APIApplicationCommand, type APIInteractionResponse, type APIUser } from 'discord.js';
import { createChannelPosts } from './channel-posts.ts';
import { createCommandRegistry } from './commands.ts';
import { createDirectMessages } from './direct-messages.ts';
import { createFaultInjector, type Fault, type RequestMatch } from './faults.ts';
import { startGateway, type GatewayCounts } from './gateway.ts';
import { createGuildDirectory, type GuildSetup } from './guilds.ts';
import { DEFAULT_INVOKER, type ButtonPressInput, type CommandInput, type Invoker, type MessageTarget } from './interaction-create.ts';
import { createInteractions, type InteractionRecord } from './interactions.ts';
import { createGuildMembers } from './members.ts';
import { isLoading, type StoredMessage } from './messages.ts';
import { createRateLimiter } from './rate-limits.ts';
import { restRoutes } from './rest-routes.ts';
import { startRestServer, type RecordedRequest } from './rest-server.ts';
import { sessionStartLimit, shardOf } from './shards.ts';
import { createSnowflakes } from './snowflakes.ts';
import { createChangeFeed } from './wait-for.ts';

export { ADMIN_PERMISSIONS, MEMBER_PERMISSIONS, type ChannelSetup, type GuildSetup } from './guilds.ts';
export { DEFAULT_INVOKER, type ButtonPressInput, type CommandInput, type Invoker, type MessageTarget } from './interaction-create.ts';
export type { Fault, RequestMatch } from './faults.ts';
export type { GatewayCounts } from './gateway.ts';
export type { StoredMessage } from './messages.ts';
export type { RecordedRequest } from './rest-server.ts';

const BOT_USER_ID = '1100000000000000001';
const DEFAULT_WAIT_MS = 5_000;

export const DEFAULT_GUILD: GuildSetup = {
  id: '1200000000000000001',
  name: 'Herald Test',
  ownerId: '1400000000000000001',
  channels: [{ id: '1300000000000000001', name: 'news' }],
};

export interface LoopbackDiscordOptions {
  /** The guilds the bot is in; one guild with a #news channel (DEFAULT_GUILD) unless given. */
  guilds?: GuildSetup[];
  /** How long after dispatch an interaction may first be answered before Discord says 10062 Unknown interaction; 3 s as on Discord. */
  interactionDeadlineMs?: number;
  /** How long an enforced nonce returns the earlier message instead of posting again; Discord's "few minutes" (5 here) unless given. */
  nonceWindowMs?: number;
  /** HELLO's heartbeat_interval (Discord's is about 41 s); shorter, so a test of a minute sees heartbeats acknowledged. */
  heartbeatIntervalMs?: number;
  /**
   * How many shards the bot must run (1 unless given), as GET /gateway/bot recommends: IDENTIFY must then name
   * `[id, shardCount]`, and a guild's events go only to its shard, `(guild_id >> 22) % shardCount`.
   */
  shardCount?: number;
  /**
   * The clock ids are minted on, and so the time Herald reads a message was posted at from its id: a simulated
   * one when Herald runs on one. The system clock unless given; rate limits and nonce windows keep the system clock.
   */
  now?: () => number;
}

/** One interaction a test dispatched, and what the bot has answered so far. */
export interface InteractionHandle {
  id: string;
  token: string;
  /** The shard INTERACTION_CREATE went to: its guild's. */
  shard: number;
  /** The first callback the bot sent: a reply (type 4), a deferral (5) or autocomplete choices (8). */
  response(timeoutMs?: number): Promise<APIInteractionResponse>;
  /** The reply as the user sees it now ("thinking…" after a deferral, with the Loading flag), if any. */
  original(): StoredMessage | undefined;
  followUps(): StoredMessage[];
  /** The reply, then each follow-up, as they stand now. */
  messages(): StoredMessage[];
  /** Waits for the reply to satisfy `predicate`; by default for a reply that is no longer "thinking…". */
  waitForOriginal(predicate?: (message: StoredMessage) => boolean, timeoutMs?: number): Promise<StoredMessage>;
  /** Waits for a follow-up (not the reply) satisfying `predicate`, by default any. */
  waitForFollowUp(predicate?: (message: StoredMessage) => boolean, timeoutMs?: number): Promise<StoredMessage>;
}

/** A Discord of our own on 127.0.0.1 that the unmodified discord.js client logs in to, via DISCORD_API_BASE. */
export interface LoopbackDiscord {
  /** The REST base without version (http://127.0.0.1:PORT/api): discord.js's `rest.api`, i.e. DISCORD_API_BASE. */
  apiBase: string;
  gatewayUrl: string;
  /** The only bot token accepted; anything else gets 401 on REST and close 4004 on the gateway. */
  token: string;
  applicationId: string;
  botUserId: string;
  guilds: GuildSetup[];
  shardCount: number;
  /** Resolves once a bot has identified (or resumed) on the gateway. */
  waitForBot(timeoutMs?: number): Promise<void>;
  /** Dispatches INTERACTION_CREATE for a slash command to the guild's shard; waits for a bot to be connected there first. Throws if Discord would not offer the command to this member (its default_member_permissions). */
  runCommand(input: CommandInput): Promise<InteractionHandle>;
  /** Dispatches INTERACTION_CREATE for a message command (right-click a message, Apps) used on `message`, as `runCommand` does for a slash command. */
  runMessageCommand(input: Omit<CommandInput, 'options' | 'target'> & { message: MessageTarget }): Promise<InteractionHandle>;
  /** Dispatches an autocomplete interaction; one of `input.options` must carry `focused: true`. */
  autocomplete(input: CommandInput): Promise<InteractionHandle>;
  /**
   * A member presses a button on a message the bot sent (a channel post or an interaction reply, as it stands
   * now): MESSAGE_COMPONENT is dispatched; an update (callback 7, or an edit after a deferred update) changes
   * that message where it is kept. The handle's `original()` is the bot's reply, or the pressed message once updated.
   */
  pressButton(input: ButtonPressInput): Promise<InteractionHandle>;
  /** A message the bot sent, as it stands now, by id: a channel post or an interaction reply. */
  message(messageId: string): StoredMessage | undefined;
  /**
   * As if `ms` had passed for every interaction so far: past 15 minutes their tokens are refused (401, Invalid
   * Webhook Token) as on Discord, while the messages stay, and their buttons can still be pressed.
   */
  letTimePass(ms: number): void;
  /** Every message created with POST /channels/:id/messages, in order (interaction replies are on their handles). */
  channelMessages(channelId: string): StoredMessage[];
  /**
   * Forgets every channel message and recorded request so far, once a long test has read them, so that what the
   * test process holds does not grow with the messages Herald sends. Enforced nonces of forgotten messages are forgotten too.
   */
  forgetChannelMessages(): void;
  /** The posts opened in a forum channel, oldest first, each with its messages (the first is the one that opened it). */
  forumPosts(forumId: string): Array<{ id: string; name: string; messages: StoredMessage[] }>;
  /** The threads opened in a channel (on its messages, or a forum's posts), oldest first, each with its messages. */
  threadsIn(channelId: string): Array<{ id: string; name: string; messages: StoredMessage[] }>;
  waitForChannelMessage(channelId: string, predicate?: (message: StoredMessage) => boolean, timeoutMs?: number): Promise<StoredMessage>;
  /** Commands as registered: global ones, or a guild's own with `guildId`. */
  commands(guildId?: string): APIApplicationCommand[];
  /** Every REST request, in arrival order, with the status it got (429s and faults included). */
  requests: RecordedRequest[];
  /** The next `times` (default 1) requests matching get this fault instead of being served (or after, with `afterServing`). */
  failNext(match: RequestMatch, fault: Fault, times?: number): void;
  /**
   * How long an enforced nonce is honoured from now on (`nonceWindowMs` until then); 0 forgets every nonce, so that
   * a test sees a resent message posted twice unless Herald itself keeps it from being sent again.
   */
  setNonceWindow(ms: number): void;
  /** Drops the gateway connections (only the shard's, if given); resumable (default) makes discord.js RESUME, otherwise it IDENTIFYs anew. */
  dropGateway(options?: { resumable?: boolean; shard?: number }): void;
  /** IDENTIFYs, RESUMEs and heartbeats in all, or on one shard. */
  gatewaySessions(shard?: number): GatewayCounts;
  /** A member (not the bot) opens a post in a forum, as THREAD_CREATE tells the bot; returns the post's id. */
  openForumPost(forumId: string, name: string, ownerId: string): string;
  /** Makes the user a member of the guild (running a command there does too); the bot is not told, as without the GuildMembers intent. */
  addMember(guildId: string, user: Invoker): void;
  /** The member leaves the guild; GET /guilds/:id/members/:userId then answers 404 Unknown Member (10007). The bot is not told. */
  removeMember(guildId: string, userId: string): void;
  /** Every message the bot sent the user by direct message, in order. */
  directMessages(userId: string): StoredMessage[];
  waitForDirectMessage(userId: string, predicate?: (message: StoredMessage) => boolean, timeoutMs?: number): Promise<StoredMessage>;
  /** Closes or opens the user's DMs to the bot; posts in a closed DM get 403 Cannot send messages to this user (50007). */
  setDmsOpen(userId: string, open: boolean): void;
  /** The bot leaves (or is removed from) the guild: GUILD_DELETE without `unavailable` is dispatched to its shard. */
  leaveGuild(guildId: string): void;
  /** Deletes the channel (CHANNEL_DELETE is dispatched); REST on it then gets 404 Unknown Channel (10003). */
  deleteChannel(channelId: string): void;
  /** Denies or restores the bot's Send Messages there (CHANNEL_UPDATE is dispatched); posts get 403 Missing Permissions (50013). */
  setBotCanPost(channelId: string, canPost: boolean): void;
  /** Hides or shows the channel to the bot (CHANNEL_UPDATE is dispatched); REST on it gets 403 Missing Access (50001). */
  setBotCanView(channelId: string, canView: boolean): void;
  close(): Promise<void>;
}

export async function startLoopbackDiscord(options: LoopbackDiscordOptions = {}): Promise<LoopbackDiscord> {
  const mintId = createSnowflakes(options.now);
  const feed = createChangeFeed();
  const bot: APIUser = { id: BOT_USER_ID, username: 'herald', discriminator: '0', global_name: null, avatar: null, bot: true };
  // Shaped like a real token (base64 user id, timestamp, signature) in case configuration checks the shape.
  const token = `${Buffer.from(BOT_USER_ID).toString('base64')}.loopback.${mintId()}`;
  // A copy: the bot leaving a guild must not change the list the test passed in.
  const directory = createGuildDirectory([...(options.guilds ?? [DEFAULT_GUILD])], bot);
  const commands = createCommandRegistry(BOT_USER_ID, mintId);
  const dms = createDirectMessages(mintId);
  const interactions = createInteractions({ applicationId: BOT_USER_ID, bot, directory, commands, mintId, deadlineMs: options.interactionDeadlineMs ?? 3_000, directMessages: dms });
  const posts = createChannelPosts(bot, mintId, options.nonceWindowMs);
  const members = createGuildMembers();
  const dmsOf = (userId: string): StoredMessage[] => {
    const channelId = dms.channelOf(userId);
    return channelId ? posts.list(channelId) : [];
  };
  const faults = createFaultInjector();
  const shardCount = options.shardCount ?? 1;
  const openedAt = Date.now();
  const gateway = await startGateway({
    token,
    shardCount,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 5_000,
    user: bot,
    application: { id: BOT_USER_ID, flags: 0 },
    guildCreates: () => directory.guilds.map((guild) => directory.guildCreate(guild.id)),
    feed,
  });
  const rest = await startRestServer({
    token,
    routes: restRoutes({
      gateway: { url: gateway.url, shards: shardCount, sessionStartLimit: (now) => sessionStartLimit(gateway.counts().identifies, openedAt, now) },
      bot,
      applicationId: BOT_USER_ID,
      directory,
      commands,
      interactions,
      posts,
      members,
      dms,
      feed,
      mintId,
    }),
    faults,
    rateLimiter: createRateLimiter(),
  });

  const dispatchInteraction = async (guildId: string, begin: () => { record: InteractionRecord; payload: Record<string, unknown> }): Promise<InteractionHandle> => {
    const shard = shardOf(guildId, shardCount);
    await feed.waitFor(() => gateway.hasSession(shard) || undefined, DEFAULT_WAIT_MS, `a bot to connect to the gateway as shard ${shard}`);
    const { record, payload } = begin();
    return handleFor(record, gateway.dispatch(guildId, GatewayDispatchEvents.InteractionCreate, payload));
  };

  /** Only a member of a guild can use a command in it: whoever does is one from then on. */
  const asMember = <T>(input: CommandInput, begun: T): T => {
    members.add(input.guildId, input.user ?? DEFAULT_INVOKER);
    return begun;
  };

  const handleFor = (record: InteractionRecord, shard: number): InteractionHandle => {
    const messages = (): StoredMessage[] => [...(record.original ? [record.original] : []), ...record.followUps];
    return {
      id: record.id,
      token: record.token,
      shard,
      response: (timeoutMs = DEFAULT_WAIT_MS) => feed.waitFor(() => record.callback, timeoutMs, `a response to interaction ${record.id}`),
      original: () => record.original,
      followUps: () => record.followUps,
      messages,
      waitForOriginal: (predicate = (message) => !isLoading(message), timeoutMs = DEFAULT_WAIT_MS) =>
        feed.waitFor(() => (record.original && predicate(record.original) ? record.original : undefined), timeoutMs, `the reply to interaction ${record.id}`),
      waitForFollowUp: (predicate = () => true, timeoutMs = DEFAULT_WAIT_MS) =>
        feed.waitFor(() => record.followUps.find(predicate), timeoutMs, `a follow-up to interaction ${record.id}`),
    };
  };

  const threadsIn = (channelId: string): Array<{ id: string; name: string; messages: StoredMessage[] }> =>
    directory.guilds
      .flatMap((guild) => directory.threadsOf(guild.id))
      .filter((thread) => thread.parentId === channelId)
      .map((thread) => ({ id: thread.id, name: thread.name, messages: posts.list(thread.id) }));

  const changeChannel = (event: GatewayDispatchEvents, channelId: string, change: Parameters<typeof directory.update>[1]): void => {
    const channel = directory.update(channelId, change);
    gateway.dispatch(channel.guildId, event, directory.channelJson(channel));
  };

  return {
    apiBase: rest.apiBase,
    gatewayUrl: gateway.url,
    token,
    applicationId: BOT_USER_ID,
    botUserId: BOT_USER_ID,
    guilds: directory.guilds,
    shardCount,
    waitForBot: (timeoutMs = DEFAULT_WAIT_MS) => feed.waitFor(() => gateway.hasConnectedSession() || undefined, timeoutMs, 'a bot to connect to the gateway').then(() => undefined),
    runCommand: (input) => dispatchInteraction(input.guildId, () => asMember(input, interactions.begin('command', input, Date.now()))),
    runMessageCommand: ({ message, ...input }) => dispatchInteraction(input.guildId, () => asMember(input, interactions.begin('command', { ...input, target: message }, Date.now()))),
    autocomplete: (input) => dispatchInteraction(input.guildId, () => asMember(input, interactions.begin('autocomplete', input, Date.now()))),
    pressButton(input) {
      const target = posts.slotOf(input.message.id) ?? interactions.slotOf(input.message.id);
      if (!target) throw new Error(`no message ${input.message.id} in this loopback Discord to press a button on`);
      // Discord sends what happens in DMs to shard 0, as if from a guild whose id is 0.
      return dispatchInteraction(input.guildId ?? '0', () => interactions.beginButton(input, target, Date.now()));
    },
    message(messageId) {
      return (posts.slotOf(messageId) ?? interactions.slotOf(messageId))?.get();
    },
    letTimePass: (ms) => interactions.age(ms),
    channelMessages: (channelId) => posts.list(channelId),
    forgetChannelMessages() {
      posts.forget();
      rest.requests.splice(0);
    },
    forumPosts: (forumId) => threadsIn(forumId),
    threadsIn,
    waitForChannelMessage: (channelId, predicate = () => true, timeoutMs = DEFAULT_WAIT_MS) =>
      feed.waitFor(() => posts.list(channelId).find(predicate), timeoutMs, `a message in channel ${channelId}`),
    commands: (guildId) => commands.list(guildId),
    requests: rest.requests,
    failNext: (match, fault, times = 1) => faults.failNext(match, fault, times),
    setNonceWindow: (ms) => posts.setNonceWindow(ms),
    dropGateway: ({ resumable = true, shard } = {}) => gateway.drop(resumable, shard),
    gatewaySessions: (shard) => gateway.counts(shard),
    openForumPost(forumId, name, ownerId) {
      const forum = directory.channel(forumId);
      if (forum?.type !== ChannelType.GuildForum) throw new Error(`no forum ${forumId} in this loopback Discord`);
      const thread = directory.addThread(forum, { id: mintId(), name, ownerId, now: Date.now() });
      gateway.dispatch(forum.guildId, GatewayDispatchEvents.ThreadCreate, { ...directory.channelJson(thread), newly_created: true });
      return thread.id;
    },
    addMember: (guildId, user) => members.add(guildId, user),
    removeMember: (guildId, userId) => members.remove(guildId, userId),
    directMessages: dmsOf,
    waitForDirectMessage: (userId, predicate = () => true, timeoutMs = DEFAULT_WAIT_MS) =>
      feed.waitFor(() => dmsOf(userId).find(predicate), timeoutMs, `a direct message to user ${userId}`),
    setDmsOpen: (userId, open) => dms.setOpen(userId, open),
    leaveGuild(guildId) {
      const index = directory.guilds.findIndex((guild) => guild.id === guildId);
      if (index < 0) throw new Error(`the bot is not in guild ${guildId}`);
      directory.guilds.splice(index, 1);
      gateway.dispatch(guildId, GatewayDispatchEvents.GuildDelete, { id: guildId });
    },
    deleteChannel: (channelId) => changeChannel(GatewayDispatchEvents.ChannelDelete, channelId, { deleted: true }),
    setBotCanPost: (channelId, canPost) => changeChannel(GatewayDispatchEvents.ChannelUpdate, channelId, { botCanPost: canPost }),
    setBotCanView: (channelId, canView) => changeChannel(GatewayDispatchEvents.ChannelUpdate, channelId, { botCanView: canView }),
    close: async () => {
      await gateway.close();
      await rest.close();
    },
  };
}
