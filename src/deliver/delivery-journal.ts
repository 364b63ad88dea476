import type { MessagePayload } from '../discord/render/message-payload.ts';
import type { Store } from '../store/open-store.ts';

/**
 * One digest for one slot of one schedule, written before the first message goes out. Its messages and
 * nonces are kept, so that a run cut short (a crash, a network failure) is finished later by sending the
 * same messages with the same nonces, which Discord answers with the messages already posted.
 */
export interface DeliveryRun {
  scheduleId: string;
  guildId: string;
  channelId: string;
  slot: string;
  status: 'pending' | 'sent' | 'failed';
  messages: MessagePayload[];
  nonces: string[];
  /** In a forum, the title of the post the digest opens, and the post once it is open: the other messages go in it. */
  threadName?: string;
  threadId?: string;
  /** The id of each message once Discord has it. */
  messageIds: Array<string | null>;
  articleIds: string[];
  stories: number;
  startedAt: string;
  finishedAt?: string;
  failure?: string;
}

export interface DeliveryJournal {
  get(scheduleId: string, slot: string): Promise<DeliveryRun | undefined>;
  save(run: DeliveryRun): Promise<void>;
  /** Runs not finished, oldest first. */
  unfinished(scheduleId?: string): Promise<DeliveryRun[]>;
}

/** Runs are worth keeping as long as the articles they name. */
export function createKeyvDeliveryJournal(store: Store, retentionMs: number): DeliveryJournal {
  const runs = store.collection<DeliveryRun>('delivery_runs');
  const key = (scheduleId: string, slot: string) => `${scheduleId} ${slot}`;
  return {
    get: (scheduleId, slot) => runs.get(key(scheduleId, slot)),
    async save(run) {
      await runs.set(key(run.scheduleId, run.slot), run, retentionMs);
    },
    async unfinished(scheduleId) {
      const found: DeliveryRun[] = [];
      for await (const [, run] of store.entries<DeliveryRun>('delivery_runs')) {
        if (run.status === 'pending' && (!scheduleId || run.scheduleId === scheduleId)) found.push(run);
      }
      return found.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
    },
  };
}
