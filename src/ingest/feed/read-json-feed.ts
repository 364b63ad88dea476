import { z } from 'zod';
import { resolveUrl } from '../../model/canonical-url.ts';
import { parseDate } from '../dates/parse-date.ts';
import { definedFields } from '../../model/defined-fields.ts';
import type { Feed, FeedItem } from './feed.ts';
import { distinctEnclosures, enclosureAt, escapeHtml } from './feed-fields.ts';

const text = z.string().optional().catch(undefined);
const author = z.object({ name: text, url: text }).partial().catch({});

/** JSON Feed 1.0 and 1.1, read leniently: a field of the wrong type is dropped, not the whole feed. */
const jsonFeedSchema = z.object({
  version: text,
  title: text,
  home_page_url: text,
  feed_url: text,
  description: text,
  language: text,
  icon: text,
  favicon: text,
  items: z
    .array(
      z
        .object({
          id: z.union([z.string(), z.number()]).optional().catch(undefined),
          url: text,
          external_url: text,
          title: text,
          content_html: text,
          content_text: text,
          summary: text,
          image: text,
          banner_image: text,
          date_published: text,
          date_modified: text,
          author: author.optional(),
          authors: z.array(author).optional().catch(undefined),
          tags: z.array(z.string()).optional().catch(undefined),
          language: text,
          attachments: z
            .array(z.object({ url: text, mime_type: text, size_in_bytes: z.number().optional().catch(undefined) }).catch({}))
            .optional()
            .catch(undefined),
        })
        .catch({}),
    )
    .catch([]),
});

/** True for a JSON Feed document; any other JSON is not one of ours. */
export function isJsonFeed(value: unknown): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return (typeof record.version === 'string' && record.version.includes('jsonfeed.org')) || Array.isArray(record.items);
}

export function readJsonFeed(value: unknown, documentUrl: string | undefined): Feed {
  const feed = jsonFeedSchema.parse(value);
  const base = resolveUrl(feed.feed_url, documentUrl) ?? documentUrl;
  return definedFields<Feed>({
    title: feed.title?.trim(),
    link: resolveUrl(feed.home_page_url, base),
    description: feed.description?.trim(),
    language: feed.language,
    imageUrl: resolveUrl(feed.icon ?? feed.favicon, base),
    items: feed.items.map((item) => {
      const authors = [...(item.authors ?? []), ...(item.author ? [item.author] : [])].map((person) => person.name?.trim()).filter(Boolean);
      const published = item.date_published && parseDate(item.date_published);
      const updated = item.date_modified && parseDate(item.date_modified);
      return definedFields<FeedItem>({
        guid: item.id === undefined ? undefined : String(item.id),
        title: item.title?.trim(),
        link: resolveUrl(item.url ?? item.external_url, base),
        publishedAt: published || undefined,
        updatedAt: updated || undefined,
        author: authors.length ? [...new Set(authors)].join(', ') : undefined,
        summaryHtml: item.summary ? escapeHtml(item.summary) : undefined,
        contentHtml: item.content_html ?? (item.content_text ? textToHtml(item.content_text) : undefined),
        categories: item.tags ?? [],
        imageUrl: resolveUrl(item.image ?? item.banner_image, base),
        enclosures: distinctEnclosures((item.attachments ?? []).map((attachment) => enclosureAt(resolveUrl(attachment.url, base), attachment.mime_type, attachment.size_in_bytes))),
        language: item.language,
      });
    }),
  });
}

/** content_text keeps paragraphs as blank lines; as HTML they become <p> elements. */
function textToHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${escapeHtml(paragraph.trim())}</p>`)
    .join('');
}
