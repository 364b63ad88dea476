import type { Article } from '../../model/article.ts';
import { keyOfTopic as keyOf } from './topic-keys.ts';

/** As many as one article may carry, so that a story never names more than its best-covered report. */
const MAX_TOPICS = 12;

/**
 * The topics a story's articles share, most widely named first. With several articles, a topic only one of
 * them names is that report's aside, not the story's; when no topic is shared, the lead's stand. Names are
 * matched by their canonical key and shown as the lead spells them, else as most articles do.
 */
export function storyTopics(lead: Article, articles: Article[]): string[] {
  const tally = new Map<string, { count: number; rank: number; forms: Map<string, number> }>();
  for (const article of articles) {
    const seen = new Set<string>();
    article.topics.forEach((name, rank) => {
      const key = keyOf(name);
      if (!key || seen.has(key)) return;
      seen.add(key);
      const entry = tally.get(key) ?? { count: 0, rank: 0, forms: new Map<string, number>() };
      entry.count += 1;
      entry.rank += rank;
      entry.forms.set(name, (entry.forms.get(name) ?? 0) + 1);
      tally.set(key, entry);
    });
  }
  const leadForms = new Map(lead.topics.map((name) => [keyOf(name), name]));
  let shared = [...tally].filter(([, entry]) => articles.length === 1 || entry.count > 1);
  if (shared.length === 0) shared = [...tally].filter(([key]) => leadForms.has(key));
  return shared
    .sort(([keyA, a], [keyB, b]) => b.count - a.count || a.rank / a.count - b.rank / b.count || (keyA < keyB ? -1 : 1))
    .slice(0, MAX_TOPICS)
    .map(([key, entry]) => leadForms.get(key) ?? mostCommonForm(entry.forms));
}

function mostCommonForm(forms: Map<string, number>): string {
  return [...forms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
}
