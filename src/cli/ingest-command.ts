import { loadConfig } from '../config/load-config.ts';
import { InputError } from '../input-error.ts';
import { ingestInputs } from '../ingest/ingest-inputs.ts';
import { openRuntime } from '../runtime.ts';
import { parseCommandArgs, writeJson, type CliCommand } from './cli-command.ts';
import { createProgressBar } from './progress-bar.ts';

export const ingestCommand: CliCommand = {
  name: 'ingest',
  usage: 'herald ingest <file|dir|url>... [--json]',
  summary: 'extract articles from files, folders, pages and feeds and store them',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('ingest', args, { json: { type: 'boolean' } });
    if (positionals.length === 0) throw new InputError('ingest: expected at least one file, folder or URL');
    const runtime = await openRuntime(await loadConfig(io.env), { now: io.now });
    try {
      const report = await ingestInputs(positionals, {
        fetcher: runtime.fetcher,
        repository: runtime.engine.articles,
        now: io.now,
        completeSnippets: runtime.config.ingest.completeSnippets,
        concurrency: runtime.config.ingest.concurrency,
        onProgress: createProgressBar(io.stderr),
      });
      for (const failure of report.failures) io.stderr.write(`herald: ${failure.reason.startsWith(failure.input) ? failure.reason : `${failure.input}: ${failure.reason}`}\n`);
      if (values.json) writeJson(io, { new: report.new, duplicate: report.duplicate, failed: report.failed });
      else io.stdout.write(`${report.new} new, ${report.duplicate} duplicate, ${report.failed} failed\n`);
      return report.failed > 0 ? 1 : 0;
    } finally {
      await runtime.close();
    }
  },
};
