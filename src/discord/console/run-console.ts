import { createInterface } from 'node:readline';
import { PermissionsBitField } from 'discord.js';
import { InputError } from '../../input-error.ts';
import type { Logger } from '../../logger.ts';
import type { Poster } from '../../deliver/poster.ts';
import type { Command, CommandRequest, Responder, Services } from '../command.ts';
import { dispatchCommand } from '../dispatch.ts';
import { messageToText } from '../render/console-text.ts';
import type { MessagePayload } from '../render/message-payload.ts';
import { CONSOLE_CHANNEL, parseConsoleCommand } from './parse-console-command.ts';

/** The console is one server of its own, and the person at the terminal runs it: an admin. */
export const CONSOLE_GUILD_ID = 'console';

export interface ConsoleOptions {
  commands: ReadonlyMap<string, Command>;
  services: Services;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream & { columns?: number; isTTY?: boolean };
  logger: Pick<Logger, 'warn' | 'error'>;
}

function width(output: ConsoleOptions['output']): number {
  return Math.min(output.columns ?? 80, 100);
}

/** Scheduled digests in console mode: printed where the person is looking, under the channel they were for. */
export function consolePoster(output: ConsoleOptions['output']): Poster {
  let posted = 0;
  return {
    async post(channelId, message) {
      output.write(`\n📰 Scheduled briefing for #${channelId}\n\n${messageToText(message, width(output))}\n\n`);
      posted += 1;
      return { messageId: `console-${posted}` };
    },
    async startThread(forumId, title, message) {
      output.write(`\n📰 New post in #${forumId}: ${title}\n\n${messageToText(message, width(output))}\n\n`);
      posted += 1;
      return { threadId: `console-thread-${posted}`, messageId: `console-${posted}` };
    },
    async findPosted() {
      return undefined;
    },
    async blocker() {
      return undefined;
    },
  };
}

/**
 * The bot in a terminal: each line is a slash command run through the same dispatcher and handlers as on
 * Discord, and each reply is printed as text. Resolves when the input ends.
 */
export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { output } = options;
  const lines = createInterface({ input: options.input, terminal: Boolean(output.isTTY), prompt: 'herald> ', output: output.isTTY ? output : undefined });
  const print = (message: MessagePayload, ephemeral?: boolean): void => {
    output.write(`${ephemeral ? '(only you can see this)\n' : ''}${messageToText(message, width(output))}\n\n`);
  };
  const responder: Responder = {
    async defer() {},
    async send(message, sendOptions) {
      print(message, sendOptions?.ephemeral);
    },
  };
  lines.prompt();
  for await (const line of lines) {
    if (line.trim()) await runLine(line, options, responder, print);
    lines.prompt();
  }
}

async function runLine(line: string, options: ConsoleOptions, responder: Responder, print: (message: MessagePayload) => void): Promise<void> {
  let request: CommandRequest;
  try {
    request = consoleRequest(line, options.commands);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    print({ content: `⚠️ ${error.message}`, allowed_mentions: { parse: [] } });
    return;
  }
  await dispatchCommand(options.commands, request, responder, options.services, { logger: options.logger });
}

function consoleRequest(line: string, commands: ReadonlyMap<string, Command>): CommandRequest {
  const { command, subcommand, values } = parseConsoleCommand(line, commands);
  const value = (name: string) => values.get(name);
  return {
    commandName: command.data.name,
    guildId: CONSOLE_GUILD_ID,
    channelId: CONSOLE_CHANNEL.id,
    user: { id: 'console', name: 'you' },
    memberPermissions: PermissionsBitField.All,
    subcommand: () => subcommand,
    string: (name) => {
      const found = value(name);
      return typeof found === 'string' ? found : null;
    },
    integer: (name) => {
      const found = value(name);
      return typeof found === 'number' ? found : null;
    },
    boolean: (name) => {
      const found = value(name);
      return typeof found === 'boolean' ? found : null;
    },
    channel: (name) => {
      const found = value(name);
      return typeof found === 'object' && !('role' in found) ? found : null;
    },
    role: (name) => {
      const found = value(name);
      return typeof found === 'object' && 'role' in found ? { id: found.id, name: found.name } : null;
    },
    targetMessage: () => null,
  };
}
