import { loadConfig } from '../config/load-config.ts';
import { InputError } from '../input-error.ts';
import { buildArticle } from '../ingest/build-article.ts';
import { extractDocument } from '../ingest/extract-document.ts';
import { isUrl, readInput } from '../ingest/read-input.ts';
import type { Article, ArticleSource } from '../model/article.ts';
import { createConfiguredFetcher } from '../runtime.ts';
import { toArticleJson } from './article-json.ts';
import { parseCommandArgs, writeJson, type CliCommand } from './cli-command.ts';
import { renderArticle } from './render-article.ts';

export const extractCommand: CliCommand = {
  name: 'extract',
  usage: 'herald extract <file|url> [--json]',
  summary: 'read one page, scraped text or feed and print its article(s)',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('extract', args, { json: { type: 'boolean' } });
    if (positionals.length !== 1) throw new InputError(`extract: expected one file or URL, got ${positionals.length}`);
    const input = positionals[0]!;
    const config = await loadConfig(io.env);
    const extraction = extractDocument((await readInput(input, createConfiguredFetcher(config)))!);
    if (extraction.format === 'feed' && extraction.itemsLeftOut) {
      io.stderr.write(`herald: ${input}: read the first ${extraction.drafts.length} items; ${extraction.itemsLeftOut} more were left out\n`);
    }
    const fetchedAt = io.now();
    const kind: ArticleSource['kind'] = extraction.format === 'feed' ? 'feed' : isUrl(input) ? 'site' : 'file';
    const source: ArticleSource = { kind, location: input };
    const articles: Article[] = (extraction.format === 'feed' ? extraction.drafts : [extraction.draft]).map((draft) => buildArticle(draft, { source, fetchedAt }));
    if (values.json) {
      writeJson(io, extraction.format === 'feed' ? articles.map(toArticleJson) : toArticleJson(articles[0]!));
    } else {
      const width = Math.min(io.stdout.columns ?? 80, 100);
      const rendered = articles.map((article) => renderArticle(article, width));
      io.stdout.write(`${rendered.join(`\n\n${'-'.repeat(width)}\n\n`)}\n`);
    }
    return 0;
  },
};
