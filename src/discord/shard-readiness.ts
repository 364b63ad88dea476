import { Events, Status, type Client } from 'discord.js';

export interface ShardReadiness {
  id: number;
  /** Connected, identified or resumed, and past its guilds: answering what Discord sends it. */
  ready: boolean;
  /** When its connection dropped, while it is not ready again; absent when ready, and while it first connects. */
  notReadySince?: Date;
}

/**
 * Follows the client's shards for health checks: discord.js's own per-shard status says whether each is ready,
 * and its shard events say since when one that was ready is not, which the status alone does not.
 */
export function trackShardReadiness(client: Client, now: () => Date = () => new Date()): () => ShardReadiness[] {
  const droppedAt = new Map<number, Date>();
  const dropped = (id: number): void => {
    if (!droppedAt.has(id)) droppedAt.set(id, now());
  };
  const recovered = (id: number): void => void droppedAt.delete(id);
  client.on(Events.ShardReconnecting, dropped);
  client.on(Events.ShardDisconnect, (_event, id) => dropped(id));
  client.on(Events.ShardReady, recovered);
  client.on(Events.ShardResume, recovered);
  return () =>
    [...client.ws.shards.values()]
      .map((shard) => {
        const since = shard.status === Status.Ready ? undefined : droppedAt.get(shard.id);
        return { id: shard.id, ready: shard.status === Status.Ready, ...(since ? { notReadySince: since } : {}) };
      })
      .sort((a, b) => a.id - b.id);
}
