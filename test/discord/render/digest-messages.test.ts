import { describe, expect, it } from 'vitest';
import { digestLook, type DigestLook } from '../../../src/deliver/digest-look.ts';
import { ENGLISH } from '../../../src/discord/i18n/reply-text.ts';
import { validateMessage } from '../../../src/discord/render/embed-limits.ts';
import { digestMessages } from '../../../src/discord/render/digest-messages.ts';
import { moreLikeButton } from '../../../src/discord/render/reply-buttons.ts';
import type { BriefingItem } from '../../../src/model/story.ts';
import { briefingItem, digest, sentences } from './briefing-fixtures.ts';

const look = (overrides: Partial<DigestLook> = {}): DigestLook => ({ ...digestLook({}), ...overrides });
const render = (items: BriefingItem[], overrides: Partial<DigestLook> = {}, groups?: Array<{ topic: string; storyIds: string[] }>) =>
  digestMessages(digest(items, groups ? { groups } : {}), look(overrides), { text: ENGLISH, storyButton: moreLikeButton(ENGLISH) });
const descriptions = (messages: ReturnType<typeof render>): string => messages.flatMap((message) => message.embeds ?? []).map((embed) => embed.description ?? '').join('\n');

/** A story with everything at its longest: a 300-character headline, a 2000-character address, a long summary and many sources. */
function longest(n: number): BriefingItem {
  return briefingItem(n, {
    title: `Story ${n} ${'with a very long headline about the harbour ferry strike '.repeat(6)}`,
    url: `https://courier.example/${'long-path-segment/'.repeat(110)}${n}`,
    summary: sentences(40),
    sources: Array.from({ length: 30 }, (_, index) => ({ name: `Publisher number ${index}`, url: `https://publisher-${index}.example/${n}` })),
    imageUrl: `https://images.example/${n}.jpg`,
  });
}

describe('a scheduled digest in each format', () => {
  it('reads a schedule stored before the options existed, or with a value no longer offered, as today’s look', () => {
    expect(digestLook({})).toEqual({ format: 'embeds', images: false, summary: 'medium', groupBy: 'topic' });
    expect(digestLook({ format: 'carousel', images: 'yes', summary: 7, groupBy: 'source' })).toEqual({ format: 'embeds', images: false, summary: 'medium', groupBy: 'topic' });
  });

  it('is, by default, the embeds of today: one per story, with its button', () => {
    const messages = render([briefingItem(1), briefingItem(2)]);
    expect(messages[0]!.embeds).toHaveLength(2);
    expect(messages[0]!.components?.[0]?.components).toHaveLength(2);
  });

  it('puts ten stories with the longest headlines, summaries and source lists in one compact message Discord accepts', () => {
    const messages = render(Array.from({ length: 10 }, (_, index) => longest(index + 1)), { format: 'compact' });
    expect(messages).toHaveLength(1);
    expect(messages.flatMap(validateMessage)).toEqual([]);
    const list = descriptions(messages);
    for (let n = 1; n <= 10; n += 1) expect(list).toContain(`**${n}.** `);
    expect(list).toContain('Publisher number 0');
  });

  it('links each compact headline, with a one-line summary and its sources beneath', () => {
    const [message] = render([briefingItem(1), briefingItem(2)], { format: 'compact', groupBy: 'none' });
    expect(message!.embeds).toHaveLength(1);
    expect(message!.embeds![0]!.description).toBe(
      [
        '**1.** [Story 1: ferry crews end strike](https://courier.example/story-1)',
        'Ferry crews accepted the pay deal in story 1. Services resume on Monday. — Courier · Worldwire',
        '**2.** [Story 2: ferry crews end strike](https://courier.example/story-2)',
        'Ferry crews accepted the pay deal in story 2. Services resume on Monday. — Courier · Worldwire',
      ].join('\n'),
    );
  });

  it('lists fifty linked headlines under their topics in messages Discord accepts, each story once', () => {
    const items = Array.from({ length: 50 }, (_, index) => longest(index + 1));
    const groups = [
      { topic: 'Harbour', storyIds: items.slice(0, 25).map((item) => item.storyId) },
      { topic: 'Strike', storyIds: items.slice(25).map((item) => item.storyId) },
    ];
    const messages = render(items, { format: 'headlines' }, groups);
    expect(messages.flatMap(validateMessage)).toEqual([]);
    const list = descriptions(messages);
    expect(list.match(/^• /gm)).toHaveLength(50);
    expect(list).toContain('__**Harbour**__');
    expect(list.indexOf('__**Strike**__')).toBeGreaterThan(list.indexOf('__**Harbour**__'));
    expect(list).not.toContain('Sentence 1');
  });

  it('lists headlines as one ranked list, without topics, when grouped by none', () => {
    const items = [briefingItem(1), briefingItem(2)];
    const list = descriptions(render(items, { format: 'headlines', groupBy: 'none' }, [{ topic: 'Strike', storyIds: ['story-2', 'story-1'] }]));
    expect(list).toBe('• [Story 1: ferry crews end strike](https://courier.example/story-1)\n• [Story 2: ferry crews end strike](https://courier.example/story-2)');
  });

  it('files embeds under their topics, or none when grouped by none', () => {
    const items = [briefingItem(1), briefingItem(2)];
    const groups = [{ topic: 'Strike', storyIds: ['story-2', 'story-1'] }];
    expect(render(items, {}, groups)[0]!.embeds!.map((embed) => [embed.author?.name, embed.title])).toEqual([
      ['Strike', 'Story 2: ferry crews end strike'],
      ['Strike', 'Story 1: ferry crews end strike'],
    ]);
    expect(render(items, { groupBy: 'none' }, groups)[0]!.embeds!.map((embed) => [embed.author?.name, embed.title])).toEqual([
      [undefined, 'Story 1: ferry crews end strike'],
      [undefined, 'Story 2: ferry crews end strike'],
    ]);
  });

  it('shows each story’s picture as its thumbnail when images are on, and none when off', () => {
    const items = [briefingItem(1, { imageUrl: 'https://images.example/1.jpg' }), briefingItem(2)];
    expect(render(items, { images: true })[0]!.embeds!.map((embed) => embed.thumbnail)).toEqual([{ url: 'https://images.example/1.jpg' }, undefined]);
    expect(render(items)[0]!.embeds!.some((embed) => embed.thumbnail)).toBe(false);
    expect(render(items, { format: 'compact', images: true })[0]!.embeds![0]!.thumbnail).toEqual({ url: 'https://images.example/1.jpg' });
    expect(render(items, { format: 'headlines' })[0]!.embeds![0]!.thumbnail).toBeUndefined();
  });

  it('never gives Discord a picture that is not at an http(s) address', () => {
    for (const imageUrl of ['javascript:alert(1)', 'file:///etc/passwd', 'data:image/png;base64,AAAA', 'not a url', `https://images.example/${'x'.repeat(3000)}.jpg`]) {
      const messages = render([briefingItem(1, { imageUrl })], { images: true });
      expect(messages[0]!.embeds![0]!.thumbnail).toBeUndefined();
      expect(messages.flatMap(validateMessage)).toEqual([]);
    }
  });

  it('has Discord refuse a thumbnail that is not a web address, as the adapter checks', () => {
    expect(validateMessage({ embeds: [{ title: 'x', thumbnail: { url: 'javascript:alert(1)' } }], allowed_mentions: { parse: [] } })).toEqual([
      'embed 1 thumbnail url is not an http(s) address of at most 2048 characters',
    ]);
  });
});
