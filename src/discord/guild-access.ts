import { PermissionFlagsBits } from 'discord.js';
import type { Reading, Scope } from '../brief/newsroom.ts';
import { InputError } from '../input-error.ts';
import type { Article } from '../model/article.ts';
import { baseLanguage } from '../model/language.ts';
import type { CommandRequest, Invocation, Services } from './command.ts';
import { replyText } from './i18n/reply-text.ts';

/** Herald's commands concern a server's sources and channels, so they are for servers only. */
export function requireGuild(request: Pick<Invocation, 'guildId' | 'locale'>): string {
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
export async function guildScope(request: Pick<Invocation, 'guildId' | 'locale'>, services: Services): Promise<Required<Pick<Scope, 'sourceLocations'>>> {
  const settings = await services.guilds.get(requireGuild(request));
  return { sourceLocations: [...services.defaultSources, ...settings.sources.map((source) => source.url)] };
}

/**
 * The kept article a button names, when this server may see it. Gone and another server's get the same answer,
 * so that a crafted id learns nothing of another server's sources.
 */
export async function articleInScope(request: Pick<Invocation, 'guildId' | 'locale'>, services: Services, articleId: string): Promise<Article> {
  const article = await services.newsroom.article(articleId);
  if (!article || !(await services.newsroom.inScope(article, await guildScope(request, services)))) {
    throw new InputError(replyText(request.locale).articleGone);
  }
  return article;
}

/** Herald posts publicly for someone only where they could post it themselves: a message with embeds. */
export function requirePoster(request: Pick<CommandRequest, 'memberPermissions' | 'locale'>): void {
  const needed = PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks;
  if ((request.memberPermissions & PermissionFlagsBits.Administrator) === 0n && (request.memberPermissions & needed) !== needed) {
    throw new InputError(replyText(request.locale).cannotPostForYou);
  }
}

/** A briefing asked for in a server is for readers of the server's language. */
export function readers(request: Pick<CommandRequest, 'guildLocale'>): Reading {
  const language = baseLanguage(request.guildLocale);
  return language ? { language } : {};
}
