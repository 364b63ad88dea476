import { expect, it } from 'vitest';
import { articleFeatures, readFeaturesAhead } from '../../src/brief/cluster/article-features.ts';
import { buildArticle } from '../../src/ingest/build-article.ts';
import type { Article } from '../../src/model/article.ts';

function article(paragraphs: string[]): Article {
  return buildArticle(
    { title: 'Ferry strike ends in Harbour City', url: 'https://harbour.example/ferry', siteName: 'Harbour News', paragraphs, alsoRead: [] },
    { source: { kind: 'feed', location: 'https://harbour.example/feed.xml' }, fetchedAt: new Date('2024-09-12T09:00:00Z') },
  );
}

const FERRY = ['Ferry crews voted on Wednesday to accept a 6% pay offer, Maritime Workers Union leader Ana Ruiz said.', 'Harbour Ferries Ltd said full timetables would resume on Friday.'];
const nameKeys = (features: ReturnType<typeof articleFeatures>): string[] => features.names.map((name) => name.key).sort();

it('reads the names of an article stored anew with another text from that text', () => {
  const ferry = article(FERRY);
  articleFeatures(ferry);
  const corrected: Article = { ...ferry, paragraphs: ferry.paragraphs.map((paragraph) => paragraph.replace('Ana Ruiz', 'Marta Vidal')) };

  expect(corrected.id).toBe(ferry.id);
  expect(nameKeys(articleFeatures(corrected))).toContain('marta vidal');
});

it('gives an article whose features were worked out ahead, as it arrived, the same features as one read on demand', () => {
  const ahead = article(FERRY);
  const onDemand = article(FERRY);
  readFeaturesAhead(ahead);

  expect(articleFeatures(ahead)).toEqual({ ...articleFeatures(onDemand), article: ahead });
});

it('keeps an article\'s features: the second question that clusters it reads the same ones', () => {
  const ferry = article(FERRY);

  expect(articleFeatures(ferry)).toBe(articleFeatures(ferry));
});
