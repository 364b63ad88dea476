import { DiscordAPIError as EsmDiscordAPIError } from '@discordjs/rest';
import { DiscordAPIError, RESTJSONErrorCodes, Routes, type REST } from 'discord.js';
import type { MemberContact } from '../deliver/follows/member-contact.ts';
import type { RequestPacer } from './request-pacer.ts';

/** Either build of @discordjs/rest's error (see rest-poster.ts) with Discord's code. */
function discordCode(error: unknown): number | string | undefined {
  return error instanceof DiscordAPIError || error instanceof EsmDiscordAPIError ? error.code : undefined;
}

/**
 * Members over REST alone, which needs no privileged intent: Herald asks for the Guilds intent only, so it
 * hears of no member leaving, and asks Discord before it delivers instead. A server's name changes rarely
 * and is kept for the process's life.
 */
export function createRestMemberContact(rest: REST, pace: RequestPacer): MemberContact {
  const names = new Map<string, Promise<string>>();
  return {
    async isMember(guildId, userId) {
      try {
        await pace(() => rest.get(Routes.guildMember(guildId, userId)));
        return true;
      } catch (error) {
        if (discordCode(error) === RESTJSONErrorCodes.UnknownMember) return false;
        throw error;
      }
    },
    async directChannel(userId) {
      const channel = (await pace(() => rest.post(Routes.userChannels(), { body: { recipient_id: userId } }))) as { id: string };
      return channel.id;
    },
    guildName(guildId) {
      let name = names.get(guildId);
      if (!name) {
        name = pace(() => rest.get(Routes.guild(guildId))).then((guild) => (guild as { name: string }).name);
        name.catch(() => names.delete(guildId));
        names.set(guildId, name);
      }
      return name;
    },
  };
}
