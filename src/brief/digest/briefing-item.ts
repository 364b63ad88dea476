import { isForeignLanguage } from '../../model/language.ts';
import type { BriefingItem, BriefingLink, Story } from '../../model/story.ts';
import { articleAddress, publisherName } from '../article-address.ts';
import type { Summary } from '../summarizer.ts';

/**
 * One story as a reader sees it: the lead's headline and link, its summary, and every site that carried it once.
 * A lead written in another language than the briefing's (`language`) says which, and keeps its own headline
 * beside the one a model translated it to.
 */
export function briefingItem(story: Story, summary: Summary, alsoRead: BriefingLink[], language?: string): BriefingItem {
  const sources: BriefingItem['sources'] = [];
  const imageUrl = leadImage(story);
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
    title: summary.title ?? story.lead.title,
    url: articleAddress(story.lead),
    summary: summary.text,
    sources,
    topics: story.topics,
    alsoRead,
    ...(story.lead.publishedAt ? { publishedAt: story.lead.publishedAt } : {}),
    ...(story.lead.language && isForeignLanguage(story.lead.language, language) ? { language: story.lead.language } : {}),
    ...(summary.title ? { originalTitle: story.lead.title } : {}),
    ...(imageUrl ? { imageUrl } : {}),
  };
}

/** The lead's own picture, else the first picture its feed attached to it. */
function leadImage(story: Story): string | undefined {
  return story.lead.imageUrl ?? story.lead.enclosures?.find((enclosure) => enclosure.type?.startsWith('image/'))?.url;
}
