import { pathToFileURL } from 'node:url';
import { REST, Routes } from 'discord.js';
import { readDiscordEnv } from '../config/discord-env.ts';
import { InputError } from '../input-error.ts';
import type { Command } from './command.ts';
import { loadCommands } from './load-commands.ts';

/**
 * Publishes the slash commands: to one server when a guild id is given (instant, for development), else
 * globally (Discord may take up to an hour to show changes). A bulk overwrite, so removed commands disappear.
 */
export async function deployCommands(rest: REST, commands: ReadonlyMap<string, Command>, target: { clientId: string; guildId?: string }): Promise<number> {
  const body = [...commands.values()].map((command) => command.data.toJSON());
  const route = target.guildId ? Routes.applicationGuildCommands(target.clientId, target.guildId) : Routes.applicationCommands(target.clientId);
  const published = (await rest.put(route, { body })) as unknown[];
  return published.length;
}

/** `npm run deploy-commands`: DISCORD_TOKEN and DISCORD_CLIENT_ID required, DISCORD_GUILD_ID and DISCORD_API_BASE optional. */
async function main(): Promise<void> {
  const env = readDiscordEnv(process.env);
  if (!env.token || !env.clientId) throw new InputError('deploy-commands: set DISCORD_TOKEN and DISCORD_CLIENT_ID (and DISCORD_GUILD_ID to publish to one server)');
  const rest = new REST(env.apiBase ? { api: env.apiBase } : {}).setToken(env.token);
  const count = await deployCommands(rest, await loadCommands(), { clientId: env.clientId, ...(env.guildId ? { guildId: env.guildId } : {}) });
  process.stdout.write(`Published ${count} commands ${env.guildId ? `to server ${env.guildId}` : 'globally (they can take up to an hour to appear)'}.\n`);
}

// Run as a script by npm run deploy-commands; imported by tests for deployCommands alone.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof InputError ? error.message : `deploy-commands: ${(error as Error).message}`}\n`);
    process.exitCode = 1;
  });
}
