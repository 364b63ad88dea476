import { PermissionFlagsBits, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import type { AutocompleteRequest, ChannelChoice, CommandRequest } from './command.ts';

/** What a digest channel needs from Herald itself: to see it, post in it, and post embeds. */
const POSTING = [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages, PermissionFlagsBits.EmbedLinks];

/** A slash command from Discord in the shape every handler takes. */
export function commandRequest(interaction: ChatInputCommandInteraction | AutocompleteInteraction): CommandRequest {
  const { options } = interaction;
  return {
    commandName: interaction.commandName,
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    user: { id: interaction.user.id, name: interaction.user.username },
    ...(interaction.guildLocale ? { guildLocale: interaction.guildLocale } : {}),
    ...(interaction.locale ? { locale: interaction.locale } : {}),
    memberPermissions: interaction.memberPermissions?.bitfield ?? 0n,
    subcommand: () => options.getSubcommand(false),
    string: (name) => options.getString(name),
    integer: (name) => options.getInteger(name),
    boolean: (name) => options.getBoolean(name),
    channel: (name) => (interaction.isChatInputCommand() ? channelChoice(interaction, name) : null),
    role: (name) => {
      const role = interaction.isChatInputCommand() ? interaction.options.getRole(name) : null;
      return role ? { id: role.id, name: role.name } : null;
    },
  };
}

export function autocompleteRequest(interaction: AutocompleteInteraction): AutocompleteRequest {
  const focused = interaction.options.getFocused(true);
  return { ...commandRequest(interaction), focused: { name: focused.name, value: String(focused.value) } };
}

/**
 * Whether Herald may post in the chosen channel, from the guild as the gateway described it. When the channel
 * or Herald's own member is not cached, the answer is left to the first post, which reports a refusal.
 */
function channelChoice(interaction: ChatInputCommandInteraction, name: string): ChannelChoice | null {
  const chosen = interaction.options.getChannel(name);
  if (!chosen) return null;
  const cached = interaction.guild?.channels.cache.get(chosen.id);
  const me = interaction.guild?.members.me;
  const permissions = cached && me ? cached.permissionsFor(me) : null;
  return { id: chosen.id, name: chosen.name ?? chosen.id, type: chosen.type, botCanPost: permissions ? permissions.has(POSTING) : true };
}
