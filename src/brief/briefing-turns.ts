/**
 * Briefings take their turn, a few at a time, first come first served. Each runs on the event loop in steps
 * (see letOthersIn in newsroom.ts), and every step waiting is run before the loop reads its sockets again: fifty
 * briefings under way would hold back Discord's messages, and the acknowledgements owed within 3 s, for fifty
 * steps at a time, and finish all together, late. Taking turns, each finishes in about its own time, and a new
 * interaction waits for a few steps at most.
 */
export interface BriefingTurns {
  take<T>(work: () => Promise<T>): Promise<T>;
}

export function createBriefingTurns(atOnce: number): BriefingTurns {
  let running = 0;
  const waiting: Array<() => void> = [];
  return {
    async take(work) {
      if (running >= atOnce) await new Promise<void>((resolve) => waiting.push(resolve));
      else running += 1;
      try {
        return await work();
      } finally {
        // The turn passes straight to the next in line, so that one arriving meanwhile cannot jump the queue.
        if (waiting.length) waiting.shift()!();
        else running -= 1;
      }
    },
  };
}
