import { DiscordAPIError as EsmDiscordAPIError } from '@discordjs/rest';
import {
  ChannelType,
  Constants,
  DiscordAPIError,
  PermissionFlagsBits,
  REST,
  Routes,
  SnowflakeUtil,
  type APIEmbed,
  type APIGuild,
  type APIGuildMember,
  type APIMessage,
  type APIOverwrite,
  type APIUser,
} from 'discord.js';
import { PostRefused, type Poster } from '../deliver/poster.ts';
import type { Logger } from '../logger.ts';
import { channelPermissions } from './channel-permissions.ts';
import { apiMessage } from './message-guard.ts';
import { createRequestPacer, type RequestPacer } from './request-pacer.ts';

/** Discord's answers that mean the channel refuses Herald until an admin acts, in words an admin can act on. */
const REFUSALS: Record<number, string> = {
  10003: 'the channel was deleted',
  50001: 'Herald can no longer see the channel',
  50013: 'Herald lacks the Send Messages or Embed Links permission there',
  50008: 'Herald cannot post in this kind of channel',
};

/** Discord's answer when a message already has its thread: the thread's id is the message's. */
const THREAD_ALREADY_CREATED = 160004;
/** Discord's answer when the channel cannot hold threads (it is one): the update goes in the channel itself. */
const NOT_THIS_CHANNEL_TYPE = 50024;
/** The digest message is gone (a moderator deleted it): its story can have no thread, now or later. */
const UNKNOWN_MESSAGE = 10008;

/** A thread takes its messages under Send Messages in Threads, not Send Messages. */
const POSTING = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks;
const POSTING_IN_THREADS = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessagesInThreads | PermissionFlagsBits.EmbedLinks;

const POSTABLE_TYPES = new Set<ChannelType>([...Constants.SendableChannels, ChannelType.GuildForum]);
const THREAD_TYPES = new Set<ChannelType>(Constants.ThreadChannelTypes);

/**
 * Discord allows a bot 50 requests a second in all; deliveries keep two of them free for command replies'
 * follow-ups and the rest of what the bot asks.
 */
export const DELIVERY_REQUESTS_PER_SECOND = 46;

/** How far back a run finished late looks for a message it may have posted: a digest is at most a few messages, and a channel is rarely busier. */
const RECENT_MESSAGES = 50;

/** The fields of a channel the poster reads; Discord sends many more. */
interface ChannelFields {
  id: string;
  type: ChannelType;
  guild_id?: string;
  parent_id?: string | null;
  permission_overwrites?: APIOverwrite[];
  name?: string;
  /** For a thread: who opened it. */
  owner_id?: string;
}

export interface RestPosterOptions {
  rest: REST;
  pace: RequestPacer;
  logger: Pick<Logger, 'error'>;
}

/**
 * Node loads @discordjs/rest's CommonJS build for discord.js (client.rest) and its ESM build for an `import`
 * (a worker's own REST), and each build has its own DiscordAPIError class; a REST of either kind may be given.
 */
function isDiscordApiError(error: unknown): error is DiscordAPIError {
  return error instanceof DiscordAPIError || error instanceof EsmDiscordAPIError;
}

function refusal(error: unknown): PostRefused | undefined {
  const reason = isDiscordApiError(error) && typeof error.code === 'number' ? REFUSALS[error.code] : undefined;
  return reason ? new PostRefused(reason) : undefined;
}

async function refusing<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw refusal(error) ?? error;
  }
}

/** What tells one of Herald's messages from another: its text and each embed's title and link. */
function messageFingerprint(content: string, embeds: ReadonlyArray<Pick<APIEmbed, 'title' | 'url'>>): string {
  return JSON.stringify([content.trim(), embeds.map((embed) => [embed.title ?? '', embed.url ?? ''])]);
}

/**
 * Posts with Discord's REST API alone, one request a message, so that a process with no gateway connection
 * (and so no discord.js caches) posts exactly as one with it does.
 */
