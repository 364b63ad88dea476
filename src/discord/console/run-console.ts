import { createInterface } from 'node:readline';
import { PermissionsBitField } from 'discord.js';
import { InputError } from '../../input-error.ts';
import type { Logger } from '../../logger.ts';
import type { Poster } from '../../deliver/poster.ts';
import type { MemberContact } from '../../deliver/follows/member-contact.ts';
import type { ButtonRequest, ButtonResponder, Command, CommandRequest, Responder, Services } from '../command.ts';
import { dispatchButton, dispatchCommand } from '../dispatch.ts';
import { messageToText } from '../render/console-text.ts';
import { contentMessage, type MessagePayload } from '../render/message-payload.ts';
import { CONSOLE_CHANNEL, parseConsoleCommand } from './parse-console-command.ts';

/** The console is one server of its own, and the person at the terminal runs it: an admin. */
export const CONSOLE_GUILD_ID = 'console';
const CONSOLE_USER = { id: 'console', name: 'you' };
/** Replies whose buttons can still be pressed: the last few, as a reader scrolls back no further. */
const PRESSABLE = 20;

/** A reply printed with buttons, as it stands now. */
interface Pressable {
  id: string;
  message: MessagePayload;
  ephemeral: boolean;
  printedAt: Date;
}

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
  /** Threads opened on digests, by id: an update posted in one is printed under its name. */
  const threads = new Map<string, string>();
  return {
    async post(channelId, message) {
      const thread = threads.get(channelId);
      const heading = thread ? `🧵 ${thread}` : channelId.startsWith('@') ? '📬 Direct message' : `📰 Scheduled briefing for #${channelId}`;
      output.write(`\n${heading}\n\n${messageToText(message, width(output))}\n\n`);
      posted += 1;
      return { messageId: `console-${posted}` };
    },
    async openThread(_channelId, messageId, name) {
      threads.set(messageId, name);
      return { threadId: messageId };
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

/** The person at the terminal is the console server's one member; their "direct messages" are printed like digests. */
export const consoleContact: MemberContact = {
  isMember: async () => true,
  directChannel: async (userId) => `@${userId}`,
  guildName: async () => 'this terminal',
};

/**
 * The bot in a terminal: each line is a slash command run through the same dispatcher and handlers as on
 * Discord, and each reply is printed as text. A button is printed as "[Label]"; typing it as printed presses
 * it, on the latest reply that has it. Resolves when the input ends.
 */
export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { output } = options;
  const lines = createInterface({ input: options.input, terminal: Boolean(output.isTTY), prompt: 'herald> ', output: output.isTTY ? output : undefined });
  const pressable: Pressable[] = [];
  let printed = 0;
  const show = (message: MessagePayload, note: string): void => {
    output.write(`${note}${messageToText(message, width(output))}\n\n`);
  };
  const print = (message: MessagePayload, ephemeral?: boolean): void => {
    show(message, ephemeral ? '(only you can see this)\n' : '');
    printed += 1;
    if (message.components?.length) pressable.push({ id: `console-${printed}`, message, ephemeral: Boolean(ephemeral), printedAt: new Date() });
    if (pressable.length > PRESSABLE) pressable.shift();
  };
  const responder: Responder = {
    async defer() {},
    async send(message, sendOptions) {
      print(message, sendOptions?.ephemeral);
    },
  };
  const press = async (label: string): Promise<void> => {
    const found = pressable.findLast((each) => buttonId(each.message, label) !== undefined);
    if (!found) {
      print(contentMessage(`⚠️ No reply above has a [${label}] button.`));
      return;
    }
    const update: ButtonResponder & { deferUpdate(): Promise<void> } = {
      ...responder,
      async update(message) {
        found.message = message;
        show(message, '(the reply above, changed)\n');
      },
      async deferUpdate() {},
    };
    await dispatchButton(options.commands, consoleButtonRequest(found, buttonId(found.message, label)!), update, options.services, { logger: options.logger });
  };
  lines.prompt();
  for await (const line of lines) {
    const label = /^\[(.+)\]$/.exec(line.trim())?.[1];
    if (label) await press(label);
    else if (line.trim()) await runLine(line, options, responder, print);
    lines.prompt();
  }
}

/** The custom id of the button with that label (as printed, any case) on a message, if it has one. */
function buttonId(message: MessagePayload, label: string): string | undefined {
  const wanted = label.trim().toLowerCase();
  for (const button of (message.components ?? []).flatMap((row) => row.components)) {
    if ('custom_id' in button && button.label?.toLowerCase() === wanted) return button.custom_id;
  }
  return undefined;
}

function consoleButtonRequest(pressed: Pressable, customId: string): ButtonRequest {
  return {
    customId,
    guildId: CONSOLE_GUILD_ID,
    channelId: CONSOLE_CHANNEL.id,
    user: CONSOLE_USER,
    memberPermissions: PermissionsBitField.All,
    message: { id: pressed.id, createdAt: pressed.printedAt, ephemeral: pressed.ephemeral, links: (pressed.message.embeds ?? []).flatMap((embed) => (embed.url ? [embed.url] : [])) },
  };
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
    user: CONSOLE_USER,
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
