import { z } from 'zod';
import type { SummaryLength } from '../brief/summarizer.ts';

export const DIGEST_FORMATS = ['embeds', 'compact', 'headlines'] as const;
export const SUMMARY_LENGTHS = ['short', 'medium', 'long'] as const satisfies readonly SummaryLength[];
export const GROUPINGS = ['topic', 'none'] as const;
export type DigestFormat = (typeof DIGEST_FORMATS)[number];
export type Grouping = (typeof GROUPINGS)[number];

/** A headlines digest lists titles only, so it may hold more stories than the formats that summarise each. */
export const MAX_ITEMS = 10;
export const MAX_HEADLINES = 50;

/**
 * How a schedule's digest looks. Schedules stored before these options existed, or holding a value a later
 * version dropped, read as today's look: an embed per story, no pictures, the configured summary, by topic.
 */
const lookSchema = z.object({
  format: z.enum(DIGEST_FORMATS).catch('embeds'),
  images: z.boolean().catch(false),
  summary: z.enum(SUMMARY_LENGTHS).catch('medium'),
  groupBy: z.enum(GROUPINGS).catch('topic'),
});

export type DigestLook = z.infer<typeof lookSchema>;

/** The look a stored schedule asks for, every option absent or unreadable taken at its default. */
export function digestLook(schedule: Partial<Record<keyof DigestLook, unknown>>): DigestLook {
  return lookSchema.parse({ format: schedule.format, images: schedule.images, summary: schedule.summary, groupBy: schedule.groupBy });
}

/** The most stories a digest of this format may hold. */
export function maxItemsFor(format: DigestFormat): number {
  return format === 'headlines' ? MAX_HEADLINES : MAX_ITEMS;
}
