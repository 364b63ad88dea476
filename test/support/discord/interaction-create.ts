import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionType,
  Locale,
  PermissionFlagsBits,
  type APIApplicationCommandInteractionDataOption,
  type APIEmbed,
  type APIUser,
} from 'discord.js';
import type { CommandRegistry } from './commands.ts';
import type { DirectMessages } from './direct-messages.ts';
import { MEMBER_PERMISSIONS, type GuildDirectory } from './guilds.ts';
import { CHANNEL_DEFAULT_MENTIONS, createMessage, type StoredMessage } from './messages.ts';

export interface Invoker {
  id: string;
  username: string;
}

export const DEFAULT_INVOKER: Invoker = { id: '1400000000000000002', username: 'reader' };

/** A slash command as a user runs it: where, who, with which permissions (a bitfield string) and options (Discord's option JSON). */
export interface CommandInput {
  guildId: string;
  channelId: string;
  /** Defaults to DEFAULT_INVOKER, a plain member. */
  user?: Invoker;
  /** Defaults to MEMBER_PERMISSIONS; pass ADMIN_PERMISSIONS for an administrator. */
  permissions?: string;
  /** The language the member's Discord is set to, one of Discord's locales ("fr", "pt-BR"); "en-US" unless given. */
  locale?: string;
  name: string;
  /** For autocomplete, exactly one option (possibly inside a subcommand) carries `focused: true`. */
  options?: APIApplicationCommandInteractionDataOption[];
  /** For a message command (right-click a message, Apps): the message it is used on. */
  target?: MessageTarget;
}

/** A message in the channel, as a member wrote it: its text and any embeds (a link preview); by the invoker unless `author` is given. */
export interface MessageTarget {
  content: string;
  embeds?: APIEmbed[];
  author?: Invoker;
}

/** A press on a button of a message the bot sent (a channel post or an interaction reply), as a member makes it. */
export interface ButtonPressInput {
  /** Null for a message in a direct message: `channelId` is then the DM channel, and `user` its recipient (no one else sees it). */
  guildId: string | null;
  channelId: string;
  /** Defaults to DEFAULT_INVOKER. */
  user?: Invoker;
  /** Defaults to MEMBER_PERMISSIONS. */
  permissions?: string;
  /** The presser's Discord language; "en-US" unless given. */
  locale?: string;
  /** The message as it stands; it must carry a button with `customId`. */
  message: StoredMessage;
  customId: string;
}

export interface PayloadInput {
  kind: 'command' | 'autocomplete';
  input: CommandInput;
  id: string;
  token: string;
  /** The command id to use when the command was never registered, which tests of unregistered handlers rely on. */
  unregisteredCommandId: string;
  applicationId: string;
  directory: GuildDirectory;
  commands: CommandRegistry;
  mintId: () => string;
  now: number;
}

/**
 * INTERACTION_CREATE's `d` as Discord sends it. Throws, as a test mistake, for a channel outside the guild,
 * and for a member Discord would not even offer the command to.
 */
