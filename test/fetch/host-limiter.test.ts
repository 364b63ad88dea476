import { describe, expect, it } from 'vitest';
import { createHostLimiter } from '../../src/ingest/fetch/host-limiter.ts';

/** A task that runs until the test lets it finish, recording when it started. */
function heldTask(log: string[], name: string): { task: () => Promise<string>; finish: () => void } {
  let finish = (): void => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    task: async () => {
      log.push(`start ${name}`);
      await done;
      return name;
    },
    finish: () => finish(),
  };
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('createHostLimiter', () => {
  it('runs no more than the limit for one host and starts the rest in arrival order', async () => {
    const log: string[] = [];
    const limiter = createHostLimiter(2);
    const tasks = ['a', 'b', 'c', 'd'].map((name) => heldTask(log, name));
    const runs = tasks.map(({ task }) => limiter.run('news.example', task));
    await settle();
    expect(log).toEqual(['start a', 'start b']);
    tasks[1]!.finish();
    await settle();
    expect(log).toEqual(['start a', 'start b', 'start c']);
    for (const { finish } of tasks) finish();
    expect(await Promise.all(runs)).toEqual(['a', 'b', 'c', 'd']);
    expect(log).toEqual(['start a', 'start b', 'start c', 'start d']);
  });

  it('does not hold back another host while one host is full', async () => {
    const log: string[] = [];
    const limiter = createHostLimiter(1);
    const busy = heldTask(log, 'busy');
    const running = limiter.run('busy.example', busy.task);
    expect(await limiter.run('other.example', async () => 'other')).toBe('other');
    busy.finish();
    await running;
  });

  it('frees the slot of a task that failed', async () => {
    const limiter = createHostLimiter(1);
    await expect(limiter.run('news.example', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limiter.run('news.example', async () => 'next')).toBe('next');
  });

  it('takes an aborted task out of the queue without running it, and keeps the order of the rest', async () => {
    const log: string[] = [];
    const limiter = createHostLimiter(1);
    const first = heldTask(log, 'first');
    const running = limiter.run('news.example', first.task);
    const controller = new AbortController();
    const abandoned = limiter.run('news.example', async () => log.push('abandoned ran'), controller.signal);
    const last = limiter.run('news.example', async () => log.push('last ran'));
    controller.abort(new Error('caller gave up'));
    await expect(abandoned).rejects.toThrow('caller gave up');
    first.finish();
    await Promise.all([running, last]);
    expect(log).toEqual(['start first', 'last ran']);
  });

  it('refuses a limit below one, which would never run anything', () => {
    expect(() => createHostLimiter(0)).toThrow(RangeError);
  });
});
