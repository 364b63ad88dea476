import type { APIAllowedMentions, APIEmbed } from 'discord.js';
import type { Logger } from '../logger.ts';
import { validateMessage } from './render/embed-limits.ts';
import { contentMessage, type MessagePayload } from './render/message-payload.ts';

/** A message as Discord's create-message endpoints take it. */
export interface ApiMessage {
  content?: string;
  embeds?: APIEmbed[];
  components?: MessagePayload['components'];
  allowed_mentions: APIAllowedMentions;
}

/**
 * The renderers keep every message within Discord's limits; this is the last guard, so that a mistake there
 * costs one message's detail rather than an error from Discord. Mentions are never parsed, whatever the text says.
 */
export function apiMessage(message: MessagePayload, logger: Pick<Logger, 'error'>): ApiMessage {
  const problems = validateMessage(message);
  const safe = problems.length ? contentMessage('This answer was too long for Discord; try a narrower question.') : message;
  if (problems.length) logger.error({ problems }, 'a rendered message broke Discord limits');
  return {
    ...(safe.content ? { content: safe.content } : {}),
    ...(safe.embeds?.length ? { embeds: safe.embeds } : {}),
    ...(safe.components?.length ? { components: safe.components } : {}),
    allowed_mentions: { parse: [], replied_user: false, ...(safe.allowed_mentions.roles?.length ? { roles: safe.allowed_mentions.roles } : {}) },
  };
}
