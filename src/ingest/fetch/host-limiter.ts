/**
 * At most `limit` tasks running for any one host; the rest wait their turn in arrival order, while tasks
 * for other hosts go ahead. Keeps a polling run from hammering one publisher.
 */
export interface HostLimiter {
  /** Runs the task once the host has a free slot. Aborting `signal` while the task waits takes it out of the queue and rejects with the signal's reason. */
  run<T>(host: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

interface HostState {
  active: number;
  waiting: Array<() => void>;
}

export function createHostLimiter(limit: number): HostLimiter {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`per-host concurrency must be a whole number of at least 1, not ${limit}`);
  const hosts = new Map<string, HostState>();

  const acquire = (host: string, signal: AbortSignal | undefined): Promise<void> => {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const state = hosts.get(host) ?? { active: 0, waiting: [] };
    hosts.set(host, state);
    if (state.active < limit) {
      state.active += 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        state.waiting.splice(state.waiting.indexOf(grant), 1);
        reject(signal?.reason);
      };
      // The slot passes straight from the finishing task to this one, so `active` stays as it is.
      const grant = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      state.waiting.push(grant);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  };

  const release = (host: string): void => {
    const state = hosts.get(host);
    if (!state) return;
    const next = state.waiting.shift();
    if (next) next();
    else if (--state.active === 0) hosts.delete(host);
  };

  return {
    async run(host, task, signal) {
      await acquire(host, signal);
      try {
        return await task();
      } finally {
        release(host);
      }
    },
  };
}
