import {
  MessageFlags,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type MessageContextMenuCommandInteraction,
} from 'discord.js';
import { NO_OPTIONS, type AutocompleteRequest, type ButtonRequest, type ChannelChoice, type CommandRequest, type Invocation } from './command.ts';
import { InputError } from '../input-error.ts';
import { replyText } from './i18n/reply-text.ts';
import { messageLinks } from './message-links.ts';

/** What a digest channel needs from Herald itself: to see it, post in it, and post embeds. */
const POSTING = [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages, PermissionFlagsBits.EmbedLinks];

/** A slash command from Discord in the shape every handler takes. */
export function commandRequest(interaction: ChatInputCommandInteraction | AutocompleteInteraction): CommandRequest {
  const { options } = interaction;
  return {
    commandName: interaction.commandName,
    ...invocation(interaction),
    botCanPostHere: interaction.appPermissions.has(POSTING),
    subcommand: () => options.getSubcommand(false),
    string: (name) => options.getString(name),
    integer: (name) => options.getInteger(name),
    boolean: (name) => options.getBoolean(name),
    channel: (name) => (interaction.isChatInputCommand() ? channelChoice(interaction, name) : null),
    role: (name) => {
      const role = interaction.isChatInputCommand() ? interaction.options.getRole(name) : null;
      if (!role) return null;
      if (interaction.client.guilds.cache.some((guild) => guild.id !== interaction.guildId && guild.roles.cache.has(role.id))) throw notInThisServer(interaction);
      return { id: role.id, name: role.name };
    },
    targetMessage: () => null,
  };
}

/**
 * A message command (right-click a message, Apps) in the same shape. The message comes in the interaction's
 * resolved data, its text included, so Herald needs neither the Message Content intent nor Read Message History.
 */
export function messageCommandRequest(interaction: MessageContextMenuCommandInteraction): CommandRequest {
  const target = interaction.targetMessage;
  return {
    commandName: interaction.commandName,
    ...invocation(interaction),
    ...NO_OPTIONS,
    targetMessage: () => ({ id: target.id, content: target.content, links: messageLinks(target.content, target.embeds.map((embed) => embed.url)) }),
  };
}

/** A button press from Discord, in a server or a direct message. */
export function buttonRequest(interaction: ButtonInteraction): ButtonRequest {
  return {
    customId: interaction.customId,
    ...invocation(interaction),
    message: {
      id: interaction.message.id,
      createdAt: interaction.message.createdAt,
      ephemeral: interaction.message.flags.has(MessageFlags.Ephemeral),
      links: interaction.message.embeds.flatMap((embed) => (embed.url ? [embed.url] : [])),
    },
  };
}

/** Who used Herald, where, and with which permissions there: the same for every kind of interaction. */
function invocation(
  interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction | AutocompleteInteraction | ButtonInteraction,
): Invocation {
  return {
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    user: { id: interaction.user.id, name: interaction.user.username },
    ...(interaction.guildLocale ? { guildLocale: interaction.guildLocale } : {}),
    ...(interaction.locale ? { locale: interaction.locale } : {}),
    memberPermissions: interaction.memberPermissions?.bitfield ?? 0n,
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
  if ('guildId' in chosen && chosen.guildId !== interaction.guildId) throw notInThisServer(interaction);
  const cached = interaction.guild?.channels.cache.get(chosen.id);
  const me = interaction.guild?.members.me;
  const permissions = cached && me ? cached.permissionsFor(me) : null;
  return { id: chosen.id, name: chosen.name ?? chosen.id, type: chosen.type, botCanPost: permissions ? permissions.has(POSTING) : true };
}

/**
 * Discord offers only the server's own channels and roles, but Herald, being in other servers too, would
 * otherwise take one of theirs it knows: a digest posted to, or pinging, another server.
 */
function notInThisServer(interaction: Pick<ChatInputCommandInteraction, 'locale'>): InputError {
  return new InputError(replyText(interaction.locale).notInThisServer);
}
