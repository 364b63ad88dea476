import { NO_OPTIONS, type CommandRequest } from '../../src/discord/command.ts';

/** A slash command with no options, used in server g1 by a member without permissions; `fields` changes any of it. */
export function commandRequest(fields: Partial<CommandRequest> = {}): CommandRequest {
  return { commandName: 'news', guildId: 'g1', channelId: 'c1', user: { id: 'u1', name: 'reader' }, memberPermissions: 0n, ...NO_OPTIONS, ...fields };
}
