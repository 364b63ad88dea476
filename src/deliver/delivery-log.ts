import type { Store } from '../store/open-store.ts';

/** Which articles each channel has been sent, when, and in which message: no story reaches a channel twice. */
export interface DeliveryLog {
  sentTo(channelId: string): Promise<Set<string>>;
  record(channelId: string, articleIds: string[], where: SentIn): Promise<void>;
  /** When and in which message a channel was sent an article, for /status story:. */
  find(channelId: string, articleId: string): Promise<({ at: string } & SentIn) | undefined>;
  /** What a channel was sent since then, and where: the stories that may have developed since. */
  sentSince(channelId: string, since: Date): Promise<SentArticle[]>;
}

export interface SentArticle extends SentIn {
  articleId: string;
  at: string;
}

/** The message a digest began with, and in a forum the post it opened. */
export interface SentIn {
  messageId?: string;
  threadId?: string;
}

interface Entry extends SentIn {
  id: string;
  at: number;
}

export function createKeyvDeliveryLog(store: Store, retentionMs: number, clock: () => Date = () => new Date()): DeliveryLog {
  const channels = store.collection<Entry[]>('channel_deliveries');
  return {
    async sentTo(channelId) {
      return new Set(((await channels.get(channelId)) ?? []).map((entry) => entry.id));
    },
    async record(channelId, articleIds, where) {
      const now = clock().getTime();
      // Articles leave the store after retention, and so can their records: the list stays the size of a month's news.
      const kept = ((await channels.get(channelId)) ?? []).filter((entry) => now - entry.at < retentionMs);
      await channels.set(channelId, [...kept, ...articleIds.map((id) => ({ id, at: now, ...definedPlace(where) }))]);
    },
    async find(channelId, articleId) {
      const entry = ((await channels.get(channelId)) ?? []).find((candidate) => candidate.id === articleId);
      return entry && { at: new Date(entry.at).toISOString(), ...definedPlace(entry) };
    },
    async sentSince(channelId, since) {
      const entries = ((await channels.get(channelId)) ?? []).filter((entry) => entry.at > since.getTime());
      return entries.map((entry) => ({ articleId: entry.id, at: new Date(entry.at).toISOString(), ...definedPlace(entry) }));
    },
  };
}

function definedPlace(where: SentIn): SentIn {
  return { ...(where.messageId ? { messageId: where.messageId } : {}), ...(where.threadId ? { threadId: where.threadId } : {}) };
}
