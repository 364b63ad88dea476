import type { SummaryLength } from '../brief/summarizer.ts';
import type { DigestFormat, Grouping } from '../deliver/digest-look.ts';
import type { Store } from './open-store.ts';

/** A feed or page a server's admins added; articles from it are that server's alone to see. */
export interface GuildSource {
  url: string;
  name?: string;
  /** Between polls, when the admin chose; the configured interval otherwise. */
  intervalMinutes?: number;
  addedBy: string;
  addedAt: string;
}

/** When and where a server wants its digest, as an admin set it with /schedule set. */
export interface Schedule {
  id: string;
  channelId: string;
  /** Five-field cron lines, the form every time list ("08:00,18:30") is stored in: one per time. */
  crons: string[];
  /** What the admin typed, to show back to them. */
  when: string;
  /** The channel is a forum: each digest opens a post of its own there. */
  forum?: boolean;
  /** IANA time zone the cron expression is read in. */
  timezone: string;
  /** Only stories about these topics; every story when empty. */
  topics: string[];
  maxItems: number;
  /** Keywords (or /regular expressions/) a story must name one of, or must not name any of. */
  include?: string[];
  exclude?: string[];
  /** The one role a digest may ping. */
  mentionRoleId?: string;
  /** Post a one-line "no new stories" when a run finds nothing, instead of staying silent. */
  announceEmpty?: boolean;
  /** The language its digests are read in (an ISO 639-1 code), when an admin chose one; the server's otherwise. */
  language?: string;
  /** False: stories this schedule sent get no updates when they develop. Updates are on unless an admin turned them off. */
  updates?: false;
  /** How its digest looks (see digest-look.ts, which reads these with their defaults: an older schedule has none). */
  format?: DigestFormat;
  images?: boolean;
  summary?: SummaryLength;
  groupBy?: Grouping;
  /** Set when the channel refused Herald (deleted, access or permission lost); cleared once it can post again. */
  paused?: { reason: string; at: string };
  /** Set while an admin has paused it with /schedule pause: it keeps its place and history, and posts nothing. */
  onHold?: { by: string; at: string };
  /** When an admin last resumed it: a slot missed before then is never made up at start-up. */
  resumedAt?: string;
  /**
   * Counts the admin's changes of time zone. A slot is named by its local minute, and the same local minute in
   * another zone is another moment: from the first change on, slot names carry this count so that a slot of
   * the new zone is never taken for one already run in the old.
   */
  zoneEpoch?: number;
  createdBy: string;
  createdAt: string;
}

/** What an admin decided about members' follows with /follow settings; Herald's defaults (config/) where absent. */
export interface GuildFollowSettings {
  /** False: members cannot follow topics here, and no follow of this server is delivered. */
  enabled?: boolean;
  maxPerMember?: number;
  /** Members may have stories posted in a channel of the server, mentioning only them (`where:here`). */
  allowHere?: boolean;
}

export interface GuildSettings {
  guildId: string;
  sources: GuildSource[];
  schedules: Schedule[];
  follows?: GuildFollowSettings;
  /** The server's preferred locale ("fr", "pt-BR") as Discord last sent it with an admin's /schedule command. */
  locale?: string;
}

/** Everything a server configures, kept per server: no method reaches across guilds. */
export interface GuildSettingsRepository {
  get(guildId: string): Promise<GuildSettings>;
  /** Applies a change to one server's settings; changes to one server are made one at a time. */
  update(guildId: string, change: (settings: GuildSettings) => GuildSettings): Promise<GuildSettings>;
  /** Every server with settings, for starting schedules and polling sources. */
  all(): AsyncIterable<GuildSettings>;
  /**
   * The servers whose settings changed since `cursor` (every server without one), and the cursor to ask with
   * next: how a process learns of schedules and sources that another process changed.
   */
  changedSince(cursor?: string): Promise<{ changed: GuildSettings[]; cursor: string }>;
}

export function createKeyvGuildSettingsRepository(store: Store): GuildSettingsRepository {
  const guilds = store.collection<GuildSettings>('guild_settings');
  const queues = new Map<string, Promise<unknown>>();
  const get = async (guildId: string): Promise<GuildSettings> => (await guilds.get(guildId)) ?? { guildId, sources: [], schedules: [] };
  return {
    get,
    update(guildId, change) {
      const previous = queues.get(guildId) ?? Promise.resolve();
      const next = previous.then(async () => {
        const updated = change(await get(guildId));
        await guilds.set(guildId, updated);
        return updated;
      });
      const settled = next.catch(() => undefined);
      queues.set(guildId, settled);
      void settled.then(() => {
        if (queues.get(guildId) === settled) queues.delete(guildId);
      });
      return next;
    },
    async *all() {
      for await (const [, settings] of store.entries<GuildSettings>('guild_settings')) yield settings;
    },
    // The embedded store belongs to one process, which learns of its own changes as it makes them; asked, it
    // answers with every server, which is correct if not the cheapest.
    async changedSince() {
      const changed: GuildSettings[] = [];
      for await (const [, settings] of store.entries<GuildSettings>('guild_settings')) changed.push(settings);
      return { changed, cursor: 'all' };
    },
  };
}