export function interactionCreatePayload({ kind, input, id, token, unregisteredCommandId, applicationId, directory, commands, mintId, now }: PayloadInput): Record<string, unknown> {
  const guild = directory.guilds.find((candidate) => candidate.id === input.guildId);
  const channel = directory.channel(input.channelId);
  if (!guild || !channel || channel.deleted || channel.guildId !== guild.id) throw new Error(`no channel ${input.channelId} in guild ${input.guildId} to run /${input.name} in`);
  const user = input.user ?? DEFAULT_INVOKER;
  const permissions = input.permissions ?? MEMBER_PERMISSIONS;
  const registered = commands.find(guild.id, input.name);
  const type = input.target ? ApplicationCommandType.Message : ApplicationCommandType.ChatInput;
  if (registered && registered.type !== type) throw new Error(`"${input.name}" is registered as a command of type ${registered.type}, not ${type}`);
  if (registered?.default_member_permissions != null && user.id !== guild.ownerId && !grants(permissions, registered.default_member_permissions)) {
    throw new Error(`Discord would not offer /${input.name} to ${user.username}: it needs permissions ${registered.default_member_permissions}, the member has ${permissions}`);
  }
  const locale = input.locale ?? Locale.EnglishUS;
  if (!(Object.values(Locale) as string[]).includes(locale)) throw new Error(`Discord has no locale "${locale}" for a member to use`);
  const options = input.options ?? [];
  if (kind === 'autocomplete' && !hasFocused(options)) throw new Error(`autocomplete for /${input.name} needs one option with focused: true`);
  const resolved = resolveOptions(options, directory, user);
  // Discord sends the target in resolved data, its content included, whatever intents the bot has.
  const target = input.target
    ? createMessage({ id: mintId(), channelId: channel.id, author: userJson(input.target.author ?? user), body: { content: input.target.content, embeds: input.target.embeds ?? [] }, files: [], defaultMentions: CHANNEL_DEFAULT_MENTIONS, now, mintId })
    : undefined;
  return {
    ...commonFields({ id, token, applicationId, directory, guildId: guild.id, channelId: channel.id, user, permissions, locale }),
    type: kind === 'command' ? InteractionType.ApplicationCommand : InteractionType.ApplicationCommandAutocomplete,
    data: {
      id: registered?.id ?? unregisteredCommandId,
      name: input.name,
      type,
      ...(registered?.guild_id ? { guild_id: registered.guild_id } : {}),
      ...(options.length > 0 ? { options } : {}),
      ...(resolved ? { resolved } : {}),
      ...(target ? targetData(target) : {}),
    },
  };
}

function targetData(message: StoredMessage): Record<string, unknown> {
  return { target_id: message.id, resolved: { messages: { [message.id]: asDiscordSendsIt(message) } } };
}

/** A kept message as an interaction carries it: without the allowed_mentions its author sent, which Discord does not echo. */
function asDiscordSendsIt(message: StoredMessage): Omit<StoredMessage, 'allowed_mentions'> {
  const { allowed_mentions: _sent, ...shown } = message;
  return shown;
}

/** INTERACTION_CREATE's `d` for a button press: the message it was on, and the button's custom id. */
export function buttonPressPayload(
  input: ButtonPressInput,
  ids: { id: string; token: string; applicationId: string; directory: GuildDirectory; directMessages: DirectMessages },
): Record<string, unknown> {
  const buttons = (input.message.components ?? []).flatMap((row): unknown[] => ('components' in row ? row.components : []));
  if (!buttons.some((button) => (button as { custom_id?: string }).custom_id === input.customId)) throw new Error(`message ${input.message.id} has no button ${input.customId}`);
  const message = asDiscordSendsIt(input.message);
  const where = input.guildId === null ? directMessageFields(input, ids) : guildFields({ ...input, guildId: input.guildId }, ids);
  return {
    ...where,
    type: InteractionType.MessageComponent,
    message,
    data: { custom_id: input.customId, component_type: ComponentType.Button },
  };
}

function guildFields(input: ButtonPressInput & { guildId: string }, ids: { id: string; token: string; applicationId: string; directory: GuildDirectory }): Record<string, unknown> {
  const channel = ids.directory.channel(input.channelId);
  if (!channel || channel.deleted || channel.guildId !== input.guildId) throw new Error(`no channel ${input.channelId} in guild ${input.guildId} to press a button in`);
  return commonFields({ ...ids, guildId: input.guildId, channelId: channel.id, user: input.user ?? DEFAULT_INVOKER, permissions: input.permissions ?? MEMBER_PERMISSIONS, locale: input.locale ?? Locale.EnglishUS });
}

/**
 * What an interaction in the bot's direct messages carries instead: no guild, the `user` rather than a
 * `member`, the DM channel, context 1 (BOT_DM), and "0" as the guild that installed the app.
 */
function directMessageFields(input: ButtonPressInput, ids: { id: string; token: string; applicationId: string; directMessages: DirectMessages }): Record<string, unknown> {
  const recipient = ids.directMessages.recipientOf(input.channelId);
  const user = input.user ?? DEFAULT_INVOKER;
  if (!recipient) throw new Error(`no direct-message channel ${input.channelId} to press a button in`);
  if (recipient !== user.id) throw new Error(`only user ${recipient} sees the direct messages of channel ${input.channelId}, not ${user.id}`);
  return {
    id: ids.id,
    application_id: ids.applicationId,
    token: ids.token,
    version: 1,
    channel_id: input.channelId,
    channel: ids.directMessages.channelJson(input.channelId),
    user: userJson(user),
    app_permissions: MEMBER_PERMISSIONS,
    locale: input.locale ?? Locale.EnglishUS,
    entitlements: [],
    authorizing_integration_owners: { '0': '0' },
    context: 1,
    attachment_size_limit: 10_485_760,
  };
}

