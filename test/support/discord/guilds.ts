import { ChannelType, OverwriteType, PermissionFlagsBits, type APIUser } from 'discord.js';
import { isSnowflake } from './snowflakes.ts';

export interface ChannelSetup {
  id: string;
  name: string;
  type?: ChannelType.GuildText | ChannelType.GuildAnnouncement | ChannelType.GuildForum | ChannelType.GuildCategory;
  /** False hides the channel from the bot: reads and posts get 403 Missing Access (50001). Default true. */
  botCanView?: boolean;
  /** False lets the bot see but not post, there or in its threads: posts get 403 Missing Permissions (50013). Default true. */
  botCanPost?: boolean;
}

export interface GuildSetup {
  id: string;
  name: string;
  ownerId: string;
  channels: ChannelSetup[];
  /** The server's preferred locale, sent as its preferred_locale and as guild_locale with every interaction; "en-US" unless given. */
  locale?: string;
  /** Roles besides @everyone (whose id is the guild's), which a role option can name. */
  roles?: Array<{ id: string; name: string }>;
}

export interface ChannelState {
  id: string;
  guildId: string;
  name: string;
  type: ChannelType;
  position: number;
  botCanView: boolean;
  botCanPost: boolean;
  deleted: boolean;
  /** For a thread: the channel it belongs to (a forum's posts are threads), and who opened it. */
  parentId?: string;
  ownerId?: string;
  createdAt?: number;
}

const JOINED_AT = '2026-01-01T00:00:00.000Z';

/** What a plain member may do: read, post, embed, use commands. Pass it (or ADMIN_PERMISSIONS) as an invoker's permissions. */
export const MEMBER_PERMISSIONS = String(
  PermissionFlagsBits.ViewChannel |
    PermissionFlagsBits.SendMessages |
    PermissionFlagsBits.SendMessagesInThreads |
    PermissionFlagsBits.EmbedLinks |
    PermissionFlagsBits.AttachFiles |
    PermissionFlagsBits.ReadMessageHistory |
    PermissionFlagsBits.AddReactions |
    PermissionFlagsBits.UseExternalEmojis |
    PermissionFlagsBits.UseApplicationCommands,
);
export const ADMIN_PERMISSIONS = String(PermissionFlagsBits.Administrator);

export interface GuildDirectory {
  guilds: GuildSetup[];
  channel(id: string): ChannelState | undefined;
  /** Changes a channel as a server admin would, returning it as it now is. */
  update(channelId: string, change: Partial<Pick<ChannelState, 'deleted' | 'botCanView' | 'botCanPost'>>): ChannelState;
  channelsOf(guildId: string): ChannelState[];
  /**
   * Opens a thread in a channel, as a post in a forum is, or on a message (then with the message's id); it can be
   * seen and posted in as far as its parent can. A thread in an announcement channel is an announcement thread.
   */
  addThread(parent: ChannelState, thread: { id: string; name: string; ownerId: string; now: number }): ChannelState;
  threadsOf(guildId: string): ChannelState[];
  /** The channel as REST and gateway payloads carry it; the bot's limits are permission overwrites, so discord.js's `permissionsFor` agrees with the REST answers. */
  channelJson(channel: ChannelState): Record<string, unknown>;
  /** The guild as GET /guilds/:id returns it: its owner and roles among the rest, no channels. */
  guildJson(guildId: string): { id: string; [field: string]: unknown };
  /** The bot as a member of a guild, as GET /guilds/:id/members/:userId returns it. */
  botMemberJson(): Record<string, unknown>;
  guildCreate(guildId: string): { id: string; [field: string]: unknown };
  botPermissionsIn(channel: ChannelState): string;
  /** A role of any guild, as guild payloads and an interaction's resolved data carry it. */
  roleJson(roleId: string): Record<string, unknown> | undefined;
}

