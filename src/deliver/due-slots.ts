/** A slot of a schedule that has come and not yet been delivered. */
export interface DueSlot {
  guildId: string;
  scheduleId: string;
  /** The local date and minute, as local-slots.ts names it. */
  slot: string;
  /** When the slot came, as an instant (ISO 8601), when it is known: how late its run began is measured from it. */
  dueAt?: string;
}

/**
 * The work queue of digest delivery: every process that notices a slot come notes it here, and whichever
 * process takes the schedule's lease delivers it. A slot is due once however many processes note it.
 */
export interface DueSlots {
  /** Notes a slot as due; noting it again, or after it was delivered and removed, is harmless (the journal knows it ran). */
  add(slot: DueSlot): Promise<void>;
  /** A schedule's due slots, oldest first. */
  of(scheduleId: string): Promise<DueSlot[]>;
  /** The slot ran, or never will (its schedule is gone): it is no longer due. */
  remove(scheduleId: string, slot: string): Promise<void>;
  /** Schedules with a due slot that no process holds the lease of, longest waiting first. */
  waiting(limit: number): Promise<DueSlot[]>;
}

/** The lease that lets one process at a time run a schedule's digests. */
export function scheduleLeaseKey(scheduleId: string): string {
  return `schedule:${scheduleId}`;
}

/**
 * The embedded store's queue, in memory: one process runs every schedule, and a slot it had not begun when
 * it stopped is found again at start-up by the catch-up of missed slots, and a begun one in the journal.
 */
export function createMemoryDueSlots(): DueSlots {
  const due = new Map<string, Map<string, DueSlot & { order: number }>>();
  let order = 0;
  return {
    async add(slot) {
      const slots = due.get(slot.scheduleId) ?? new Map<string, DueSlot & { order: number }>();
      if (!slots.has(slot.slot)) slots.set(slot.slot, { ...slot, order: (order += 1) });
      due.set(slot.scheduleId, slots);
    },
    async of(scheduleId) {
      return [...(due.get(scheduleId)?.values() ?? [])].sort((a, b) => a.slot.localeCompare(b.slot)).map(({ order: _order, ...slot }) => slot);
    },
    async remove(scheduleId, slot) {
      const slots = due.get(scheduleId);
      slots?.delete(slot);
      if (slots?.size === 0) due.delete(scheduleId);
    },
    async waiting(limit) {
      return [...due.values()]
        .map((slots) => [...slots.values()].sort((a, b) => a.order - b.order)[0]!)
        .sort((a, b) => a.order - b.order)
        .slice(0, limit)
        .map(({ order: _order, ...slot }) => slot);
    },
  };
}
