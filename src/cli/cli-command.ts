import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from '../input-error.ts';

/** What a command may touch; tests hand in their own streams, environment and clock. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
  now: () => Date;
}

export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  /** Resolves to the exit code. Throws InputError for bad input, which main prints as one line. */
  run(args: string[], io: CliIo): Promise<number>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, with its errors turned into one-line messages that name the command. */
export function parseCommandArgs<T extends Options>(command: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message;
    const option = /option '([^']+)'/i.exec(message)?.[1];
    throw new InputError(`${command}: ${option && /unknown/i.test(message) ? `unknown option ${option}` : message.split(/\.\s|\n/)[0]}`);
  }
}

export function writeJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
