import type { Article } from '../../model/article.ts';
import type { BriefingLink, Story } from '../../model/story.ts';
import { canonicalUrl } from '../../model/canonical-url.ts';
import { resolvePublisherLinks } from './publisher-links.ts';
import type { RelatedIndex } from './related-index.ts';
import { storyUrls } from './related-index.ts';

export interface StoryAlsoReadContext {
  related: RelatedIndex;
  findByTitle: (title: string) => Article | undefined;
  now: Date;
  /** Default 3. */
  limit?: number;
}

/**
 * The "also read" links a briefing shows under a story: the publishers' own first (the lead's, then the
 * other sources'), since an editor chose them, then Herald's related coverage; never twice the same address
 * (tracking parameters aside), never one of the story's own articles.
 */
export function storyAlsoRead(story: Story, context: StoryAlsoReadContext): BriefingLink[] {
  const limit = context.limit ?? 3;
  const own = new Set([...storyUrls(story)].map((url) => canonicalUrl(url) ?? url));
  const publisher = resolvePublisherLinks(
    story.articles.flatMap((article) => article.alsoRead),
    context.findByTitle,
  );
  const herald = context.related.alsoRead(story, { now: context.now, limit });
  const links: BriefingLink[] = [];
  for (const link of [...publisher, ...herald]) {
    const key = canonicalUrl(link.url) ?? link.url;
    if (own.has(key)) continue;
    own.add(key);
    links.push(link);
    if (links.length >= limit) break;
  }
  return links;
}
