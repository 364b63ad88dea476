import type { Store } from '../store/open-store.ts';

/** Which articles each channel has been sent, so that no story reaches a channel twice, across restarts. */
export interface DeliveryLog {
  sentTo(channelId: string): Promise<Set<string>>;
  record(channelId: string, articleIds: string[]): Promise<void>;
}

export function createKeyvDeliveryLog(store: Store, retentionMs: number): DeliveryLog {
  const channels = store.collection<Array<{ id: string; at: number }>>('channel_deliveries');
  return {
    async sentTo(channelId) {
      return new Set(((await channels.get(channelId)) ?? []).map((entry) => entry.id));
    },
    async record(channelId, articleIds) {
      const now = Date.now();
      // Articles leave the store after retention, and so can their records: the list stays the size of a month's news.
      const kept = ((await channels.get(channelId)) ?? []).filter((entry) => now - entry.at < retentionMs);
      await channels.set(channelId, [...kept, ...articleIds.map((id) => ({ id, at: now }))]);
    },
  };
}
