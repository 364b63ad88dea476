/**
 * Lets tests wait for state the bot changes asynchronously (a reply, an edit, a post) without polling:
 * every change calls `notify`, and each waiter re-checks its probe.
 */
export interface ChangeFeed {
  notify(): void;
  /** Resolves with the probe's first defined answer; rejects after `timeoutMs` naming `what` was awaited. */
  waitFor<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T>;
}

export function createChangeFeed(): ChangeFeed {
  const waiters = new Set<() => void>();
  return {
    notify: () => {
      for (const waiter of [...waiters]) waiter();
    },
    waitFor: <T>(probe: () => T | undefined, timeoutMs: number, what: string) =>
      new Promise<T>((resolve, reject) => {
        const settleIfReady = (): boolean => {
          const found = probe();
          if (found === undefined) return false;
          stop();
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          stop();
          reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`));
        }, timeoutMs);
        const waiter = (): void => void settleIfReady();
        const stop = (): void => {
          clearTimeout(timer);
          waiters.delete(waiter);
        };
        if (!settleIfReady()) waiters.add(waiter);
      }),
  };
}
