import { topicKey } from '../../ingest/topics/topic-key.ts';
import type { Story } from '../../model/story.ts';

/**
 * Whether a story is about any of the topics an admin or reader asked for. A filter matches whole words of
 * a topic or the headline, so "Korea" finds "North Korea" and "South Korea" but "Kor" finds nothing, and
 * spelling differences ("Kim Jong-un", "Kim Jong Un's") do not matter.
 */
export function storyMatchesTopics(story: Story, filters: string[]): boolean {
  const wanted = filters.map(topicKey).filter(Boolean);
  if (wanted.length === 0) return true;
  const haystacks = [
    ...story.topics,
    ...story.articles.flatMap((article) => [article.title, ...article.topics]),
  ].map((text) => ` ${topicKey(text)} `);
  return wanted.some((filter) => haystacks.some((haystack) => haystack.includes(` ${filter} `)));
}
