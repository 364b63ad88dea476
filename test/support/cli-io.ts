import { PassThrough } from 'node:stream';
import type { CliIo } from '../../src/cli/cli-command.ts';
import { runCli } from '../../src/cli/run-cli.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  return { stream, text: () => text };
}

/** Runs the CLI in this process with captured streams, as a terminal-less caller (a script, CI) would. */
export async function runHerald(argv: string[], env: NodeJS.ProcessEnv = {}, now = new Date('2024-09-12T09:00:00Z')): Promise<CliRun> {
  const stdout = capture();
  const stderr = capture();
  const io: CliIo = {
    stdout: stdout.stream,
    stderr: stderr.stream as unknown as NodeJS.WriteStream,
    env: { HERALD_STORE: 'memory:', ...env },
    now: () => now,
  };
  const code = await runCli(argv, io);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
