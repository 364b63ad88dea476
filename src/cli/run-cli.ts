import { InputError } from '../input-error.ts';
import type { CliCommand, CliIo } from './cli-command.ts';
import { briefCommand } from './brief-command.ts';
import { extractCommand } from './extract-command.ts';
import { ingestCommand } from './ingest-command.ts';
import { searchCommand } from './search-command.ts';
import { summarizeCommand } from './summarize-command.ts';
import { topicsCommand } from './topics-command.ts';

const COMMANDS: CliCommand[] = [extractCommand, ingestCommand, summarizeCommand, briefCommand, topicsCommand, searchCommand];

function usage(): string {
  const width = Math.max(...COMMANDS.map((command) => command.usage.length));
  return ['Usage:', ...COMMANDS.map((command) => `  ${command.usage.padEnd(width)}  ${command.summary}`)].join('\n');
}

/** Runs one CLI invocation and resolves to its exit code; stdout carries the output and nothing else. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    (name ? io.stdout : io.stderr).write(`${usage()}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr.write(`herald: unknown command "${name}"\n${usage()}\n`);
    return 2;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr.write(`herald: ${error.message}\n`);
      return 1;
    }
    io.stderr.write(`herald: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (io.env.HERALD_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return 70;
  }
}
