import { ApplicationCommandOptionType, ApplicationCommandType, type APIApplicationCommandOption } from 'discord.js';
import escapeStringRegexp from 'escape-string-regexp';
import { InputError } from '../../input-error.ts';
import type { ChannelChoice, Command } from '../command.ts';

export type ConsoleValue = string | number | boolean | ChannelChoice | { id: string; name: string; role: true };

export interface ParsedConsoleCommand {
  command: Command;
  subcommand: string | null;
  values: Map<string, ConsoleValue>;
}

/** The one channel the console has: digests scheduled "in a channel" print to the terminal. */
export const CONSOLE_CHANNEL: ChannelChoice = { id: 'console', name: 'console', type: 0, botCanPost: true };

/**
 * A line typed at the console as Discord would read it: `/name [subcommand] option:value option:value`.
 * Values run to the next `name:` of an option the command has, so a value may hold spaces and colons
 * ("url:https://…"). The command's own definition types and checks the options, as Discord's client does.
 */
export function parseConsoleCommand(line: string, commands: ReadonlyMap<string, Command>): ParsedConsoleCommand {
  const match = /^\/(\S+)\s*(.*)$/s.exec(line.trim());
  if (!match) throw new InputError('Commands start with a slash, for example /news topic:north korea (/help lists them)');
  const [, name, rest = ''] = match;
  const command = commands.get(name!.toLowerCase());
  const definition = command?.data.toJSON();
  // A message command is used on a message in Discord; the console has only slash commands.
  if (!command || !definition || (definition.type !== undefined && definition.type !== ApplicationCommandType.ChatInput)) {
    throw new InputError(`There is no /${name} command; /help lists them`);
  }
  let options = definition.options ?? [];
  let text = rest;
  let subcommand: string | null = null;
  const subcommands = options.filter((option) => option.type === ApplicationCommandOptionType.Subcommand);
  if (subcommands.length) {
    const [first = '', ...after] = text.split(/\s+/);
    const chosen = subcommands.find((option) => option.name === first.toLowerCase());
    if (!chosen) throw new InputError(`/${command.data.name} needs one of: ${subcommands.map((option) => option.name).join(', ')}`);
    subcommand = chosen.name;
    options = 'options' in chosen ? (chosen.options ?? []) : [];
    text = after.join(' ');
  }
  return { command, subcommand, values: readValues(command.data.name, text, options as APIApplicationCommandOption[]) };
}

function readValues(commandName: string, text: string, options: APIApplicationCommandOption[]): Map<string, ConsoleValue> {
  const names = options.map((option) => escapeStringRegexp(option.name));
  const values = new Map<string, ConsoleValue>();
  if (names.length) {
    const pattern = new RegExp(`(?:^|\\s)(${names.join('|')}):`, 'g');
    const found = [...text.matchAll(pattern)];
    found.forEach((hit, index) => {
      const start = hit.index + hit[0].length;
      const end = found[index + 1]?.index ?? text.length;
      const option = options.find((candidate) => candidate.name === hit[1])!;
      values.set(option.name, typed(commandName, option, text.slice(start, end).trim()));
    });
  } else if (text.trim()) {
    throw new InputError(`/${commandName} takes no options`);
  }
  const missing = options.filter((option) => 'required' in option && option.required && !values.has(option.name));
  if (missing.length) throw new InputError(`/${commandName} needs ${missing.map((option) => `${option.name}:`).join(' ')}`);
  return values;
}

function typed(commandName: string, option: APIApplicationCommandOption, raw: string): ConsoleValue {
  switch (option.type) {
    case ApplicationCommandOptionType.Integer: {
      const value = Number(raw);
      const min = 'min_value' in option ? option.min_value : undefined;
      const max = 'max_value' in option ? option.max_value : undefined;
      if (!Number.isInteger(value) || (min !== undefined && value < min) || (max !== undefined && value > max)) {
        throw new InputError(`/${commandName} ${option.name}: expects a whole number${min !== undefined && max !== undefined ? ` from ${min} to ${max}` : ''}`);
      }
      return value;
    }
    case ApplicationCommandOptionType.Boolean:
      if (!/^(true|false|yes|no)$/i.test(raw)) throw new InputError(`/${commandName} ${option.name}: expects true or false`);
      return /^(true|yes)$/i.test(raw);
    case ApplicationCommandOptionType.Role:
      return { id: raw.replace(/^@/, '') || 'role', name: raw.replace(/^@/, '') || 'role', role: true };
    case ApplicationCommandOptionType.Channel:
      return { ...CONSOLE_CHANNEL, name: raw.replace(/^#/, '') || CONSOLE_CHANNEL.name };
    default: {
      const max = 'max_length' in option ? option.max_length : undefined;
      if (max !== undefined && raw.length > max) throw new InputError(`/${commandName} ${option.name}: at most ${max} characters`);
      return raw;
    }
  }
}
