import { describe, expect, it } from 'vitest';
import { buildArticle } from '../../src/ingest/build-article.ts';
import type { ArticleDraft } from '../../src/model/article.ts';

const context = { source: { kind: 'site' as const, location: 'https://example.com/a' }, fetchedAt: new Date('2024-09-10T08:00:00Z') };
const body = ['Kim Jong Un will travel to Russia by armoured train for a meeting with Vladimir Putin, according to reports from Seoul on Monday.', 'The meeting is expected to take place in the Russian port city of Vladivostok, where Putin has already arrived for the Eastern Economic Forum.'];

function draft(overrides: Partial<ArticleDraft> = {}): ArticleDraft {
  return { title: 'Kim to meet Putin', url: 'https://example.com/a?utm_source=rss#top', paragraphs: body, alsoRead: [], ...overrides };
}

describe('buildArticle', () => {
  it('strips tracking parameters and the fragment from the canonical URL', () => {
    expect(buildArticle(draft(), context).canonicalUrl).toBe('https://example.com/a');
  });

  it("prefers the publisher's canonical link, resolved against the page URL", () => {
    expect(buildArticle(draft({ canonicalUrl: '/world/a' }), context).canonicalUrl).toBe('https://example.com/world/a');
  });

  it('gives the same article under two tracking URLs the same id', () => {
    const a = buildArticle(draft({ url: 'https://example.com/a?utm_source=x' }), context);
    const b = buildArticle(draft({ url: 'https://example.com/a?fbclid=y' }), context);
    expect(a.id).toBe(b.id);
  });

  it('hashes the body so that the same text with other typography matches', () => {
    const curly = buildArticle(draft({ paragraphs: body.map((paragraph) => paragraph.replace(/'/g, '’')) }), context);
    expect(curly.contentHash).toBe(buildArticle(draft(), context).contentHash);
  });

  it('tells apart two short teasers with the same text by their titles', () => {
    const a = buildArticle(draft({ title: 'One', paragraphs: ['Read more.'] }), context);
    const b = buildArticle(draft({ title: 'Two', paragraphs: ['Read more.'] }), context);
    expect(a.contentHash).not.toBe(b.contentHash);
  });

  it('identifies an article without a URL by its content', () => {
    const { url: _url, ...withoutUrl } = draft();
    const article = buildArticle(withoutUrl, context);
    expect(article.canonicalUrl).toBeUndefined();
    expect(article.id).toMatch(/^[0-9a-f]{24}$/);
  });

  it('records when Herald read it and where from, and names its topics', () => {
    const article = buildArticle(draft(), context);
    expect(article.fetchedAt).toBe('2024-09-10T08:00:00.000Z');
    expect(article.source).toEqual(context.source);
    expect(article.topics).toEqual(expect.arrayContaining(['Vladimir Putin', 'Russia']));
  });

  it('does not carry the teaser flag into the stored article', () => {
    expect(buildArticle(draft({ isSnippet: true }), context)).not.toHaveProperty('isSnippet');
  });
});
