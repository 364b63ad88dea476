import { describe, expect, it } from 'vitest';
import { labelledArticles, loadLabelledEvents } from '../../bench/labelled-events.ts';
import { articleLanguage, detectLanguage } from '../../src/ingest/detect-language.ts';
import { buildArticle } from '../../src/ingest/build-article.ts';
import { articleText } from '../../src/model/article.ts';

const reports = labelledArticles(loadLabelledEvents());

describe('detectLanguage', () => {
  it('names the language of every labelled report, in all six languages Herald summarises', () => {
    const wrong = reports.filter((report) => detectLanguage(`${report.article.title}\n${articleText(report.article)}`) !== report.language);
    expect(new Set(reports.map((report) => report.language)).size).toBe(6);
    expect(wrong.map((report) => report.event)).toEqual([]);
  });

  it('says nothing of a text too short to tell', () => {
    expect(detectLanguage('Storm Agnes')).toBeUndefined();
  });
});

describe('articleLanguage', () => {
  const french = reports.find((report) => report.language === 'fr')!.article;
  const text = articleText(french);

  it('corrects a feed that declares English for an article in French', () => {
    expect(articleLanguage('en', text)).toBe('fr');
  });

  it('keeps the publisher’s fuller tag when the text agrees with it', () => {
    expect(articleLanguage('fr-CA', text)).toBe('fr-CA');
  });

  it('keeps the publisher’s tag when the text is too short to tell', () => {
    expect(articleLanguage('nl', 'Kort nieuws')).toBe('nl');
  });

  it('is stored on every article built from a draft that declares none', () => {
    const spanish = reports.find((report) => report.language === 'es')!.article;
    const built = buildArticle({ title: spanish.title, paragraphs: spanish.paragraphs, alsoRead: [] }, { source: spanish.source, fetchedAt: new Date('2024-01-01T00:00:00Z') });
    expect(built.language).toBe('es');
  });
});
