import type { BriefingItem, BriefingLink, Story } from '../../model/story.ts';
import { articleAddress, publisherName } from '../article-address.ts';

/** One story as a reader sees it: the lead's headline and link, its summary, and every site that carried it once. */
export function briefingItem(story: Story, summary: string, alsoRead: BriefingLink[]): BriefingItem {
  const sources: BriefingItem['sources'] = [];
  const seen = new Set<string>();
  for (const article of story.articles) {
    const name = publisherName(article);
    if (seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    sources.push({ name, url: articleAddress(article) });
  }
  return {
    storyId: story.id,
    articleIds: story.articles.map((article) => article.id),
    title: story.lead.title,
    url: articleAddress(story.lead),
    summary,
    sources,
    topics: story.topics,
    alsoRead,
    ...(story.lead.publishedAt ? { publishedAt: story.lead.publishedAt } : {}),
  };
}