/** The fields every interaction in a guild carries. */
function commonFields(input: { id: string; token: string; applicationId: string; directory: GuildDirectory; guildId: string; channelId: string; user: Invoker; permissions: string; locale: string }): Record<string, unknown> {
  const { directory, permissions } = input;
  const guild = directory.guilds.find((candidate) => candidate.id === input.guildId)!;
  const channel = directory.channel(input.channelId)!;
  return {
    id: input.id,
    application_id: input.applicationId,
    token: input.token,
    version: 1,
    guild_id: guild.id,
    channel_id: channel.id,
    channel: { ...directory.channelJson(channel), permissions },
    member: { ...memberJson(permissions), user: userJson(input.user) },
    app_permissions: directory.botPermissionsIn(channel),
    locale: input.locale,
    guild_locale: guild.locale ?? 'en-US',
    entitlements: [],
    // discord.js 14.27+ reads authorizing_integration_owners[0] and throws without it.
    authorizing_integration_owners: { '0': guild.id },
    context: 0,
    attachment_size_limit: 10_485_760,
  };
}

/** Discord's rule for default_member_permissions: administrators always pass; "0" means administrators only. */
function grants(memberPermissions: string, required: string): boolean {
  const have = BigInt(memberPermissions);
  const need = BigInt(required);
  if ((have & PermissionFlagsBits.Administrator) !== 0n) return true;
  return need !== 0n && (have & need) === need;
}

function hasFocused(options: APIApplicationCommandInteractionDataOption[]): boolean {
  return options.some((option) => ('focused' in option && option.focused === true) || ('options' in option && hasFocused(option.options ?? [])));
}

function userJson(user: Invoker): APIUser {
  return { id: user.id, username: user.username, discriminator: '0', global_name: user.username, avatar: null };
}

function memberJson(permissions: string): Record<string, unknown> {
  return { roles: [], joined_at: '2026-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0, pending: false, nick: null, avatar: null, permissions };
}

/** Channel, role and user options arrive with a `resolved` map in real interactions; discord.js's getChannel/getRole/getUser read only that. */
function resolveOptions(options: APIApplicationCommandInteractionDataOption[], directory: GuildDirectory, invoker: Invoker): Record<string, Record<string, unknown>> | undefined {
  const channels: Record<string, unknown> = {};
  const roles: Record<string, unknown> = {};
  const users: Record<string, unknown> = {};
  const members: Record<string, unknown> = {};
  const visit = (list: APIApplicationCommandInteractionDataOption[]): void => {
    for (const option of list) {
      if ('options' in option) visit(option.options ?? []);
      if (!('value' in option) || typeof option.value !== 'string') continue;
      if (option.type === ApplicationCommandOptionType.Channel) {
        const channel = directory.channel(option.value);
        if (channel && !channel.deleted) channels[channel.id] = { id: channel.id, name: channel.name, type: channel.type, permissions: directory.botPermissionsIn(channel) };
      }
      const role = option.type === ApplicationCommandOptionType.Role || option.type === ApplicationCommandOptionType.Mentionable ? directory.roleJson(option.value) : undefined;
      if (role) roles[option.value] = role;
      else if (option.type === ApplicationCommandOptionType.User || option.type === ApplicationCommandOptionType.Mentionable) {
        users[option.value] = userJson(option.value === invoker.id ? invoker : { id: option.value, username: `user-${option.value.slice(-4)}` });
        members[option.value] = memberJson(MEMBER_PERMISSIONS);
      }
    }
  };
  visit(options);
  const resolved = {
    ...(Object.keys(channels).length > 0 ? { channels } : {}),
    ...(Object.keys(roles).length > 0 ? { roles } : {}),
    ...(Object.keys(users).length > 0 ? { users, members } : {}),
  };
  return Object.keys(resolved).length > 0 ? resolved : undefined;
}
