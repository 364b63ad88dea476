import { expect, it } from 'vitest';
import { createBriefingTurns } from '../../src/brief/briefing-turns.ts';

/** A piece of work that starts when its turn comes and ends when the test says so. */
function work(log: string[], name: string) {
  let finish!: () => void;
  const ended = new Promise<void>((resolve) => (finish = resolve));
  return {
    run: async () => {
      log.push(`start ${name}`);
      await ended;
      log.push(`end ${name}`);
      return name;
    },
    finish,
  };
}

const turnsPass = () => new Promise((resolve) => setImmediate(resolve));

it('runs no more briefings at once than it is given', async () => {
  const turns = createBriefingTurns(2);
  const log: string[] = [];
  const [a, b, c] = [work(log, 'a'), work(log, 'b'), work(log, 'c')];
  const answers = [turns.take(a.run), turns.take(b.run), turns.take(c.run)];
  await turnsPass();

  expect(log).toEqual(['start a', 'start b']);

  b.finish();
  await turnsPass();
  expect(log).toEqual(['start a', 'start b', 'end b', 'start c']);
  a.finish();
  c.finish();
  expect(await Promise.all(answers)).toEqual(['a', 'b', 'c']);
});

it('gives the turn to whoever has waited longest, not to one arriving as it passes', async () => {
  const turns = createBriefingTurns(1);
  const log: string[] = [];
  const [a, b, c] = [work(log, 'a'), work(log, 'b'), work(log, 'c')];
  const first = turns.take(a.run);
  const second = turns.take(b.run);
  await turnsPass();
  a.finish();
  await first;
  const third = turns.take(c.run);
  await turnsPass();

  expect(log).toEqual(['start a', 'end a', 'start b']);
  b.finish();
  c.finish();
  await Promise.all([second, third]);
});

it('passes the turn on when a briefing fails', async () => {
  const turns = createBriefingTurns(1);
  const failed = turns.take(() => Promise.reject(new Error('the store went away')));
  const next = turns.take(async () => 'answered');

  await expect(failed).rejects.toThrow('the store went away');
  expect(await next).toBe('answered');
});
