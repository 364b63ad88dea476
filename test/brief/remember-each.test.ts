import { expect, it } from 'vitest';
import { rememberEach } from '../../src/brief/cluster/remember-each.ts';

it('works each key out once, and gives what it remembers after', () => {
  const asked: string[] = [];
  const upper = rememberEach((key) => (asked.push(key), key.toUpperCase()), 10);

  expect([upper('ana'), upper('ruiz'), upper('ana')]).toEqual(['ANA', 'RUIZ', 'ANA']);
  expect(asked).toEqual(['ana', 'ruiz']);
});

it('forgets everything past the most it may remember, and works a forgotten key out again', () => {
  const asked: string[] = [];
  const upper = rememberEach((key) => (asked.push(key), key.toUpperCase()), 2);
  upper('a');
  upper('b');
  upper('c');

  expect(upper('b')).toBe('B');
  expect(upper('c')).toBe('C');
  expect(asked).toEqual(['a', 'b', 'c', 'b']);
});
