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
  /** Empty: the slot ran and found nothing to post; it is kept so that the slot is not run again. */
  status: 'pending' | 'sent' | 'failed' | 'empty';
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
  /** A schedule's runs not finished, oldest first. */
  unfinished(scheduleId: string): Promise<DeliveryRun[]>;
  /** When the schedule's latest run finished, whatever it posted: for /status and /schedule list. */
  lastFinished(scheduleId: string): Promise<string | undefined>;
}

/**
 * Runs are worth keeping as long as the articles they name. The slots still pending are indexed per schedule,
 * so that a run, which first looks for unfinished ones, reads its own schedule's rather than a month of
 * every channel's runs.
 */
export function createKeyvDeliveryJournal(store: Store, retentionMs: number): DeliveryJournal {
  const runs = store.collection<DeliveryRun>('delivery_runs');
  const pending = store.collection<string[]>('delivery_pending');
  const finished = store.collection<string>('delivery_last_finished');
  const key = (scheduleId: string, slot: string) => `${scheduleId} ${slot}`;
  return {
    get: (scheduleId, slot) => runs.get(key(scheduleId, slot)),
    // The index is written first for a pending run and last for a finished one, so that a crash between the
    // two writes leaves the index listing a run it need not (harmless) rather than missing one it must.
    async save(run) {
      const slots = (await pending.get(run.scheduleId)) ?? [];
      const listed = slots.includes(run.slot);
      if (run.status === 'pending' && !listed) await pending.set(run.scheduleId, [...slots, run.slot], retentionMs);
      await runs.set(key(run.scheduleId, run.slot), run, retentionMs);
      if (run.finishedAt) await finished.set(run.scheduleId, run.finishedAt, retentionMs);
      if (run.status !== 'pending' && listed) {
        const rest = slots.filter((slot) => slot !== run.slot);
        if (rest.length) await pending.set(run.scheduleId, rest, retentionMs);
        else await pending.delete(run.scheduleId);
      }
    },
    async unfinished(scheduleId) {
      const found = await Promise.all(((await pending.get(scheduleId)) ?? []).map((slot) => runs.get(key(scheduleId, slot))));
      return found.filter((run): run is DeliveryRun => run?.status === 'pending').sort((a, b) => a.startedAt.localeCompare(b.startedAt));
    },
    lastFinished: (scheduleId) => finished.get(scheduleId),
  };
}
