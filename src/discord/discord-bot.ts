import { ChannelType, Client, DiscordAPIError, Events, GatewayIntentBits, PermissionFlagsBits, type Interaction, type Message } from 'discord.js';
import type { Logger } from '../logger.ts';
import { PostRefused, type Poster } from '../deliver/poster.ts';
import type { Command, Services } from './command.ts';
import { dispatchAutocomplete, dispatchCommand } from './dispatch.ts';
import { autocompleteRequest, commandRequest } from './interaction-request.ts';
import { interactionResponder, toDiscord } from './interaction-responder.ts';
import { createRequestPacer } from './request-pacer.ts';

/** Discord's answers that mean the channel refuses Herald until an admin acts, in words an admin can act on. */
const REFUSALS: Record<number, string> = {
  10003: 'the channel was deleted',
  50001: 'Herald can no longer see the channel',
  50013: 'Herald lacks the Send Messages or Embed Links permission there',
  50008: 'Herald cannot post in this kind of channel',
};

const POSTING = [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages, PermissionFlagsBits.EmbedLinks];

function refusal(error: unknown): PostRefused | undefined {
  const reason = error instanceof DiscordAPIError && typeof error.code === 'number' ? REFUSALS[error.code] : undefined;
  return reason ? new PostRefused(reason) : undefined;
}

/**
 * Discord allows a bot 50 requests a second in all; deliveries keep two of them free for command replies'
 * follow-ups and the rest of what the bot asks.
 */
const DELIVERY_REQUESTS_PER_SECOND = 46;

/** How far back a run finished late looks for a message it may have posted: a digest is at most a few messages, and a channel is rarely busier. */
const RECENT_MESSAGES = 50;

/** What tells one of Herald's messages from another: its text and each embed's title and link. */
function messageFingerprint(content: string, embeds: ReadonlyArray<{ title?: string | undefined; url?: string | undefined }>): string {
  return JSON.stringify([content.trim(), embeds.map((embed) => [embed.title ?? '', embed.url ?? ''])]);
}

export interface DiscordBot {
  client: Client;
  poster: Poster;
  /** Connects with the token; resolves once Discord has said the bot is ready. */
  login(token: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The real discord.js client, with only the Guilds intent (slash commands need no privileged intents) and
 * mentions off by default for every message. `apiBase` points REST (and so the gateway URL) elsewhere.
 */
export function createDiscordBot(options: { apiBase?: string; commands: ReadonlyMap<string, Command>; services: () => Services; logger: Logger }): DiscordBot {
  const { logger, commands } = options;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    ...(options.apiBase ? { rest: { api: options.apiBase } } : {}),
  });

  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    if (interaction.isChatInputCommand()) {
      void dispatchCommand(commands, commandRequest(interaction), interactionResponder(interaction, logger), options.services(), { logger });
    } else if (interaction.isAutocomplete()) {
      void dispatchAutocomplete(commands, autocompleteRequest(interaction), options.services(), { logger }).then((choices) =>
        interaction.respond(choices).catch((error: unknown) => logger.warn({ err: error, command: interaction.commandName }, 'autocomplete answer failed')),
      );
    }
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn({ code: event.code, shard }, 'gateway disconnected'));
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'gateway resumed'));

  const pace = createRequestPacer({ perSecond: DELIVERY_REQUESTS_PER_SECOND });
  const poster: Poster = {
    async post(channelId, message, nonce) {
      try {
        const channel = await client.channels.fetch(channelId);
        if (!channel?.isSendable()) throw new PostRefused('Herald cannot post in this kind of channel');
        const sent: Message = await pace((): Promise<Message> => channel.send({ ...toDiscord(message, logger), nonce, enforceNonce: true }));
        return { messageId: sent.id };
      } catch (error) {
        throw refusal(error) ?? error;
      }
    },
    async startThread(forumId, title, message) {
      try {
        const forum = await client.channels.fetch(forumId);
        if (forum?.type !== ChannelType.GuildForum) throw new PostRefused('the channel is no longer a forum');
        const { threads } = await pace(() => forum.threads.fetchActive(false));
        const opened = threads.find((thread) => thread.ownerId === client.user?.id && thread.name === title);
        // A forum post's first message has the post's own id.
        if (opened) return { threadId: opened.id, messageId: opened.id };
        const thread = await pace(() => forum.threads.create({ name: title, message: toDiscord(message, logger) }));
        return { threadId: thread.id, messageId: thread.id };
      } catch (error) {
        throw refusal(error) ?? error;
      }
    },
    async findPosted(channelId, message, since) {
      const channel = await client.channels.fetch(channelId);
      if (!channel?.isTextBased() || !('messages' in channel)) return undefined;
      const recent = await pace(() => channel.messages.fetch({ limit: RECENT_MESSAGES }));
      const wanted = messageFingerprint(message.content ?? '', message.embeds ?? []);
      const found = recent.find(
        (candidate) =>
          candidate.author.id === client.user?.id &&
          candidate.createdTimestamp >= since.getTime() &&
          messageFingerprint(candidate.content, candidate.embeds.map((embed) => embed.toJSON())) === wanted,
      );
      return found?.id;
    },
    async blocker(channelId) {
      try {
        const channel = await pace(() => client.channels.fetch(channelId, { force: true }));
        if (!channel?.isSendable() && channel?.type !== ChannelType.GuildForum) return 'Herald cannot post in this kind of channel';
        const me = 'guild' in channel ? channel.guild.members.me : null;
        if (me && 'permissionsFor' in channel && !channel.permissionsFor(me)?.has(POSTING)) return REFUSALS[50013];
        return undefined;
      } catch (error) {
        return refusal(error)?.reason ?? `Herald could not check the channel (${(error as Error).message})`;
      }
    },
  };

  return {
    client,
    poster,
    async login(token) {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(token);
      await ready;
      logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'connected to Discord');
    },
    async stop() {
      await client.destroy();
    },
  };
}
