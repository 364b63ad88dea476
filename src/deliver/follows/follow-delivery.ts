import { createHash } from 'node:crypto';
import { RESTJSONErrorCodes } from 'discord.js';
import type { Newsroom } from '../../brief/newsroom.ts';
import { PostRefused, type Poster } from '../poster.ts';
import { replyText } from '../../discord/i18n/reply-text.ts';
import { followBundleMessages } from '../../discord/render/follow-messages.ts';
import type { Logger } from '../../logger.ts';
import type { Article } from '../../model/article.ts';
import { baseLanguage } from '../../model/language.ts';
import type { BriefingItem } from '../../model/story.ts';
import type { GuildSettings, GuildSettingsRepository } from '../../store/guild-settings-repository.ts';
import { whileHolding, type Leases } from '../../store/leases.ts';
import { followButtonRows } from './follow-buttons.ts';
import { activeFollows, bundleStories, followFor, recordSent, sentTest, storiesLeft, type Bundle } from './follow-bundle.ts';
import type { FollowStore } from './follow-store.ts';
import type { MemberContact } from './member-contact.ts';
import type { Follow, FollowPause, FollowRun, MemberFollows } from './member-follows.ts';
import { pauseNotice } from './pause-notice.ts';

export interface FollowDeliveryDependencies {
  follows: FollowStore;
  guilds: GuildSettingsRepository;
  newsroom: Newsroom;
  defaultSources: string[];
  poster: Poster;
  contact: MemberContact;
  /** One process at a time makes a pass; another takes over when its lease runs out. */
  leases: Leases;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  now: () => Date;
  /** The most stories one member is sent in any 24 hours. */
  storiesPerDay: number;
  /** How long what was sent is remembered: as long as the articles it names are kept. */
  retentionMs: number;
  /** Between passes. */
  everyMs: number;
  /** What a server counts as backlog, which no member is sent (as for digests). */
  backlog?: (settings: GuildSettings) => Promise<(article: Article) => boolean>;
  leaseMs?: number;
}

export interface FollowDelivery {
  /** Makes a pass now and then one every `everyMs`. */
  start(): Promise<void>;
  /**
   * Finishes bundles cut short, then sends each member what is new on what they follow; resolves with how many
   * stories went out. Asked during a pass, waits for that pass.
   */
  pass(): Promise<number>;
  stop(): Promise<void>;
}

const LEASE_KEY = 'follows';
const LEASE_MS = 60_000;
/** Discord honours enforce_nonce for "the past few minutes"; past this, a resent nonce may post twice. */
const NONCE_TRUST_MS = 2 * 60_000;

/** What a pass works out once per server. */
interface ServerView {
  enabled: boolean;
  sourceLocations: string[];
  isBacklog: (article: Article) => boolean;
  /** The server's preferred locale, for members whose own Herald has not seen yet. */
  locale?: string;
}

/**
 * Delivers members' follows exactly once, as digests are (see digest-scheduler.ts): each bundle is journaled
 * in the member's record, with its messages and nonces, before its first message goes out; a bundle cut
 * short, here or in a process that died, is finished with the same nonces, which Discord answers with the
 * messages it already has; only then are its stories recorded as sent. A member whose direct messages are
 * closed, or whose channel refuses Herald, has their follows paused and is owed one explanation. A member
 * who left the server is found out before anything is sent to them, and their follows are forgotten.
 */
