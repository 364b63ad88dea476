import { createRelatedIndex } from '../src/brief/also-read/related-index.ts';
import { clusterStories } from '../src/brief/cluster/cluster-stories.ts';
import type { LabelledArticle } from './labelled-events.ts';

export interface AlsoReadRelevance {
  stories: number;
  /** Stories shown with at least one "also read" link of Herald's. */
  withLinks: number;
  links: number;
  relevant: number;
}

/**
 * Herald's own "also read" links under each story of the labelled events, judged by their subject: a link to a
 * report of the same event family (the event, or a distractor on its subject: the bank's previous decision, the
 * club's next match) is relevant; a link to any other event is not. Each story is read an hour after its latest
 * report, as a digest would show it.
 */
export function alsoReadRelevance(labelled: LabelledArticle[]): AlsoReadRelevance {
  const subjectOf = new Map(labelled.map((entry) => [entry.article.url!, entry.event.split('/')[0]!]));
  const stories = clusterStories(labelled.map((entry) => entry.article));
  const related = createRelatedIndex(stories);
  const result: AlsoReadRelevance = { stories: stories.length, withLinks: 0, links: 0, relevant: 0 };
  for (const story of stories) {
    const subject = subjectOf.get(story.lead.url!);
    const links = related.alsoRead(story, { now: new Date(Date.parse(story.latestAt) + 3_600_000) });
    if (links.length) result.withLinks += 1;
    result.links += links.length;
    result.relevant += links.filter((link) => subjectOf.get(link.url) === subject).length;
  }
  return result;
}
