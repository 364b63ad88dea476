import type { RESTPostAPIChatInputApplicationCommandsJSONBody, RESTPostAPIContextMenuApplicationCommandsJSONBody } from 'discord.js';
import type { Newsroom } from '../brief/newsroom.ts';
import type { TrendingTopic } from '../brief/topics/trending-topics.ts';
import type { SourceHealth } from '../deliver/poll/source-health-store.ts';
import type { FollowStore } from '../deliver/follows/follow-store.ts';
import type { Article } from '../model/article.ts';
import type { GuildSettingsRepository } from '../store/guild-settings-repository.ts';
import type { MessagePayload } from './render/message-payload.ts';

/** A channel option as Discord resolved it, with whether Herald may post there. */
export interface ChannelChoice {
  id: string;
  name: string;
  /** Discord's channel type: 0 text, 5 announcement, 11 thread, 15 forum… */
  type: number;
  botCanPost: boolean;
}

/** The message a message command (right-click a message, Apps) was used on. */
export interface TargetMessage {
  id: string;
  content: string;
  /** Its http(s) links, in order: those in its text, then its embeds' addresses; each once. */
  links: string[];
}

/** Who used Herald, and where: the same for a command and for a button press. */
export interface Invocation {
  /** The server it was used in; null in a direct message (a button under a follow's news). */
  guildId: string | null;
  channelId: string;
  user: { id: string; name: string };
  /** The server's preferred locale ("en-US", "fr"), as Discord sends it with every interaction in a server; absent at the console. */
  guildLocale?: string;
  /** The language the user's Discord is set to ("fr", "pt-BR"), which Herald's own words in the reply follow; absent at the console, which is in English. */
  locale?: string;
  /** The user's permissions where it was used, as Discord computed them (owner overrides included); none in a direct message. */
  memberPermissions: bigint;
}

/**
 * One use of a slash command, whoever typed it: a Discord member through the gateway, or a person at the
 * console. Handlers see only this, so the same handler serves both.
 */
export interface CommandRequest extends Invocation {
  commandName: string;
  /** Whether Herald may post (and embed) in the channel the command was used in, from Discord's app_permissions; unknown at the console. */
  botCanPostHere?: boolean;
  subcommand(): string | null;
  string(name: string): string | null;
  integer(name: string): number | null;
  boolean(name: string): boolean | null;
  /** Throws InputError for a channel of another server. */
  channel(name: string): ChannelChoice | null;
  /** Throws InputError for a role of another server. */
  role(name: string): { id: string; name: string } | null;
  /** The message a message command was used on; null for a slash command. */
  targetMessage(): TargetMessage | null;
}

/** The option getters of a command that takes no options (a message command), each answering that none was given. */
export const NO_OPTIONS: Omit<CommandRequest, keyof Invocation | 'commandName' | 'botCanPostHere'> = {
  subcommand: () => null,
  string: () => null,
  integer: () => null,
  boolean: () => null,
  channel: () => null,
  role: () => null,
  targetMessage: () => null,
};

export interface AutocompleteRequest extends CommandRequest {
  focused: { name: string; value: string };
}

/** A press on a button Herald put on a message. Everything the handler needs travels in the custom id, and is checked again on use. */
export interface ButtonRequest extends Invocation {
  /** "<command name>:<action>:<data>" (see button-id.ts); routed to the command module named first. */
  customId: string;
  /**
   * The message the button is on, with the addresses its embeds link to, in order: Herald wrote them, so a
   * button may rely on them for what its custom id has no room for.
   */
  message: { id: string; createdAt: Date; ephemeral: boolean; links: string[] };
}

export interface Responder {
  /** Acknowledges now and answers later; Discord shows "thinking…" meanwhile. */
  defer(options?: { ephemeral?: boolean }): Promise<void>;
  /** The answer (after a defer, in place of "thinking…"); every later call adds a follow-up message. */
  send(message: MessagePayload, options?: { ephemeral?: boolean }): Promise<void>;
}

export interface ButtonResponder extends Responder {
  /** Replaces the message the button is on (content, embeds, buttons): Discord's UPDATE_MESSAGE. */
  update(message: MessagePayload): Promise<void>;
}

/** What handlers may use; built once at start-up and passed in, so tests and the console give their own. */
export interface Services {
  newsroom: Newsroom;
  guilds: GuildSettingsRepository;
  /** Sources every server reads, from config/. */
  defaultSources: string[];
  /** From config/: what a schedule gets when the admin leaves an option out. */
  scheduleDefaults: { maxItems: number };
  /** Fetches one page through the private-address guard and reads its article, without storing it. */
  readArticle(url: string): Promise<Article>;
  /**
   * Reads a source a server adds now (again, if it was disabled) and keeps what it holds, so that it counts at
   * once in briefings, though not as new in digests; throws InputError when it is not news.
   */
  addSource(url: string, options?: { intervalMinutes?: number }): Promise<{ articles: number; name?: string }>;
  /**
   * Trending topics from memory, refreshed in the background, for autocomplete within its deadline; just after
   * start-up, once the first refresh is done.
   */
  trendingTopics(): Promise<TrendingTopic[]>;
  /** Re-reads one server's schedules after a change. */
  reschedule(guildId: string): Promise<void>;
  /** What a schedule's digest would post if it ran now, with nothing marked as sent; undefined when nothing. */
  previewDigest(guildId: string, scheduleId: string): Promise<MessagePayload[] | undefined>;
  /** Runs a schedule's digest now as a slot of its own, exactly once; resolves with the stories it posted. */
  sendDigestNow(guildId: string, scheduleId: string): Promise<number>;
  /** Last and next deliveries of one server's schedules. */
  scheduleTimes(guildId: string): Promise<Array<{ scheduleId: string; lastRunAt?: string; nextRunAt?: string }>>;
  /** Why a story was or was not delivered to each of a server's scheduled channels, a line per channel. */
  explainStory(guildId: string, url: string): Promise<string[]>;
  /** How a source is being polled: last success and error, failures in a row, next poll, disabled and why. */
  sourceHealth(location: string): Promise<SourceHealth | undefined>;
  /** Members' follows, each member's own. */
  follows: FollowStore;
  /** From config/: what a server allows until its admins choose (per member), and what any member is sent a day. */
  followDefaults: { maxPerMember: number; storiesPerDay: number };
  /** An explanation Herald owes this member in this server (their follows paused), taken so that it is given once. */
  owedNotice(guildId: string, userId: string): Promise<string | undefined>;
  storeDescription: string;
  now(): Date;
}

export interface Command {
  /** A slash command, or a message command (a context-menu entry, named as the menu shows it). */
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody | RESTPostAPIContextMenuApplicationCommandsJSONBody };
  execute(request: CommandRequest, respond: Responder, services: Services): Promise<void>;
  /** Choices for the focused option; must answer from memory, since Discord waits 3 s at most. */
  autocomplete?(request: AutocompleteRequest, services: Services): Promise<Array<{ name: string; value: string }>>;
  /** Answers a press on a button whose custom id names this command first. */
  button?(request: ButtonRequest, respond: ButtonResponder, services: Services): Promise<void>;
}
