import { describe, expect, it } from 'vitest';
import { activeFollows, bundleStories, followFor, recordSent, storiesLeft } from '../../../src/deliver/follows/follow-bundle.ts';
import { emptyMemberFollows, withFollow, type Follow, type FollowRun, type MemberFollows } from '../../../src/deliver/follows/member-follows.ts';
import { buildArticle } from '../../../src/ingest/build-article.ts';
import type { Story } from '../../../src/model/story.ts';

const NOW = new Date('2024-09-12T12:00:00.000Z');
const HOUR = 3_600_000;
const ago = (hours: number) => new Date(NOW.getTime() - hours * HOUR).toISOString();

function story(title: string, fetchedAt: string): Story {
  const article = buildArticle({ title, url: `https://news.example/${encodeURIComponent(title)}`, paragraphs: [`${title}, officials said on Thursday.`], alsoRead: [] }, { source: { kind: 'feed', location: 'feed' }, fetchedAt: new Date(fetchedAt) });
  return { id: article.id, lead: article, articles: [article], topics: [], latestAt: fetchedAt };
}

const follow = (topic: string, extra: Partial<Follow> = {}): Follow => ({ topic, createdAt: ago(48), ...extra });
const run = (stories: number, id = 'r1'): FollowRun => ({ id, messages: [], nonces: [], messageIds: [], articleIds: [`a-${id}`], stories, startedAt: ago(0) });
const member = (change: Partial<MemberFollows> = {}): MemberFollows => ({ ...emptyMemberFollows('g', 'u'), ...change });

describe('how many stories a member may still be sent', () => {
  it('counts what went out in the last 24 hours and what is journaled, not what went out before', () => {
    const record = member({ sent: [{ articleIds: ['a'], stories: 2, at: ago(23) }, { articleIds: ['b'], stories: 3, at: ago(25) }], pending: [run(1)] });
    expect(storiesLeft(record, NOW, 5)).toBe(2);
  });

  it('is never below nothing', () => {
    expect(storiesLeft(member({ sent: [{ articleIds: ['a'], stories: 7, at: ago(1) }] }), NOW, 5)).toBe(0);
  });
});

describe('which follow a story is news on', () => {
  it('is a follow whose topic the story is about, for a story that arrived after the member began following', () => {
    expect(followFor(story('Storm Agnes reaches the coast', ago(1)), [follow('Kim Jong Un'), follow('Storm Agnes')])?.topic).toBe('Storm Agnes');
  });

  it('is none for a story that arrived before the member followed its topic', () => {
    expect(followFor(story('Storm Agnes reaches the coast', ago(72)), [follow('Storm Agnes')])).toBeUndefined();
  });

  it('is none for a story that arrived while its topic was muted, even once the mute ended', () => {
    expect(followFor(story('Storm Agnes reaches the coast', ago(3)), [follow('Storm Agnes', { mutedUntil: ago(1) })])).toBeUndefined();
    expect(followFor(story('Storm Agnes reaches the coast', ago(0.5)), [follow('Storm Agnes', { mutedUntil: ago(1) })])?.topic).toBe('Storm Agnes');
  });

  it('leaves out a follow muted until later, and takes it back once the mute ends', () => {
    const record = member({ follows: [follow('Storm Agnes', { mutedUntil: ago(-2) }), follow('Kim Jong Un', { mutedUntil: ago(1) })] });
    expect(activeFollows(record, NOW).map((each) => each.topic)).toEqual(['Kim Jong Un']);
  });
});

describe('bundling', () => {
  it('makes one bundle for direct messages and one for each channel chosen', () => {
    const chosen = [
      { item: 1, follow: follow('A') },
      { item: 2, follow: follow('B', { channelId: 'c1' }) },
      { item: 3, follow: follow('C') },
    ];
    expect(bundleStories(chosen)).toEqual([
      { stories: [chosen[0], chosen[2]], topics: ['A', 'C'] },
      { channelId: 'c1', stories: [chosen[1]], topics: ['B'] },
    ]);
  });

  it('names at most five topics in a bundle, one row of buttons each, each topic’s stories together; stories on a sixth wait', () => {
    const chosen = ['A', 'B', 'C', 'D', 'E', 'F', 'A'].map((topic, item) => ({ item, follow: follow(topic) }));
    const [bundle] = bundleStories(chosen);
    expect(bundle?.topics).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(bundle?.stories.map((each) => each.item)).toEqual([0, 6, 1, 2, 3, 4]);
  });
});

describe('recording a bundle as sent', () => {
  it('moves it from the journal to what was sent, once however often it is recorded', () => {
    const record = member({ pending: [run(2)] });
    const once = recordSent(record, run(2), NOW, 30 * 24 * HOUR);
    expect(once.pending).toEqual([]);
    expect(once.sent).toEqual([{ articleIds: ['a-r1'], stories: 2, at: NOW.toISOString() }]);
    expect(recordSent(once, run(2), NOW, 30 * 24 * HOUR)).toBe(once);
  });
});

describe('following a topic', () => {
  it('adds up to the server’s cap, and then only moves a follow already there', () => {
    const full = withFollow(withFollow(member(), { topic: 'Storm Agnes' }, NOW, 2).record, { topic: 'Kim Jong Un' }, NOW, 2).record;
    expect(withFollow(full, { topic: 'Ferry strike' }, NOW, 2).outcome).toBe('full');
    const moved = withFollow(full, { topic: 'storm agnes', channelId: 'c1' }, NOW, 2);
    expect(moved.outcome).toBe('moved');
    expect(moved.record.follows[0]).toMatchObject({ topic: 'Storm Agnes', channelId: 'c1' });
  });
});
