import { InputError } from '../input-error.ts';
import { parseCommandArgs, writeJson, type CliCommand } from './cli-command.ts';
import { parseLimit, parseSince } from './option-values.ts';
import { renderBriefing } from './render-briefing.ts';
import { withNewsroom } from './with-newsroom.ts';

const DEFAULT_LIMIT = { digest: 10, topic: 5 };

export const briefCommand: CliCommand = {
  name: 'brief',
  usage: 'herald brief [--topic <query>] [--since <duration>] [--limit <n>] [--json]',
  summary: 'the top stories from the store, or a briefing on one topic',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('brief', args, {
      topic: { type: 'string' },
      since: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (positionals.length) throw new InputError(`brief: unexpected argument "${positionals[0]}" (a topic goes after --topic)`);
    const topic = values.topic?.trim();
    if (values.topic !== undefined && !topic) throw new InputError('brief: --topic needs some words to look for');
    const now = io.now();
    const since = values.since === undefined ? undefined : parseSince('brief', values.since, now);
    const limit = parseLimit('brief', values.limit, topic ? DEFAULT_LIMIT.topic : DEFAULT_LIMIT.digest);
    return withNewsroom(io, async (newsroom) => {
      const scope = since ? { since } : {};
      const briefing = topic ? await newsroom.topicBriefing(topic, { ...scope, limit }) : await newsroom.digest({ ...scope, limit });
      if (values.json) {
        writeJson(io, {
          ...(briefing.overview !== undefined ? { overview: briefing.overview } : {}),
          items: briefing.items.map(({ title, url, summary, sources, topics, alsoRead }) => ({ title, url, summary, sources, topics, alsoRead })),
        });
      } else {
        io.stdout.write(`${renderBriefing(briefing, Math.min(io.stdout.columns ?? 80, 100))}\n`);
      }
      return 0;
    });
  },
};
