import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { buildArticle } from '../src/ingest/build-article.ts';
import type { Article } from '../src/model/article.ts';

/** The labelled events: real events told by several outlets in their own words (test/fixtures/events/README.md). */
export const EVENTS_FOLDER = path.resolve(import.meta.dirname, '../test/fixtures/events');

const reportSchema = z.object({
  outlet: z.string().min(1),
  style: z.string().min(1),
  url: z.string().url(),
  publishedAt: z.string().datetime(),
  title: z.string().min(1),
  standfirst: z.string().min(1).optional(),
  paragraphs: z.array(z.string().min(1)).min(1),
  entities: z.array(z.string().min(1)),
  subjects: z.array(z.string().min(1)),
});

const eventSchema = z.object({
  id: z.string().regex(/^\d\d-[a-z0-9-]+$/),
  split: z.enum(['tune', 'held-out']),
  language: z.string().regex(/^[a-z]{2}$/),
  event: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  sources: z.array(z.string().url()).min(1),
  reports: z.array(reportSchema).min(2).max(5),
  distractors: z.array(reportSchema.extend({ about: z.string().min(1), sources: z.array(z.string().url()).min(1) })),
});

export type LabelledReport = z.infer<typeof reportSchema>;
export type LabelledEvent = z.infer<typeof eventSchema>;
export type Split = LabelledEvent['split'];

/** A report as Herald stores it, with the event it belongs to and its hand-labelled topics. */
export interface LabelledArticle {
  article: Article;
  /** The event's id, or the distractor's own (`<event id>/distractor-<n>`): a distractor is an event of its own. */
  event: string;
  split: Split;
  language: string;
  entities: string[];
  subjects: string[];
}

export function loadLabelledEvents(folder = EVENTS_FOLDER): LabelledEvent[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const parsed = eventSchema.safeParse(JSON.parse(readFileSync(path.join(folder, name), 'utf8')));
      if (!parsed.success) throw new Error(`${name}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
      if (`${parsed.data.id}.json` !== name) throw new Error(`${name}: its id is ${parsed.data.id}`);
      return parsed.data;
    });
}

/** Every report and distractor of the events, read as a feed item of its outlet would be: topics extracted by Herald, the labels beside. */
export function labelledArticles(events: LabelledEvent[]): LabelledArticle[] {
  return events.flatMap((event) => [
    ...event.reports.map((report) => toArticle(report, event, event.id)),
    ...event.distractors.map((report, index) => toArticle(report, event, `${event.id}/distractor-${index + 1}`)),
  ]);
}

function toArticle(report: LabelledReport, event: LabelledEvent, id: string): LabelledArticle {
  const host = new URL(report.url).host;
  const article = buildArticle(
    {
      title: report.title,
      url: report.url,
      ...(report.standfirst ? { dek: report.standfirst } : {}),
      siteName: report.outlet,
      publishedAt: new Date(report.publishedAt).toISOString(),
      language: event.language,
      paragraphs: report.paragraphs,
      alsoRead: [],
    },
    { source: { kind: 'feed', location: `https://${host}/feed`, name: report.outlet }, fetchedAt: new Date(Date.parse(report.publishedAt) + 10 * 60_000) },
  );
  return { article, event: id, split: event.split, language: event.language, entities: report.entities, subjects: report.subjects };
}
