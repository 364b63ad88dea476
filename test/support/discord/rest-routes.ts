import { ChannelType, type APIInteractionResponse, type APIUser, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import type { ChannelPosts } from './channel-posts.ts';
import type { CommandRegistry } from './commands.ts';
import { discordErrors } from './discord-errors.ts';
import type { ChannelState, GuildDirectory } from './guilds.ts';
import type { Interactions } from './interactions.ts';
import type { MessageBody } from './messages.ts';
import type { RestRequest, RestRoute } from './rest-server.ts';
import type { SessionStartLimit } from './shards.ts';
import type { ChangeFeed } from './wait-for.ts';
import { isEmptyMessage, messageIssues, rejectIssues, threadNameIssues } from './validation.ts';

export interface RouteDeps {
  /** What GET /gateway/bot reports: where to connect, the shard count to run, and how many sessions may still start. */
  gateway: { url: string; shards: number; sessionStartLimit: (now: number) => SessionStartLimit };
  bot: APIUser;
  applicationId: string;
  directory: GuildDirectory;
  commands: CommandRegistry;
  interactions: Interactions;
  posts: ChannelPosts;
  feed: ChangeFeed;
  mintId: () => string;
}

/** The slice of Discord's REST API a news bot uses, answered as Discord answers it. */
export function restRoutes(deps: RouteDeps): RestRoute[] {
  const { directory, commands, interactions, posts } = deps;

  const visibleChannel = (id: string | undefined): ChannelState => {
    const channel = directory.channel(id ?? '');
    if (!channel || channel.deleted) throw discordErrors.unknownChannel();
    if (!channel.botCanView) throw discordErrors.missingAccess();
    return channel;
  };
  const ownApplication = (request: RestRequest): void => {
    if (request.params.applicationId !== deps.applicationId) throw discordErrors.missingAccess();
  };
  const joinedGuild = (request: RestRequest): string => {
    const guildId = request.params.guildId ?? '';
    if (!directory.guilds.some((guild) => guild.id === guildId)) throw discordErrors.missingAccess();
    return guildId;
  };
  const json = (body: unknown, status = 200): { status: number; body: unknown } => ({ status, body });
  const commandRoutes = (route: string, scope: (request: RestRequest) => string | undefined): RestRoute[] => [
    { method: 'GET', route, auth: true, handle: (request) => json(commands.list(scope(request))) },
    { method: 'PUT', route, auth: true, handle: (request) => json(commands.overwrite(scope(request), request.body as RESTPostAPIApplicationCommandsJSONBody[])) },
    { method: 'POST', route, auth: true, handle: (request) => json(commands.upsert(scope(request), request.body as RESTPostAPIApplicationCommandsJSONBody), 201) },
  ];

  const routes: RestRoute[] = [
    {
      method: 'GET',
      route: '/gateway/bot',
      auth: true,
      handle: (request) => json({ url: deps.gateway.url, shards: deps.gateway.shards, session_start_limit: deps.gateway.sessionStartLimit(request.now) }),
    },
    { method: 'GET', route: '/users/@me', auth: true, handle: () => json(deps.bot) },
    {
      method: 'GET',
      route: '/applications/@me',
      auth: true,
      handle: () => json({ id: deps.applicationId, name: deps.bot.username, description: '', icon: null, bot_public: false, bot_require_code_grant: false, flags: 0, bot: deps.bot, team: null, verify_key: '' }),
    },
    ...commandRoutes('/applications/:applicationId/commands', (request) => {
      ownApplication(request);
      return undefined;
    }),
    ...commandRoutes('/applications/:applicationId/guilds/:guildId/commands', (request) => {
      ownApplication(request);
      return joinedGuild(request);
    }),
    {
      method: 'POST',
      route: '/interactions/:interactionId/:token/callback',
      auth: false,
      handle: (request) =>
        interactions.callback(
          request.params.interactionId ?? '',
          request.params.token ?? '',
          request.body as APIInteractionResponse,
          request.files,
          request.query.get('with_response') === 'true',
          request.now,
        ),
    },
    {
      method: 'POST',
      route: '/webhooks/:applicationId/:token',
      auth: false,
      handle: (request) => json(interactions.followUp(request.params.applicationId ?? '', request.params.token ?? '', request.body as MessageBody, request.files, request.now)),
    },
    {
      method: 'GET',
      route: '/webhooks/:applicationId/:token/messages/:messageId',
      auth: false,
      handle: (request) => json(interactions.getMessage(request.params.applicationId ?? '', request.params.token ?? '', request.params.messageId ?? '', request.now)),
    },
    {
      method: 'PATCH',
      route: '/webhooks/:applicationId/:token/messages/:messageId',
      auth: false,
      handle: (request) =>
        json(interactions.editMessage(request.params.applicationId ?? '', request.params.token ?? '', request.params.messageId ?? '', request.body as MessageBody, request.files, request.now)),
    },
    {
      method: 'DELETE',
      route: '/webhooks/:applicationId/:token/messages/:messageId',
      auth: false,
      handle: (request) => {
        interactions.deleteMessage(request.params.applicationId ?? '', request.params.token ?? '', request.params.messageId ?? '', request.now);
        return { status: 204 };
      },
    },
    { method: 'GET', route: '/channels/:channelId', auth: true, handle: (request) => json(directory.channelJson(visibleChannel(request.params.channelId))) },
    {
      method: 'POST',
      route: '/channels/:channelId/messages',
      auth: true,
      handle: (request) => {
        const channel = visibleChannel(request.params.channelId);
        if (!channel.botCanPost) throw discordErrors.missingPermissions();
        // Forum channels take posts as threads, never as plain messages; categories take neither.
        if (channel.type === ChannelType.GuildForum || channel.type === ChannelType.GuildCategory) throw discordErrors.notATextChannel();
        const body = (request.body ?? {}) as MessageBody;
        rejectIssues(messageIssues(body));
        if (isEmptyMessage(body, request.files.length)) throw discordErrors.emptyMessage();
        return json(posts.post(channel.id, body, request.files, request.now));
      },
    },
    {
      method: 'GET',
      route: '/channels/:channelId/messages',
      auth: true,
      handle: (request) => {
        const channel = visibleChannel(request.params.channelId);
        const limit = Math.min(Math.max(Number(request.query.get('limit') ?? 50) || 50, 1), 100);
        // Newest first, as Discord lists them.
        return json(posts.list(channel.id).slice(-limit).reverse());
      },
    },
    {
      // A post in a forum: a thread whose first message shares its id, as on Discord. It takes no nonce.
      method: 'POST',
      route: '/channels/:channelId/threads',
      auth: true,
      handle: (request) => {
        const forum = visibleChannel(request.params.channelId);
        if (forum.type !== ChannelType.GuildForum) throw discordErrors.notATextChannel();
        if (!forum.botCanPost) throw discordErrors.missingPermissions();
        const body = (request.body ?? {}) as { name?: unknown; message?: MessageBody };
        rejectIssues(threadNameIssues(body.name));
        const message = body.message ?? {};
        rejectIssues(messageIssues(message), ['message']);
        if (isEmptyMessage(message, request.files.length)) throw discordErrors.emptyMessage();
        const thread = directory.addThread(forum, { id: deps.mintId(), name: String(body.name), ownerId: deps.bot.id, now: request.now });
        const starter = posts.post(thread.id, message, request.files, request.now, thread.id);
        return json({ ...directory.channelJson(thread), message: starter }, 201);
      },
    },
    {
      // Start Thread from Message: the thread takes the message's id, so a message holds one thread at most.
      method: 'POST',
      route: '/channels/:channelId/messages/:messageId/threads',
      auth: true,
      handle: (request) => {
        const channel = visibleChannel(request.params.channelId);
        // Only a text or announcement channel's messages can start one; not a forum's, nor a thread's own.
        if (channel.parentId || (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement)) throw discordErrors.wrongChannelType();
        if (!channel.botCanPost) throw discordErrors.missingPermissions();
        const messageId = request.params.messageId ?? '';
        if (!posts.list(channel.id).some((message) => message.id === messageId)) throw discordErrors.unknownMessage();
        const body = (request.body ?? {}) as { name?: unknown };
        rejectIssues(threadNameIssues(body.name));
        if (directory.channel(messageId)) throw discordErrors.threadAlreadyCreated();
        const thread = directory.addThread(channel, { id: messageId, name: String(body.name), ownerId: deps.bot.id, now: request.now });
        return json(directory.channelJson(thread), 201);
      },
    },
    { method: 'GET', route: '/guilds/:guildId', auth: true, handle: (request) => json(directory.guildJson(joinedGuild(request))) },
    {
      method: 'GET',
      route: '/guilds/:guildId/members/:userId',
      auth: true,
      handle: (request) => {
        joinedGuild(request);
        // The loopback's guilds list no member but the bot; the people who run commands exist only in interactions.
        if (request.params.userId !== deps.bot.id) throw discordErrors.unknownMember();
        return json(directory.botMemberJson());
      },
    },
    {
      method: 'GET',
      route: '/guilds/:guildId/threads/active',
      auth: true,
      handle: (request) => json({ threads: directory.threadsOf(joinedGuild(request)).filter((thread) => thread.botCanView).map(directory.channelJson), members: [] }),
    },
  ];
  // Every answered request may have changed what a test is waiting for.
  return routes.map((route) => ({
    ...route,
    handle: async (request: RestRequest) => {
      const reply = await route.handle(request);
      deps.feed.notify();
      return reply;
    },
  }));
}
