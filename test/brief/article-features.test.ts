import { expect, it } from 'vitest';
import { articleFeatures, forgetFeatures, readNamesAhead } from '../../src/brief/cluster/article-features.ts';
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

it('reads the same names of an article again once its other features were let go', () => {
  const ferry = article(FERRY);
  const first = nameKeys(articleFeatures(ferry));
  forgetFeatures();

  expect(first).toContain('ana ruiz');
  expect(nameKeys(articleFeatures(ferry))).toEqual(first);
});

it('reads the names of an article stored anew with another text from that text', () => {
  const ferry = article(FERRY);
  articleFeatures(ferry);
  forgetFeatures();
  const corrected: Article = { ...ferry, paragraphs: ferry.paragraphs.map((paragraph) => paragraph.replace('Ana Ruiz', 'Marta Vidal')) };

  expect(corrected.id).toBe(ferry.id);
  expect(nameKeys(articleFeatures(corrected))).toContain('marta vidal');
});

it('gives the same names to an article whose names were read ahead, as it arrived, as to one read on demand', () => {
  const ahead = article(FERRY);
  const onDemand = article(FERRY);
  readNamesAhead(ahead);

  expect(nameKeys(articleFeatures(ahead))).toEqual(nameKeys(articleFeatures(onDemand)));
});
