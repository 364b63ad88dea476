import type { APIEmbed } from 'discord.js';
import { EMBED_TOTAL_MAX, EMBEDS_PER_MESSAGE, embedLength } from './embed-limits.ts';
import type { MessagePayload } from './message-payload.ts';

/**
 * Embeds in order over as few messages as Discord allows: at most 10 a message and 6000 characters between
 * them. `content` goes on the first message. Each embed must already be within 6000 characters on its own.
 */
export function packEmbeds(embeds: APIEmbed[], content?: string): MessagePayload[] {
  const batches: APIEmbed[][] = [];
  let batch: APIEmbed[] = [];
  let total = 0;
  for (const embed of embeds) {
    const length = embedLength(embed);
    if (batch.length === EMBEDS_PER_MESSAGE || (batch.length > 0 && total + length > EMBED_TOTAL_MAX)) {
      batches.push(batch);
      batch = [];
      total = 0;
    }
    batch.push(embed);
    total += length;
  }
  if (batch.length > 0 || content) batches.push(batch);
  return batches.map((batchEmbeds, index) => ({
    ...(index === 0 && content ? { content } : {}),
    ...(batchEmbeds.length > 0 ? { embeds: batchEmbeds } : {}),
    allowed_mentions: { parse: [] },
  }));
}
