import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { briefingMessages } from '../../../src/discord/render/briefing-messages.ts';
import { validateMessage } from '../../../src/discord/render/embed-limits.ts';
import type { MessagePayload } from '../../../src/discord/render/message-payload.ts';
import { briefingItem, digest, sentences } from './briefing-fixtures.ts';

function embedsOf(messages: MessagePayload[]): APIEmbed[] {
  return messages.flatMap((message) => message.embeds ?? []);
}

function onlyEmbed(messages: MessagePayload[]): APIEmbed {
  const [embed, ...rest] = embedsOf(messages);
  expect(rest).toEqual([]);
  return embed!;
}

describe('briefingMessages', () => {
  describe('GIVEN an ordinary digest', () => {
    const messages = briefingMessages(digest([briefingItem(1), briefingItem(2)]));
    const [first, second] = embedsOf(messages);

    it('sends one message headed "Top stories" with the time in each reader’s zone', () => {
      expect(messages).toHaveLength(1);
      expect(messages[0]!.content).toBe(`**Top stories** · <t:${Date.parse('2024-09-12T12:00:00Z') / 1000}:f>`);
    });

    it('gives each story an embed whose title links to the lead article', () => {
      expect(first).toMatchObject({ title: 'Story 1: ferry crews end strike', url: 'https://courier.example/story-1' });
      expect(second).toMatchObject({ title: 'Story 2: ferry crews end strike', url: 'https://courier.example/story-2' });
    });

    it('describes a story with its summary, the other sites that reported it, and what to read next', () => {
      expect(first!.description).toBe(
        [
          'Ferry crews accepted the pay deal in story 1. Services resume on Monday.',
          '',
          '**Also reported by** [Worldwire](https://worldwire.example/story-1)',
          '**Also read**',
          '• [Background to the strike](https://background.example/strike)',
        ].join('\n'),
      );
    });

    it('credits the publisher and topics in the footer and dates the embed', () => {
      expect(first).toMatchObject({ footer: { text: 'Courier · Harbour City, strike' }, timestamp: '2024-09-12T06:00:00.000Z' });
    });

    it('lets no message mention anyone', () => {
      expect(messages.every((message) => message.allowed_mentions.parse.length === 0)).toBe(true);
    });
  });

  describe('GIVEN a story in another language than the digest’s', () => {
    it('shows a translated headline with the original and its language beside it, and says it was translated', () => {
      const item = briefingItem(1, { title: 'Ferry crews end their strike', originalTitle: 'Les marins du ferry mettent fin à la grève', language: 'fr-FR' });
      expect(onlyEmbed(briefingMessages(digest([item])))).toMatchObject({
        title: 'Ferry crews end their strike (original: «Les marins du ferry mettent fin à la grève», fr)',
        footer: { text: 'Courier · translated from French · Harbour City, strike' },
      });
    });

    it('keeps a story left untranslated under its own headline, labelled with its language', () => {
      const item = briefingItem(1, { title: 'Les marins du ferry mettent fin à la grève', language: 'fr' });
      expect(onlyEmbed(briefingMessages(digest([item])))).toMatchObject({
        title: 'Les marins du ferry mettent fin à la grève',
        footer: { text: 'Courier · in French · Harbour City, strike' },
      });
    });

    it('cuts the original headline to the title’s room, and leaves it out when too little is left', () => {
      const fits = briefingItem(1, { title: 'T'.repeat(150), originalTitle: sentences(3), language: 'fr' });
      const crowded = briefingItem(2, { title: 'T'.repeat(240), originalTitle: sentences(3), language: 'fr' });
      const [roomy, full] = embedsOf(briefingMessages(digest([fits, crowded])));
      expect(roomy!.title!.length).toBeLessThanOrEqual(256);
      expect(roomy!.title).toMatch(/^T{150} \(original: «Sentence 1 says the ferry strike is finally over now\.», fr\)$/);
      expect(full!.title).toBe('T'.repeat(240));
    });
  });

  it('names an empty digest in one line', () => {
    expect(briefingMessages(digest([]))).toEqual([{ content: 'No stories in this period yet.', allowed_mentions: { parse: [] } }]);
  });

  it('names an empty topic briefing in one line with its topic', () => {
    expect(briefingMessages(digest([], { topic: 'ferry *strike*' }))).toEqual([
      { content: 'No stories about "ferry \\*strike\\*" yet.', allowed_mentions: { parse: [] } },
    ]);
  });

  it('opens a topic briefing with its heading and an overview embed', () => {
    const messages = briefingMessages(digest([briefingItem(1)], { topic: 'ferry strike', overview: 'Crews accepted a deal. Ferries run again.' }));
    expect(messages[0]!.content).toBe('**Briefing: ferry strike**');
    expect(messages[0]!.embeds![0]).toEqual({ title: 'Overview', description: 'Crews accepted a deal. Ferries run again.' });
    expect(messages[0]!.embeds![1]!.title).toBe('Story 1: ferry crews end strike');
  });

  it('uses a heading and colour the caller gives', () => {
    const [message] = briefingMessages(digest([briefingItem(1)]), { heading: 'Morning news', color: 0x1f6feb });
    expect(message!.content).toBe('**Morning news**');
    expect(message!.embeds![0]!.color).toBe(0x1f6feb);
  });

  it('files digest stories in group order under their group’s topic, and keeps a story no group names', () => {
    const items = [briefingItem(1), briefingItem(2), briefingItem(3)];
    const groups = [
      { topic: 'Weather', storyIds: ['story-3'] },
      { topic: 'Transport', storyIds: ['story-1', 'story-3'] },
    ];
    const embeds = embedsOf(briefingMessages(digest(items, { groups })));
    expect(embeds.map((embed) => [embed.author?.name, embed.title?.slice(0, 7)])).toEqual([
      ['Weather', 'Story 3'],
      ['Transport', 'Story 1'],
      [undefined, 'Story 2'],
    ]);
  });

  describe('GIVEN untrusted article text', () => {
    it('pings no one for a headline reading @everyone', () => {
      const messages = briefingMessages(digest([briefingItem(1, { title: '@everyone @here free nitro', summary: '@everyone click now.' })]));
      expect(JSON.stringify(messages)).not.toMatch(/@(everyone|here)/);
      expect(onlyEmbed(messages).title).toBe('@\u200Beveryone @\u200Bhere free nitro');
    });

    it('shows markdown in a headline as typed, with no link of its own', () => {
      const embed = onlyEmbed(briefingMessages(digest([briefingItem(1, { title: '**bold** [click](http://evil)' })])));
      expect(embed.title).toBe('\\*\\*bold\\*\\* \\[click\\](http://evil)');
    });

    it('links no address that is not http(s)', () => {
      const item = briefingItem(1, {
        url: 'javascript:alert(1)',
        sources: [
          { name: 'Courier', url: 'javascript:alert(1)' },
          { name: 'Evil', url: 'data:text/html,hi' },
        ],
        alsoRead: [{ title: 'Click', url: 'vbscript:msgbox' }],
      });
      const embed = onlyEmbed(briefingMessages(digest([item])));
      expect(embed.url).toBeUndefined();
      expect(embed.description).not.toMatch(/\]\(/);
    });

    it('drops a publication time Discord could not read', () => {
      expect(onlyEmbed(briefingMessages(digest([briefingItem(1, { publishedAt: 'last Tuesday' })]))).timestamp).toBeUndefined();
    });
  });

  describe('GIVEN a story too long for one embed', () => {
    it('trims the summary after the last whole sentence that fits', () => {
      const summary = sentences(100);
      const description = onlyEmbed(briefingMessages(digest([briefingItem(1, { summary })]))).description!;
      const kept = description.split('\n\n')[0]!;
      expect(kept.length).toBeLessThanOrEqual(4096);
      expect(summary.startsWith(kept)).toBe(true);
      expect(kept).toMatch(/over now\.$/);
    });

    it('keeps its summary when hundreds of sites carried it, and says how many it leaves out', () => {
      const sources = Array.from({ length: 500 }, (_, index) => ({ name: `Site ${index}`, url: `https://site-${index}.example/story` }));
      const description = onlyEmbed(briefingMessages(digest([briefingItem(1, { sources })]))).description!;
      expect(description).toContain('Ferry crews accepted the pay deal');
      expect(description).toMatch(/ and \d+ more\n/);
    });
  });

  describe('GIVEN more stories than one message holds', () => {
    it('spreads them over messages of at most 10 embeds, each story once and in order', () => {
      const items = Array.from({ length: 25 }, (_, index) => briefingItem(index + 1));
      const messages = briefingMessages(digest(items));
      expect(messages.map((message) => message.embeds?.length)).toEqual([10, 10, 5]);
      expect(embedsOf(messages).map((embed) => embed.url)).toEqual(items.map((item) => item.url));
    });

    it('starts a new message before the embeds pass 6000 characters', () => {
      const items = Array.from({ length: 6 }, (_, index) => briefingItem(index + 1, { summary: sentences(40) }));
      const messages = briefingMessages(digest(items));
      expect(messages.length).toBeGreaterThan(1);
      expect(messages.flatMap(validateMessage)).toEqual([]);
      expect(embedsOf(messages).map((embed) => embed.url)).toEqual(items.map((item) => item.url));
    });

    it('fits a page of five long stories and an overview in one message when asked, each story keeping a summary', () => {
      const sources = Array.from({ length: 80 }, (_, index) => ({ name: `Site ${index}`, url: `https://site-${index}.example/story` }));
      const items = Array.from({ length: 5 }, (_, index) => briefingItem(index + 1, { summary: sentences(40), sources }));
      const messages = briefingMessages(digest(items, { topic: 'ferry', overview: sentences(60) }), { oneMessage: true });
      expect(messages).toHaveLength(1);
      expect(messages.flatMap(validateMessage)).toEqual([]);
      expect(embedsOf(messages).slice(1).every((embed) => embed.description?.startsWith('Sentence 1 says'))).toBe(true);
    });

    it('puts each story’s button under the message that holds the story', () => {
      const items = Array.from({ length: 12 }, (_, index) => briefingItem(index + 1));
      const messages = briefingMessages(digest(items, { overview: 'An overview.' }), { storyButton: (item) => ({ type: 2, style: 2, label: item.storyId, custom_id: `more:${item.storyId}` }) });
      const labels = messages.map((message) => (message.components ?? []).flatMap((row) => row.components.map((button) => ('label' in button ? button.label : ''))));
      expect(labels).toEqual([items.slice(0, 9).map((item) => item.storyId), items.slice(9).map((item) => item.storyId)]);
      expect(messages.flatMap(validateMessage)).toEqual([]);
    });

    it('puts the heading on the first message only', () => {
      const messages = briefingMessages(digest(Array.from({ length: 12 }, (_, index) => briefingItem(index + 1))));
      expect(messages.map((message) => message.content !== undefined)).toEqual([true, false]);
    });
  });

  it('produces only messages Discord accepts, whatever the sizes of the parts', () => {
    const long = (n: number, unit: string): string => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
    for (const size of [0, 1, 255, 256, 257, 1023, 1025, 2047, 4095, 4097, 5999, 6001, 10_000]) {
      const item = briefingItem(size, {
        title: long(size, '**[x](http://e)** @everyone '),
        url: `https://courier.example/${long(size, 'a')}`,
        summary: long(size, size % 2 ? 'Word. ' : '_*~`|>#-'),
        sources: Array.from({ length: size % 501 }, (_, index) => ({ name: long(size % 300, 'S'), url: `https://s${index}.example/` })),
        topics: Array.from({ length: size % 301 }, (_, index) => `topic ${index} ${long(size % 50, 't')}`),
        alsoRead: Array.from({ length: size % 51 }, () => ({ title: long(size, 'A ['), url: 'https://r.example/' })),
      });
      const items = Array.from({ length: 11 }, (_, index) => ({ ...item, storyId: `${size}-${index}` }));
      const briefing = digest(items, {
        topic: long(size, 'topic '),
        overview: long(size, 'Overview. '),
        groups: [{ topic: long(size, 'G'), storyIds: items.map((entry) => entry.storyId) }],
      });
      const messages = briefingMessages(briefing);
      expect(messages.flatMap(validateMessage), `size ${size}`).toEqual([]);
      expect(embedsOf(messages).filter((embed) => embed.title !== 'Overview'), `size ${size}`).toHaveLength(11);
    }
  });
});