export function createFollowDelivery(deps: FollowDeliveryDependencies): FollowDelivery {
  const leaseMs = deps.leaseMs ?? LEASE_MS;
  let timer: ReturnType<typeof setInterval> | undefined;
  let running: Promise<number> | undefined;
  let stopped = false;

  const serverView = async (guildId: string): Promise<ServerView> => {
    const settings = await deps.guilds.get(guildId);
    return {
      enabled: settings.follows?.enabled ?? true,
      sourceLocations: [...deps.defaultSources, ...settings.sources.map((source) => source.url)],
      isBacklog: (await deps.backlog?.(settings)) ?? (() => false),
      ...(settings.locale ? { locale: settings.locale } : {}),
    };
  };

  const pause = async (record: MemberFollows, run: FollowRun, error: PostRefused): Promise<void> => {
    const closed = error.code === RESTJSONErrorCodes.CannotSendMessagesToThisUser;
    const paused: FollowPause = closed
      ? { reason: 'dms-closed', at: deps.now().toISOString() }
      : { reason: 'channel-refused', ...(run.channelId ? { channelId: run.channelId } : {}), detail: error.reason, at: deps.now().toISOString() };
    await deps.follows.update(record.guildId, record.userId, (current) => ({
      ...current,
      pending: current.pending.filter((pending) => pending.id !== run.id),
      paused,
      notice: pauseNotice(paused, replyText(current.locale)),
    }));
    // Never the topics: what a member follows is theirs alone, logs included.
    deps.logger.warn({ guildId: record.guildId, reason: paused.reason }, 'a member’s follows were paused');
  };

  /** A bundle cut short after Discord forgot its nonce may have posted the message it was sending; it is looked for. */
  const recoverUnrecorded = async (run: FollowRun, channelId: string): Promise<void> => {
    const index = run.messageIds.findIndex((id) => !id);
    if (index < 0 || deps.now().getTime() - Date.parse(run.startedAt) <= NONCE_TRUST_MS) return;
    run.messageIds[index] = (await deps.poster.findPosted(channelId, run.messages[index]!, new Date(run.startedAt)).catch(() => undefined)) ?? null;
  };

  /** Sends what a journaled bundle has not sent yet, then records its stories as sent; resolves with how many. */
  const finish = async (record: MemberFollows, journaled: FollowRun): Promise<number> => {
    const run = structuredClone(journaled);
    const save = () => deps.follows.update(record.guildId, record.userId, (current) => ({ ...current, pending: current.pending.map((pending) => (pending.id === run.id ? run : pending)) }));
    try {
      const channelId = run.channelId ?? (await deps.contact.directChannel(record.userId));
      await recoverUnrecorded(run, channelId);
      for (let index = 0; index < run.messages.length; index += 1) {
        if (run.messageIds[index]) continue;
        run.messageIds[index] = (await deps.poster.post(channelId, run.messages[index]!, run.nonces[index]!)).messageId;
        await save();
      }
    } catch (error) {
      if (!(error instanceof PostRefused)) throw error;
      await pause(record, run, error);
      return 0;
    }
    await deps.follows.update(record.guildId, record.userId, (current) => recordSent(current, run, deps.now(), deps.retentionMs));
    deps.logger.info({ guildId: record.guildId, stories: run.stories }, 'follow stories sent');
    return run.stories;
  };

  /** The stories new on the member's follows, up to what they may still be sent today, bundled by where they go. */
  const choose = async (record: MemberFollows, server: ServerView): Promise<Array<Bundle<BriefingItem>>> => {
    const now = deps.now();
    const left = storiesLeft(record, now, deps.storiesPerDay);
    const follows = activeFollows(record, now);
    if (record.paused || left === 0 || follows.length === 0) return [];
    const followed = new Map<string, Follow>();
    const alreadySent = sentTest(record);
    const language = baseLanguage(record.locale ?? server.locale);
    const digest = await deps.newsroom.digest({
      sourceLocations: server.sourceLocations,
      limit: left,
      accept: (story) => {
        if (alreadySent(story) || story.articles.every(server.isBacklog)) return false;
        const follow = followFor(story, follows);
        if (follow) followed.set(story.id, follow);
        return follow !== undefined;
      },
      ...(language ? { language } : {}),
    });
    return bundleStories(digest.items.map((item) => ({ item, follow: followed.get(item.storyId)! })));
  };

  const compose = async (record: MemberFollows, server: ServerView, bundle: Bundle<BriefingItem>): Promise<FollowRun> => {
    const text = replyText(record.locale ?? server.locale);
    const startedAt = deps.now().toISOString();
    const id = digestOf(`${record.guildId}|${record.userId}|${bundle.channelId ?? 'dm'}|${startedAt}`);
    const to = bundle.channelId ? { userId: record.userId } : { guildName: await deps.contact.guildName(record.guildId) };
    const messages = followBundleMessages({
      stories: bundle.stories.map(({ item, follow }) => ({ item, topic: follow.topic })),
      topics: bundle.topics,
      to,
      buttons: followButtonRows(record.guildId, record.userId, bundle.topics, text),
      text,
    });
    return {
      id,
      ...(bundle.channelId ? { channelId: bundle.channelId } : {}),
      messages,
      nonces: messages.map((_, index) => digestOf(`${id}|${index}`)),
      messageIds: messages.map(() => null),
      articleIds: bundle.stories.flatMap(({ item }) => item.articleIds),
      stories: bundle.stories.length,
      startedAt,
    };
  };

  const deliverTo = async (record: MemberFollows, server: ServerView): Promise<number> => {
    let stories = 0;
    for (const run of record.pending) stories += await finish(record, run);
    if (!server.enabled) return stories;
    const current = await deps.follows.get(record.guildId, record.userId);
    const bundles = await choose(current, server);
    if (bundles.length === 0) return stories;
    if (!(await deps.contact.isMember(record.guildId, record.userId))) {
      await deps.follows.forget(record.guildId, record.userId);
      deps.logger.info({ guildId: record.guildId }, 'a member left the server; their follows were forgotten');
      return stories;
    }
    const runs = await Promise.all(bundles.map((bundle) => compose(current, server, bundle)));
    // Journaled only if nothing was meanwhile (another process, a pause): the record is changed one at a time.
    const journaled = await deps.follows.update(record.guildId, record.userId, (latest) =>
      latest.pending.length > 0 || latest.paused || latest.follows.length === 0 ? latest : { ...latest, pending: runs },
    );
    const ours = new Set(runs.map((run) => run.id));
    for (const run of journaled.pending.filter((pending) => ours.has(pending.id))) stories += await finish(journaled, run);
    return stories;
  };

  const passOnce = async (): Promise<number> => {
    if (!(await deps.leases.acquire(LEASE_KEY, leaseMs))) return 0;
    const lost = () => deps.logger.warn({}, 'lost the lease of the follow pass; nonces keep its messages from being sent twice');
    return whileHolding(deps.leases, LEASE_KEY, leaseMs, async () => {
      const servers = new Map<string, Promise<ServerView>>();
      let stories = 0;
      for await (const record of deps.follows.members()) {
        if (stopped) break;
        try {
          let server = servers.get(record.guildId);
          if (!server) servers.set(record.guildId, (server = serverView(record.guildId)));
          stories += await deliverTo(record, await server);
        } catch (error) {
          deps.logger.error({ err: error, guildId: record.guildId }, 'could not deliver a member’s follows; the next pass tries again');
        }
      }
      return stories;
    }, lost);
  };

  const pass = (): Promise<number> => {
    running ??= passOnce().finally(() => {
      running = undefined;
    });
    return running;
  };

  return {
    async start() {
      stopped = false;
      timer = setInterval(() => {
        pass().catch((error: unknown) => deps.logger.error({ err: error }, 'the follow pass failed'));
      }, deps.everyMs);
      timer.unref();
      await pass().catch((error: unknown) => deps.logger.error({ err: error }, 'the follow pass failed'));
    },
    pass,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}

/** Discord keeps nonces of up to 25 characters; the same bundle and message always give the same one. */
function digestOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 25);
}
