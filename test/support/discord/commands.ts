import { ApplicationCommandType, type APIApplicationCommand, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import { commandIssues, rejectIssues } from './validation.ts';

export interface CommandRegistry {
  /** Bulk overwrite (PUT): the list replaces every command in the scope; commands keep their ids across overwrites by name, as on Discord. */
  overwrite(guildId: string | undefined, definitions: RESTPostAPIApplicationCommandsJSONBody[]): APIApplicationCommand[];
  /** POST: creates the command, or replaces the one with its name. */
  upsert(guildId: string | undefined, definition: RESTPostAPIApplicationCommandsJSONBody): APIApplicationCommand;
  list(guildId: string | undefined): APIApplicationCommand[];
  /** The command a user in this guild would invoke by name: the guild's own, else the global one. */
  find(guildId: string, name: string): APIApplicationCommand | undefined;
}

export function createCommandRegistry(applicationId: string, mintId: () => string): CommandRegistry {
  const scopes = new Map<string, APIApplicationCommand[]>();
  const scopeKey = (guildId: string | undefined): string => guildId ?? 'global';

  const register = (guildId: string | undefined, definition: RESTPostAPIApplicationCommandsJSONBody, existing: APIApplicationCommand[]): APIApplicationCommand => {
    const previous = existing.find((command) => command.name === definition.name);
    return {
      ...(definition as Omit<APIApplicationCommand, 'id' | 'application_id' | 'version' | 'default_member_permissions'>),
      id: previous?.id ?? mintId(),
      application_id: applicationId,
      type: definition.type ?? ApplicationCommandType.ChatInput,
      description: ('description' in definition ? definition.description : undefined) ?? '',
      default_member_permissions: definition.default_member_permissions ?? null,
      version: mintId(),
      ...(guildId ? { guild_id: guildId } : {}),
    };
  };

  return {
    overwrite(guildId, definitions) {
      definitions.forEach((definition, index) => rejectIssues(commandIssues(definition, [index])));
      const existing = scopes.get(scopeKey(guildId)) ?? [];
      const registered = definitions.map((definition) => register(guildId, definition, existing));
      scopes.set(scopeKey(guildId), registered);
      return registered;
    },
    upsert(guildId, definition) {
      rejectIssues(commandIssues(definition));
      const existing = scopes.get(scopeKey(guildId)) ?? [];
      const command = register(guildId, definition, existing);
      scopes.set(scopeKey(guildId), [...existing.filter((other) => other.name !== command.name), command]);
      return command;
    },
    list: (guildId) => scopes.get(scopeKey(guildId)) ?? [],
    find: (guildId, name) => (scopes.get(guildId) ?? []).find((command) => command.name === name) ?? (scopes.get('global') ?? []).find((command) => command.name === name),
  };
}
