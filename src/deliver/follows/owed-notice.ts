import type { FollowStore } from './follow-store.ts';

/**
 * The explanation owed to a member in a server, taken so that it is given once: read first, since nearly
 * every command finds none, then cleared under the record's lock, so that two commands at once give it once.
 */
export async function takeOwedNotice(follows: FollowStore, guildId: string, userId: string): Promise<string | undefined> {
  if (!(await follows.get(guildId, userId)).notice) return undefined;
  let owed: string | undefined;
  await follows.update(guildId, userId, (record) => {
    const { notice, ...rest } = record;
    owed = notice;
    return rest;
  });
  return owed;
}
