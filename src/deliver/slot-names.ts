import { createHash, randomUUID } from 'node:crypto';
import type { Schedule } from '../store/guild-settings-repository.ts';
import { dueSlots } from './local-slots.ts';

const MINUTE = 60_000;
/** Marks the slot of a run an admin asked for with send-now, after the minute it was asked in. */
const SENT_NOW = '#now-';

/** A slot's name for a schedule: its local minute, and after a change of time zone the count of changes (see Schedule.zoneEpoch). */
export function slotName(schedule: Pick<Schedule, 'zoneEpoch'>, localMinute: string): string {
  return schedule.zoneEpoch ? `${localMinute}~${schedule.zoneEpoch}` : localMinute;
}

/** The slot a run asked for at `now` is for: the schedule's local minute. */
export function currentSlot(schedule: Pick<Schedule, 'zoneEpoch' | 'timezone'>, now: Date): string {
  const everyMinute = { second: [0], minute: range(0, 59), hour: range(0, 23), dayOfMonth: range(1, 31), month: range(1, 12), dayOfWeek: range(0, 6) };
  return slotName(schedule, dueSlots([everyMinute], schedule.timezone, now.getTime() - MINUTE, now.getTime())[0]!.key);
}

/** An admin's "send now": a slot of its own after the minute it was asked in, however often it is asked. */
export function sentNowSlot(schedule: Pick<Schedule, 'zoneEpoch' | 'timezone'>, now: Date): string {
  return `${currentSlot(schedule, now)}${SENT_NOW}${randomUUID().slice(0, 8)}`;
}

/** Discord keeps nonces of up to 25 characters; the same schedule, slot and message always give the same one. */
export function nonceFor(scheduleId: string, slot: string, index: number): string {
  return createHash('sha256').update(`${scheduleId}|${slot}|${index}`).digest('hex').slice(0, 25);
}

/**
 * A forum post's title: the slot in the schedule's own zone, which also tells an interrupted run which post is its
 * own. The longest zone name keeps it under 70 characters, well within Discord's 100.
 */
export function forumPostTitle(slot: string, timezone: string): string {
  return `News digest · ${slot.replace(/[~#].*/, '').replace('T', ' ')} (${timezone})`;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}
