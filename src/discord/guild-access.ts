import { PermissionFlagsBits } from 'discord.js';
import type { Reading, Scope } from '../brief/newsroom.ts';
import { InputError } from '../input-error.ts';
import { baseLanguage } from '../model/language.ts';
import type { CommandRequest, Services } from './command.ts';
import { replyText } from './i18n/reply-text.ts';

/** Herald's commands concern a server's sources and channels, so they are for servers only. */
export function requireGuild(request: CommandRequest): string {
  if (!request.guildId) throw new InputError(replyText(request.locale).serversOnly);
  return request.guildId;
}

/**
 * Admin commands carry Manage Server as their default permission, but a server's owner can grant any command
 * to anyone in the server settings, so the handler checks again: only Manage Server changes what a server reads.
 */
export function requireManageGuild(request: CommandRequest): string {
  const guildId = requireGuild(request);
  // Administrator grants every permission, whether or not Discord spells the others out in the bitfield.
  if ((request.memberPermissions & (PermissionFlagsBits.ManageGuild | PermissionFlagsBits.Administrator)) === 0n) {
    throw new InputError(replyText(request.locale).needsManageServer);
  }
  return guildId;
}

/** What a server may read: the sources every server shares, and its own. Another server's sources never show. */
export async function guildScope(request: CommandRequest, services: Services): Promise<Required<Pick<Scope, 'sourceLocations'>>> {
  const settings = await services.guilds.get(requireGuild(request));
  return { sourceLocations: [...services.defaultSources, ...settings.sources.map((source) => source.url)] };
}

/** A briefing asked for in a server is for readers of the server's language. */
export function readers(request: CommandRequest): Reading {
  const language = baseLanguage(request.guildLocale);
  return language ? { language } : {};
}
