import type { APIEmbed } from 'discord.js';

/**
 * One message as Herald sends it, in the shape of Discord's create-message body, so the Discord adapter can
 * send it as it is and the console can print it. `allowed_mentions` is required and can only parse nothing:
 * article text is untrusted, and a headline reading "@everyone" must ping no one.
 */
export interface MessagePayload {
  content?: string;
  embeds?: APIEmbed[];
  allowed_mentions: { parse: [] };
  flags?: number;
}

export function contentMessage(content: string): MessagePayload {
  return { content, allowed_mentions: { parse: [] } };
}
