import type { Store } from '../../store/open-store.ts';
import { emptyMemberFollows, isEmpty, type MemberFollows } from './member-follows.ts';

/**
 * Members' follows, one record per server and member. Every change goes through `update`, one at a time per
 * member however many processes share the store, so that a follow added while a bundle is being recorded is
 * not lost, and a bundle is journaled by one process only.
 */
export interface FollowStore {
  get(guildId: string, userId: string): Promise<MemberFollows>;
  /** Applies a change to one member's record; a record left with nothing in it is deleted. */
  update(guildId: string, userId: string, change: (record: MemberFollows) => MemberFollows): Promise<MemberFollows>;
  /** Forgets everything about the member in that server. */
  forget(guildId: string, userId: string): Promise<void>;
  /** Forgets every member's follows in a server Herald left; resolves with how many members had some. */
  forgetGuild(guildId: string): Promise<number>;
  /** Every member with a record, in every server, each once: the delivery pass walks them. */
  members(): AsyncIterable<MemberFollows>;
}

const COLLECTION = 'follow_members';

/** The embedded engine's follows: a keyv record per member, changed one at a time within the one process that owns the store. */
export function createKeyvFollowStore(store: Store): FollowStore {
  const records = store.collection<MemberFollows>(COLLECTION);
  const queues = new Map<string, Promise<unknown>>();
  const key = (guildId: string, userId: string): string => `${guildId}/${userId}`;
  const get = async (guildId: string, userId: string): Promise<MemberFollows> => (await records.get(key(guildId, userId))) ?? emptyMemberFollows(guildId, userId);
  const serially = <T>(id: string, work: () => Promise<T>): Promise<T> => {
    const next = (queues.get(id) ?? Promise.resolve()).then(work);
    const settled = next.catch(() => undefined);
    queues.set(id, settled);
    void settled.then(() => {
      if (queues.get(id) === settled) queues.delete(id);
    });
    return next;
  };
  return {
    get,
    update(guildId, userId, change) {
      const id = key(guildId, userId);
      return serially(id, async () => {
        const updated = change(await get(guildId, userId));
        if (isEmpty(updated)) await records.delete(id);
        else await records.set(id, updated);
        return updated;
      });
    },
    async forget(guildId, userId) {
      const id = key(guildId, userId);
      await serially(id, () => records.delete(id));
    },
    async forgetGuild(guildId) {
      const found: string[] = [];
      for await (const [id, record] of store.entries<MemberFollows>(COLLECTION)) if (record.guildId === guildId) found.push(id);
      for (const id of found) await serially(id, () => records.delete(id));
      return found.length;
    },
    async *members() {
      for await (const [, record] of store.entries<MemberFollows>(COLLECTION)) yield record;
    },
  };
}