export function createRestPoster({ rest, pace, logger }: RestPosterOptions): Poster {
  const get = <T>(route: `/${string}`, query?: URLSearchParams): Promise<T> => pace(() => rest.get(route, query ? { query } : {})) as Promise<T>;
  const post = <T>(route: `/${string}`, body: unknown): Promise<T> => pace(() => rest.post(route, { body })) as Promise<T>;

  let botUser: Promise<string> | undefined;
  const botUserId = (): Promise<string> => {
    botUser ??= get<APIUser>(Routes.user()).then(
      (user) => user.id,
      (error: unknown) => {
        // A failed look-up is asked again next time rather than remembered.
        botUser = undefined;
        throw error;
      },
    );
    return botUser;
  };

  /** Whether the bot may post in the channel, from its roles and the channel's overwrites (for a thread, its parent's). */
  const mayPost = async (channel: ChannelFields & { guild_id: string }): Promise<boolean> => {
    const thread = THREAD_TYPES.has(channel.type);
    const governing = thread && channel.parent_id ? await get<ChannelFields>(Routes.channel(channel.parent_id)) : channel;
    const userId = await botUserId();
    const guild = await get<Pick<APIGuild, 'id' | 'owner_id' | 'roles'>>(Routes.guild(channel.guild_id));
    const member = await get<Pick<APIGuildMember, 'roles'>>(Routes.guildMember(channel.guild_id, userId));
    const permissions = channelPermissions({
      guildId: guild.id,
      guildOwnerId: guild.owner_id,
      roles: guild.roles,
      member: { userId, roleIds: member.roles },
      overwrites: governing.permission_overwrites ?? [],
    });
    const needed = thread ? POSTING_IN_THREADS : POSTING;
    return (permissions & needed) === needed;
  };

  return {
    async post(channelId, message, nonce) {
      const sent = await refusing(() => post<APIMessage>(Routes.channelMessages(channelId), { ...apiMessage(message, logger), nonce, enforce_nonce: true }));
      return { messageId: sent.id };
    },
    startThread(forumId, title, message) {
      return refusing(async () => {
        const forum = await get<ChannelFields>(Routes.channel(forumId));
        if (forum.type !== ChannelType.GuildForum || !forum.guild_id) throw new PostRefused('the channel is no longer a forum');
        const userId = await botUserId();
        const { threads } = await get<{ threads: ChannelFields[] }>(Routes.guildActiveThreads(forum.guild_id));
        const opened = threads.find((thread) => thread.parent_id === forumId && thread.owner_id === userId && thread.name === title);
        // A forum post's first message has the post's own id.
        if (opened) return { threadId: opened.id, messageId: opened.id };
        const thread = await post<ChannelFields>(Routes.threads(forumId), { name: title, message: apiMessage(message, logger) });
        return { threadId: thread.id, messageId: thread.id };
      });
    },
    openThread(channelId, messageId, name) {
      return refusing(async () => {
        try {
          const thread = await post<ChannelFields>(Routes.threads(channelId, messageId), { name, auto_archive_duration: 1440 });
          return { threadId: thread.id };
        } catch (error) {
          if (isDiscordApiError(error) && error.code === THREAD_ALREADY_CREATED) return { threadId: messageId };
          if (isDiscordApiError(error) && error.code === NOT_THIS_CHANNEL_TYPE) return { threadId: channelId };
          if (isDiscordApiError(error) && error.code === UNKNOWN_MESSAGE) throw new PostRefused('the digest message was deleted');
          throw error;
        }
      });
    },
    async findPosted(channelId, message, since) {
      const userId = await botUserId();
      const recent = await get<APIMessage[]>(Routes.channelMessages(channelId), new URLSearchParams({ limit: String(RECENT_MESSAGES) }));
      const wanted = messageFingerprint(message.content ?? '', message.embeds ?? []);
      const found = recent.find(
        (candidate) =>
          candidate.author.id === userId &&
          SnowflakeUtil.timestampFrom(candidate.id) >= since.getTime() &&
          messageFingerprint(candidate.content, candidate.embeds) === wanted,
      );
      return found?.id;
    },
    async blocker(channelId) {
      try {
        const channel = await get<ChannelFields>(Routes.channel(channelId));
        if (!POSTABLE_TYPES.has(channel.type)) return REFUSALS[50008];
        if (channel.guild_id && !(await mayPost({ ...channel, guild_id: channel.guild_id }))) return REFUSALS[50013];
        return undefined;
      } catch (error) {
        return refusal(error)?.reason ?? `Herald could not check the channel (${(error as Error).message})`;
      }
    },
  };
}

/** The poster every process delivers with, over the REST client it is given, paced to leave room for the rest of the bot's requests. */
export function createDeliveryPoster(rest: REST, logger: Pick<Logger, 'error'>, pace: RequestPacer = createRequestPacer({ perSecond: DELIVERY_REQUESTS_PER_SECOND })): Poster {
  return createRestPoster({ rest, pace, logger });
}

/** The REST client of a worker process, which delivers digests without connecting to the gateway. `apiBase` as DISCORD_API_BASE. */
export function workerRest(options: { apiBase?: string; token: string }): REST {
  return new REST(options.apiBase ? { api: options.apiBase } : {}).setToken(options.token);
}

/** A poster for a worker process. */
export function createWorkerPoster(options: { apiBase?: string; token: string; logger: Pick<Logger, 'error'>; pace?: RequestPacer }): Poster {
  return createDeliveryPoster(workerRest(options), options.logger, options.pace);
}
