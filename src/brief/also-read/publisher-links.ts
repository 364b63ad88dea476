import type { AlsoReadLink, Article } from '../../model/article.ts';
import { webAddress } from '../article-address.ts';
import type { BriefingLink } from '../../model/story.ts';

/**
 * A publisher's own related links as briefing links: those the page gave a URL keep it; those it gave only as a
 * title become links when the store holds an article under that title; the rest are dropped, since a briefing
 * cannot offer a link it cannot open. The publisher's wording of the title is kept.
 */
export function resolvePublisherLinks(links: AlsoReadLink[], findByTitle: (title: string) => Article | undefined): BriefingLink[] {
  return links.flatMap((link) => {
    const found = findByTitle(link.title);
    const url = link.url ?? (found && webAddress(found));
    return url ? [{ title: link.title, url }] : [];
  });
}
