import { InputError } from '../input-error.ts';
import { parseCommandArgs, writeJson, type CliCommand } from './cli-command.ts';
import { formatDate } from './format-date.ts';
import { parseLimit, parseSince } from './option-values.ts';
import { withNewsroom } from './with-newsroom.ts';

export const topicsCommand: CliCommand = {
  name: 'topics',
  usage: 'herald topics [--since <duration>] [--limit <n>] [--json]',
  summary: 'what is trending: topics by recent coverage across sources',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('topics', args, {
      since: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (positionals.length) throw new InputError(`topics: unexpected argument "${positionals[0]}"`);
    const now = io.now();
    const since = values.since === undefined ? undefined : parseSince('topics', values.since, now);
    const limit = parseLimit('topics', values.limit, 15);
    return withNewsroom(io, async (newsroom) => {
      const topics = (await newsroom.trending({ ...(since ? { since } : {}), limit })).map(({ topic, articles, sources }) => ({ topic, count: articles, sources }));
      if (values.json) {
        writeJson(io, { topics });
      } else if (topics.length === 0) {
        io.stdout.write('No topics in this period yet.\n');
      } else {
        const width = Math.max(...topics.map((entry) => entry.topic.length));
        io.stdout.write(`Trending ${since ? `since ${formatDate(since.toISOString())}` : 'across everything stored'}\n\n`);
        for (const [index, entry] of topics.entries()) {
          const sites = entry.sources === 1 ? '1 source' : `${entry.sources} sources`;
          io.stdout.write(`${String(index + 1).padStart(2)}. ${entry.topic.padEnd(width)}  ${entry.count} article${entry.count === 1 ? '' : 's'}, ${sites}\n`);
        }
      }
      return 0;
    });
  },
};
