import { readdir } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { Command } from './command.ts';

const COMMANDS_DIR = new URL('../../commands/', import.meta.url);

/** What every module in commands/ must export by default; checked at load, so a broken module stops start-up with its name. */
const commandShape = z.object({
  data: z.object({ name: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/), toJSON: z.function() }),
  execute: z.function(),
  autocomplete: z.function().optional(),
});

/**
 * Every slash command, from one module per command in commands/. The bot, the console and the deploy
 * script all load them here, so the list of commands has one source of truth.
 */
export async function loadCommands(directory: URL = COMMANDS_DIR): Promise<Map<string, Command>> {
  const files = (await readdir(directory)).filter((file) => /\.(ts|js)$/.test(file) && !file.endsWith('.d.ts')).sort();
  const commands = new Map<string, Command>();
  for (const file of files) {
    const module = (await import(pathToFileURL(new URL(file, directory).pathname).href)) as { default?: unknown };
    const parsed = commandShape.safeParse(module.default);
    if (!parsed.success) throw new Error(`commands/${file} does not export a command (data, execute, autocomplete?) as its default`);
    const command = module.default as Command;
    if (commands.has(command.data.name)) throw new Error(`commands/${file} repeats the command name "${command.data.name}"`);
    commands.set(command.data.name, command);
  }
  return commands;
}
