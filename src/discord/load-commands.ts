import { readdir } from 'node:fs/promises';
import { ApplicationCommandType } from 'discord.js';
import { z } from 'zod';
import { HERALD_FOLDER } from '../herald-folder.ts';
import type { Command } from './command.ts';
import { localizeCommand } from './i18n/command-localizations.ts';

const COMMANDS_DIR = new URL('commands/', HERALD_FOLDER);

const SLASH_NAME = /^[a-z][a-z0-9-]{0,31}$/;
/** A message or user command is named as the Apps menu shows it, capitals and spaces included. */
const MENU_NAME = /^[\p{L}\p{N}][\p{L}\p{N} '_-]{0,31}$/u;

/** What every module in commands/ must export by default; checked at load, so a broken module stops start-up with its name. */
const commandShape = z.object({
  data: z.object({ name: z.string(), toJSON: z.function() }),
  execute: z.function(),
  autocomplete: z.function().optional(),
  button: z.function().optional(),
});

/** Whether Discord would take the name for the command's kind. */
function validName(data: Command['data']): boolean {
  const { type } = data.toJSON();
  return (type === undefined || type === ApplicationCommandType.ChatInput ? SLASH_NAME : MENU_NAME).test(data.name);
}

/**
 * Every command (slash commands and message commands), from one module per command in commands/. The bot,
 * the console and the deploy script all load them here, so the list of commands has one source of truth.
 */
export async function loadCommands(): Promise<Map<string, Command>> {
  const files = (await readdir(COMMANDS_DIR)).filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts')).sort();
  const commands = new Map<string, Command>();
  for (const file of files) {
    // A path of this shape, relative to this file, is one the one-file build can follow: it bundles every module of commands/.
    const module = (await import(`../../commands/${file.slice(0, -'.ts'.length)}.ts`)) as { default?: unknown };
    const parsed = commandShape.safeParse(module.default);
    if (!parsed.success) throw new Error(`commands/${file} does not export a command (data, execute, autocomplete?, button?) as its default`);
    const command = withLocalizations(module.default as Command);
    if (!validName(command.data)) throw new Error(`commands/${file} names its command "${command.data.name}", which Discord would refuse`);
    if (commands.has(command.data.name)) throw new Error(`commands/${file} repeats the command name "${command.data.name}"`);
    commands.set(command.data.name, command);
  }
  return commands;
}

/** The command whose definition carries its names and descriptions in other languages, wherever it is registered or read. */
function withLocalizations(command: Command): Command {
  const { data } = command;
  return { ...command, data: { name: data.name, toJSON: () => localizeCommand(data.toJSON()) } };
}