export function createGuildDirectory(guilds: GuildSetup[], bot: APIUser): GuildDirectory {
  for (const guild of guilds) {
    for (const id of [guild.id, guild.ownerId, ...guild.channels.map((channel) => channel.id)]) {
      if (!isSnowflake(id)) throw new Error(`loopback Discord needs 17–19 digit snowflakes (discord.js buckets rate limits by them), got "${id}"`);
    }
  }
  const channels = new Map<string, ChannelState>(
    guilds.flatMap((guild) =>
      guild.channels.map((setup, position): [string, ChannelState] => [
        setup.id,
        {
          id: setup.id,
          guildId: guild.id,
          name: setup.name,
          type: setup.type ?? ChannelType.GuildText,
          position,
          botCanView: setup.botCanView ?? true,
          botCanPost: setup.botCanPost ?? true,
          deleted: false,
        },
      ]),
    ),
  );
  // Denying both kinds of sending keeps the bot out of the channel's threads too, as the loopback refuses posts there.
  const denied = (channel: ChannelState): bigint =>
    (channel.botCanView ? 0n : PermissionFlagsBits.ViewChannel) | (channel.botCanPost ? 0n : PermissionFlagsBits.SendMessages | PermissionFlagsBits.SendMessagesInThreads);
  const threadJson = (thread: ChannelState): Record<string, unknown> => ({
    id: thread.id,
    type: thread.type,
    guild_id: thread.guildId,
    name: thread.name,
    parent_id: thread.parentId,
    owner_id: thread.ownerId,
    last_message_id: null,
    rate_limit_per_user: 0,
    message_count: 0,
    member_count: 1,
    flags: 0,
    applied_tags: [],
    thread_metadata: { archived: false, auto_archive_duration: 4320, archive_timestamp: new Date(thread.createdAt ?? 0).toISOString(), locked: false, create_timestamp: new Date(thread.createdAt ?? 0).toISOString() },
  });
  const channelJson = (channel: ChannelState): Record<string, unknown> => {
    if (channel.parentId) return threadJson(channel);
    const deny = denied(channel);
    return {
      id: channel.id,
      type: channel.type,
      guild_id: channel.guildId,
      name: channel.name,
      position: channel.position,
      permission_overwrites: deny === 0n ? [] : [{ id: bot.id, type: OverwriteType.Member, allow: '0', deny: String(deny) }],
      nsfw: false,
      parent_id: null,
      topic: null,
      last_message_id: null,
      rate_limit_per_user: 0,
      flags: 0,
      ...(channel.type === ChannelType.GuildForum ? { available_tags: [], default_reaction_emoji: null, default_sort_order: null, default_forum_layout: 0 } : {}),
    };
  };
  const roleJsons = (guild: GuildSetup): Array<Record<string, unknown>> =>
    [{ id: guild.id, name: '@everyone' }, ...(guild.roles ?? [])].map((role, position) => ({
      id: role.id,
      name: role.name,
      permissions: position === 0 ? MEMBER_PERMISSIONS : '0',
      position,
      color: 0,
      hoist: false,
      managed: false,
      mentionable: position > 0,
      flags: 0,
    }));
  const guildJson = (guildId: string): { id: string; [field: string]: unknown } => {
    const guild = guilds.find((candidate) => candidate.id === guildId);
    if (!guild) throw new Error(`no guild ${guildId} in this loopback Discord`);
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      owner_id: guild.ownerId,
      features: [],
      roles: roleJsons(guild),
      emojis: [],
      stickers: [],
      preferred_locale: guild.locale ?? 'en-US',
    };
  };
  const botMemberJson = (): Record<string, unknown> => ({ user: bot, roles: [], joined_at: JOINED_AT, deaf: false, mute: false, flags: 0, pending: false, nick: null, avatar: null, premium_since: null });
  const live = (guildId: string): ChannelState[] => [...channels.values()].filter((channel) => channel.guildId === guildId && !channel.deleted);
  const channelsOf = (guildId: string): ChannelState[] => live(guildId).filter((channel) => !channel.parentId);
  return {
    guilds,
    channel: (id) => channels.get(id),
    update(channelId, change) {
      const channel = channels.get(channelId);
      if (!channel) throw new Error(`no channel ${channelId} in this loopback Discord`);
      Object.assign(channel, change);
      return channel;
    },
    channelsOf,
    threadsOf: (guildId) => live(guildId).filter((channel) => channel.parentId),
    addThread(parent, thread) {
      const state: ChannelState = {
        id: thread.id,
        guildId: parent.guildId,
        name: thread.name,
        type: parent.type === ChannelType.GuildAnnouncement ? ChannelType.AnnouncementThread : ChannelType.PublicThread,
        position: 0,
        // A thread has no overwrites of its own: what the bot may do there is what it may do in the parent.
        get botCanView() {
          return parent.botCanView;
        },
        get botCanPost() {
          return parent.botCanPost;
        },
        get deleted() {
          return parent.deleted;
        },
        parentId: parent.id,
        ownerId: thread.ownerId,
        createdAt: thread.now,
      };
      channels.set(state.id, state);
      return state;
    },
    channelJson,
    botPermissionsIn: (channel) => String(BigInt(MEMBER_PERMISSIONS) & ~denied(channel)),
    roleJson: (roleId) => guilds.flatMap(roleJsons).find((role) => role.id === roleId),
    guildJson,
    botMemberJson,
    guildCreate(guildId) {
      return {
        ...guildJson(guildId),
        unavailable: false,
        large: false,
        member_count: 2,
        joined_at: JOINED_AT,
        channels: channelsOf(guildId).map(channelJson),
        threads: [],
        members: [botMemberJson()],
        presences: [],
        voice_states: [],
        stage_instances: [],
        guild_scheduled_events: [],
        soundboard_sounds: [],
      };
    },
  };
}
