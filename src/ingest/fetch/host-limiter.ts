/**
 * At most `limit` requests in flight to any one host; the rest wait their turn in arrival order, while
 * requests to other hosts go ahead. Keeps a polling run from hammering one publisher.
 */
export interface HostLimiter {
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
}

export function createHostLimiter(limit: number): HostLimiter {
  const hosts = new Map<string, { active: number; waiting: Array<() => void> }>();

  const acquire = (host: string): Promise<void> => {
    const state = hosts.get(host) ?? { active: 0, waiting: [] };
    hosts.set(host, state);
    if (state.active < limit) {
      state.active += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => state.waiting.push(resolve));
  };

  const release = (host: string): void => {
    const state = hosts.get(host)!;
    const next = state.waiting.shift();
    if (next) next();
    else if (--state.active === 0) hosts.delete(host);
  };

  return {
    async run(host, task) {
      await acquire(host);
      try {
        return await task();
      } finally {
        release(host);
      }
    },
  };
}
