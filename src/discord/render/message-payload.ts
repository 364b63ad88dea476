import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord.js';

/**
 * One message as Herald sends it, in the shape of Discord's create-message body, so the Discord adapter can
 * send it as it is and the console can print it. `allowed_mentions` is required and can only parse nothing:
 * article text is untrusted, and a headline reading "@everyone" must ping no one.
 */
export interface MessagePayload {
  content?: string;
  embeds?: APIEmbed[];
  /** Parses nothing; a scheduled digest may name the one role its admin chose to ping. */
  allowed_mentions: { parse: []; roles?: string[] };
  flags?: number;
  /** Rows of buttons under the message; a button's custom id carries all its handler needs (see button-id.ts). */
  components?: Array<APIActionRowComponent<APIButtonComponent>>;
}

export function contentMessage(content: string): MessagePayload {
  return { content, allowed_mentions: { parse: [] } };
}
