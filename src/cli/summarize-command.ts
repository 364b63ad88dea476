import { InputError } from '../input-error.ts';
import { buildArticle } from '../ingest/build-article.ts';
import { extractDocument } from '../ingest/extract-document.ts';
import { isUrl, readInput } from '../ingest/read-input.ts';
import { parseCommandArgs, writeJson, type CliCommand } from './cli-command.ts';
import { renderSummary } from './render-summary.ts';
import { withNewsroom } from './with-newsroom.ts';

export const summarizeCommand: CliCommand = {
  name: 'summarize',
  usage: 'herald summarize <file|url> [--json]',
  summary: 'summarize one article, with its topics and what to read next',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('summarize', args, { json: { type: 'boolean' } });
    if (positionals.length !== 1) throw new InputError(`summarize: expected one file or URL, got ${positionals.length}`);
    const input = positionals[0]!;
    return withNewsroom(io, async (newsroom, runtime) => {
      const extraction = extractDocument((await readInput(input, runtime.fetcher))!);
      if (extraction.format === 'feed') {
        throw new InputError(`summarize: ${input} is a feed of ${extraction.drafts.length} articles; give one article, or ingest the feed and use "herald brief"`);
      }
      const article = buildArticle(extraction.draft, { source: { kind: isUrl(input) ? 'site' : 'file', location: input }, fetchedAt: io.now() });
      const summary = await newsroom.summarizeArticle(article);
      if (values.json) writeJson(io, summary);
      else io.stdout.write(`${renderSummary(summary, Math.min(io.stdout.columns ?? 80, 100))}\n`);
      return 0;
    });
  },
};
