import type { Article, ArticleDraft, ArticleSource } from '../model/article.ts';
import { InputError } from '../input-error.ts';
import type { ArticleRepository } from '../store/article-repository.ts';
import { buildArticle } from './build-article.ts';
import { canonicalUrl } from '../model/canonical-url.ts';
import { decodeDocument, extractDocument, type Extraction } from './extract-document.ts';
import { FetchError } from './fetch/fetch-failure.ts';
import type { Fetcher } from './fetch/fetcher.ts';
import { extractFromHtml } from './html/extract-html.ts';
import { isUrl, listInputs, readInput } from './read-input.ts';
import { runWithConcurrency } from './run-with-concurrency.ts';

export interface IngestDependencies {
  fetcher: Fetcher;
  repository: ArticleRepository;
  now: () => Date;
  /** Fetch the page of a feed item that carries only a teaser. */
  completeSnippets: boolean;
  /** How many inputs are read at once; the fetcher still limits each host. */
  concurrency: number;
  onProgress?: (done: number, total: number) => void;
  /** Told of each article the store accepted as new, so that what is built on the store (the search index) keeps in step. */
  onNew?: (article: Article) => void;
}

export interface IngestFailure {
  input: string;
  reason: string;
  /** The HTTP status the server answered with, when the failure was its answer (404, 410, 503…). */
  status?: number;
  /** How long the server asked to be left alone (Retry-After), when it did. */
  retryAfterMs?: number;
}

export interface IngestReport {
  new: number;
  duplicate: number;
  failed: number;
  failures: IngestFailure[];
}

/**
 * Reads files, folders, pages and feeds and stores the articles in them. One bad input is a failure in
 * the report, never the end of the run; an unexpected error is reported the same way, with its message.
 */
export async function ingestInputs(inputs: string[], deps: IngestDependencies): Promise<IngestReport> {
  const report: IngestReport = { new: 0, duplicate: 0, failed: 0, failures: [] };
  const listed = await listInputs(inputs);
  let done = 0;
  const fail = (input: string, error: unknown): void => {
    report.failed += 1;
    const { status, retryAfterMs } = error instanceof FetchError ? error : { status: undefined, retryAfterMs: undefined };
    report.failures.push({ input, reason: reasonOf(error), ...(status === undefined ? {} : { status }), ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });
  };
  const ingestOne = async (input: string): Promise<void> => {
    try {
      // Feeds are polled again and again; a 304 means nothing new since the last run.
      const raw = await readInput(input, deps.fetcher, { conditional: true });
      if (!raw) return;
      const extraction = extractDocument(raw);
      for (const { draft, source } of await draftsOf(extraction, input, deps)) {
        try {
          const article = buildArticle(draft, { source, fetchedAt: deps.now() });
          const result = await deps.repository.add(article);
          report[result.status] += 1;
          if (result.status === 'new') deps.onNew?.(article);
        } catch (error) {
          fail(draft.url ?? input, error);
        }
      }
    } catch (error) {
      fail(input, error);
    } finally {
      done += 1;
      deps.onProgress?.(done, listed.length);
    }
  };
  await runWithConcurrency(listed, deps.concurrency, ingestOne);
  return report;
}

async function draftsOf(extraction: Extraction, input: string, deps: IngestDependencies): Promise<Array<{ draft: ArticleDraft; source: ArticleSource }>> {
  if (extraction.format !== 'feed') {
    const kind = isUrl(input) ? 'site' : 'file';
    const name = extraction.draft.siteName;
    return [{ draft: extraction.draft, source: { kind, location: input, ...(name ? { name } : {}) } }];
  }
  const source: ArticleSource = { kind: 'feed', location: input, ...(extraction.feed.title ? { name: extraction.feed.title } : {}) };
  const drafts = await Promise.all(extraction.drafts.map((draft) => (deps.completeSnippets ? completeIfNew(draft, input, deps) : draft)));
  return drafts.map((draft) => ({ draft, source }));
}

/** A teaser is completed from its page once; on later polls the stored article is recognised without fetching again. */
async function completeIfNew(draft: ArticleDraft, feedLocation: string, deps: IngestDependencies): Promise<ArticleDraft> {
  if (!draft.isSnippet || !draft.url) return draft;
  const known = await deps.repository.isKnown({ canonicalUrl: canonicalUrl(draft.url), guid: draft.guid, sourceLocation: feedLocation });
  return known ? draft : completeSnippet(draft, deps.fetcher);
}

/**
 * Replaces a feed teaser with the article from its page. The feed's title, guid and date stay, because
 * feeds state them cleanly where pages decorate them; if the page cannot be read, the teaser is kept.
 */
async function completeSnippet(draft: ArticleDraft, fetcher: Fetcher): Promise<ArticleDraft> {
  let page: ArticleDraft;
  try {
    const resource = await fetcher.fetch(draft.url!);
    const text = decodeDocument({ location: resource.url, bytes: resource.body, ...(resource.contentType ? { contentType: resource.contentType } : {}) });
    page = extractFromHtml(text, resource.url);
  } catch {
    return draft;
  }
  if (page.paragraphs.join(' ').length <= draft.paragraphs.join(' ').length) return draft;
  const { isSnippet: _teaser, ...feedFields } = draft;
  const byline = page.byline ?? draft.byline;
  return { ...page, ...feedFields, paragraphs: page.paragraphs, alsoRead: page.alsoRead, ...(byline ? { byline } : {}) };
}

function reasonOf(error: unknown): string {
  if (error instanceof InputError) return error.message;
  return `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}
