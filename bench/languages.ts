import { detectLanguage } from '../src/ingest/detect-language.ts';
import { articleText } from '../src/model/article.ts';
import { labelledArticles, loadLabelledEvents } from './labelled-events.ts';
import type { BenchSection } from './report.ts';

const percent = (right: number, all: number): string => `${((right / all) * 100).toFixed(1)}%`;

/** Language detection (eld, smallest database) on the labelled reports, whole and by headline alone. */
export default async function benchLanguages(): Promise<BenchSection> {
  const reports = labelledArticles(loadLabelledEvents());
  const languages = [...new Set(reports.map((report) => report.language))].sort();
  const started = performance.now();
  const rows = languages.map((language) => {
    const of = reports.filter((report) => report.language === language);
    const whole = of.filter((report) => detectLanguage(`${report.article.title}\n${articleText(report.article)}`) === language).length;
    const headline = of.filter((report) => detectLanguage(report.article.title) === language).length;
    const unsure = of.filter((report) => detectLanguage(report.article.title) === undefined).length;
    return { language, reports: of.length, whole, headline, unsure };
  });
  const ms = (performance.now() - started) / (reports.length * 3);
  const total = (key: 'reports' | 'whole' | 'headline' | 'unsure') => rows.reduce((sum, row) => sum + row[key], 0);
  return {
    title: 'Language detection',
    table: [
      ['language', 'reports', 'whole report right', 'headline alone right', 'headline alone: too short to tell'],
      ...rows.map((row) => [row.language, String(row.reports), percent(row.whole, row.reports), percent(row.headline, row.reports), String(row.unsure)]),
      ['all', String(total('reports')), percent(total('whole'), total('reports')), percent(total('headline'), total('reports')), String(total('unsure'))],
    ],
    notes: [
      `eld 2.1.0's extrasmall database through src/ingest/detect-language.ts, on the reports and distractors of the labelled events (test/fixtures/events), whose language is known; ${ms.toFixed(2)} ms per detection. A headline too short to tell (under 20 letters, or one eld is unsure of) counts as wrong; buildArticle then keeps the language the publisher declared.`,
    ],
  };
}
