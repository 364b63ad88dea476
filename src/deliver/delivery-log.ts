import type { Store } from '../store/open-store.ts';

/** Which articles each channel has been sent, when, and in which message: no story reaches a channel twice. */
export interface DeliveryLog {
  sentTo(channelId: string): Promise<Set<string>>;
  record(channelId: string, articleIds: string[], messageId: string | undefined): Promise<void>;
  /** When and in which message a channel was sent an article, for /status story:. */
  find(channelId: string, articleId: string): Promise<{ at: string; messageId?: string } | undefined>;
}

interface Entry {
  id: string;
  at: number;
  messageId?: string;
}

export function createKeyvDeliveryLog(store: Store, retentionMs: number): DeliveryLog {
  const channels = store.collection<Entry[]>('channel_deliveries');
  return {
    async sentTo(channelId) {
      return new Set(((await channels.get(channelId)) ?? []).map((entry) => entry.id));
    },
    async record(channelId, articleIds, messageId) {
      const now = Date.now();
      // Articles leave the store after retention, and so can their records: the list stays the size of a month's news.
      const kept = ((await channels.get(channelId)) ?? []).filter((entry) => now - entry.at < retentionMs);
      await channels.set(channelId, [...kept, ...articleIds.map((id) => ({ id, at: now, ...(messageId ? { messageId } : {}) }))]);
    },
    async find(channelId, articleId) {
      const entry = ((await channels.get(channelId)) ?? []).find((candidate) => candidate.id === articleId);
      return entry && { at: new Date(entry.at).toISOString(), ...(entry.messageId ? { messageId: entry.messageId } : {}) };
    },
  };
}
