import type { APIUser } from 'discord.js';
import type { Invoker } from './interaction-create.ts';

const JOINED_AT = '2026-01-01T00:00:00.000Z';

/**
 * The people in each guild besides the bot. Whoever runs a command in a guild is a member of it; a test can
 * add and remove members. The bot hears of none of it: GUILD_MEMBER_ADD and REMOVE need the privileged
 * GuildMembers intent, which Herald does not ask for.
 */
export interface GuildMembers {
  add(guildId: string, user: Invoker): void;
  remove(guildId: string, userId: string): void;
  /** The member as GET /guilds/:id/members/:userId returns it, or undefined for a user not in the guild. */
  memberJson(guildId: string, userId: string): Record<string, unknown> | undefined;
}

export function userJson(user: Invoker): APIUser {
  return { id: user.id, username: user.username, discriminator: '0', global_name: user.username, avatar: null };
}

export function createGuildMembers(): GuildMembers {
  const members = new Map<string, Map<string, Invoker>>();
  return {
    add(guildId, user) {
      const guild = members.get(guildId) ?? new Map<string, Invoker>();
      guild.set(user.id, user);
      members.set(guildId, guild);
    },
    remove(guildId, userId) {
      members.get(guildId)?.delete(userId);
    },
    memberJson(guildId, userId) {
      const user = members.get(guildId)?.get(userId);
      return user && { user: userJson(user), roles: [], joined_at: JOINED_AT, deaf: false, mute: false, flags: 0, pending: false, nick: null, avatar: null, premium_since: null };
    },
  };
}
