import { describe, expect, it } from 'vitest';
import { arrivedBeforeAdded } from '../../src/deliver/guild-backlog.ts';

const SOURCES = [{ url: 'https://wire.example/feed.xml', addedBy: 'admin', addedAt: '2024-09-12T09:00:00.000Z' }];
const from = (location: string, fetchedAt: string) => ({ source: { kind: 'feed' as const, location }, fetchedAt });

describe('arrivedBeforeAdded', () => {
  it('counts an article read before the server added its source as that server’s backlog', () => {
    expect(arrivedBeforeAdded(from('https://wire.example/feed.xml', '2024-09-01T00:00:00.000Z'), SOURCES)).toBe(true);
  });

  it('counts an article read after the source was added as news', () => {
    expect(arrivedBeforeAdded(from('https://wire.example/feed.xml', '2024-09-12T09:10:00.000Z'), SOURCES)).toBe(false);
  });

  it('leaves articles from sources the server did not add (the defaults) to the first-read seeding', () => {
    expect(arrivedBeforeAdded(from('config/samples', '2024-09-01T00:00:00.000Z'), SOURCES)).toBe(false);
  });
});
