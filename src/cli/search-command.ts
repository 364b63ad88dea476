import { InputError } from '../input-error.ts';
import { parseCommandArgs, writeJson, type CliCommand } from './cli-command.ts';
import { formatDate } from './format-date.ts';
import { parseLimit, parseSince } from './option-values.ts';
import { withNewsroom } from './with-newsroom.ts';
import { wrapText } from './wrap-text.ts';

export const searchCommand: CliCommand = {
  name: 'search',
  usage: 'herald search <query> [--since <duration>] [--limit <n>] [--json]',
  summary: 'stored articles matching a query, best first',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('search', args, {
      since: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean' },
    });
    const query = positionals.join(' ').trim();
    if (!query) throw new InputError('search: expected some words to look for');
    const now = io.now();
    const since = values.since === undefined ? undefined : parseSince('search', values.since, now);
    const limit = parseLimit('search', values.limit, 10);
    return withNewsroom(io, async (newsroom) => {
      const results = await newsroom.search(query, { limit, ...(since ? { since } : {}) });
      if (values.json) {
        writeJson(io, { results });
      } else if (results.length === 0) {
        io.stdout.write(`Nothing stored matches "${query}".\n`);
      } else {
        const width = Math.min(io.stdout.columns ?? 80, 100) - 4;
        for (const [index, result] of results.entries()) {
          const credits = [result.source, result.publishedAt && formatDate(result.publishedAt)].filter(Boolean).join(' · ');
          io.stdout.write(`${`${index + 1}.`.padEnd(4)}${wrapText(result.title, width).split('\n').join('\n    ')}\n    ${credits}\n    ${result.url}\n\n`);
        }
      }
      return 0;
    });
  },
};
