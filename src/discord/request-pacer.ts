/** Runs a request now or later, so that requests keep to a rate. */
export type RequestPacer = <T>(request: () => Promise<T>) => Promise<T>;

export interface RequestPacerOptions {
  perSecond: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Starts requests at least 1/perSecond apart, so that no second, wherever it begins, holds more than
 * perSecond of them. discord.js keeps to Discord's global limit in windows of its own, which need not line
 * up with Discord's: a burst at the end of one of its windows and another at the start of the next land in
 * the same second on Discord's side and draw 429s.
 *
 * Written here rather than taken from p-throttle, whose strict mode plans each start in advance: when the
 * event loop stalls (a thousand digests composed and journaled at once), every start planned within the
 * stall fires together after it. Spacing from the start that actually happened leaves no backlog to burst.
 */
export function createRequestPacer(options: RequestPacerOptions): RequestPacer {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const spacingMs = 1_000 / options.perSecond;
  let lastStart = Number.NEGATIVE_INFINITY;
  let queue: Promise<void> = Promise.resolve();
  const turn = async (): Promise<void> => {
    const wait = lastStart + spacingMs - now();
    if (wait > 0) await sleep(wait);
    lastStart = now();
  };
  return <T>(request: () => Promise<T>): Promise<T> => {
    const mine = queue.then(turn);
    queue = mine;
    return mine.then(request);
  };
}
