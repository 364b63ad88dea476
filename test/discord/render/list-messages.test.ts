import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../src/brief/newsroom.ts';
import type { TrendingTopic } from '../../../src/brief/topics/trending-topics.ts';
import { validateMessage } from '../../../src/discord/render/embed-limits.ts';
import { searchMessages } from '../../../src/discord/render/search-messages.ts';
import { trendingMessages } from '../../../src/discord/render/topic-messages.ts';

function trending(topic: string, articles: number, sources: number): TrendingTopic {
  return { topic, key: topic.toLowerCase(), articles, sources, score: articles };
}

function result(n: number, overrides: Partial<SearchResult> = {}): SearchResult {
  return {
    id: `article-${n}`,
    title: `Ferry strike ends, part ${n}`,
    url: `https://courier.example/${n}`,
    source: 'Courier',
    publishedAt: '2024-09-12T06:00:00.000Z',
    topics: ['strike'],
    score: 1 / n,
    ...overrides,
  };
}

describe('trendingMessages', () => {
  it('lists the topics in order with how many articles and sites carry each', () => {
    const [message] = trendingMessages([trending('Storm Agnes', 12, 5), trending('Harbour City', 1, 1)]);
    expect(message!.embeds).toEqual([
      { title: 'Trending now', description: '1. **Storm Agnes** · 12 articles from 5 sources\n2. **Harbour City** · 1 article from 1 source' },
    ]);
  });

  it('says so when nothing is trending', () => {
    expect(trendingMessages([])).toEqual([{ content: 'Nothing is trending yet.', allowed_mentions: { parse: [] } }]);
  });

  it('escapes a topic name and keeps it from mentioning anyone', () => {
    const [message] = trendingMessages([trending('@everyone *now*', 2, 2)]);
    expect(message!.embeds![0]!.description).toBe('1. **@\u200Beveryone \\*now\\*** · 2 articles from 2 sources');
  });

  it('continues a list too long for one description in further embeds and messages Discord accepts', () => {
    const topics = Array.from({ length: 400 }, (_, index) => trending(`Topic ${index} ${'x'.repeat(200)}`, index, 1));
    const messages = trendingMessages(topics, { heading: 'Trending this week', color: 3 });
    expect(messages.flatMap(validateMessage)).toEqual([]);
    const embeds = messages.flatMap((message) => message.embeds ?? []);
    expect(embeds.length).toBeGreaterThan(1);
    expect(embeds.map((embed) => embed.title)).toEqual(['Trending this week', ...embeds.slice(1).map(() => undefined)]);
    expect(embeds.flatMap((embed) => embed.description!.split('\n')).map((line) => Number(line.split('.')[0]))).toEqual(topics.map((_, index) => index + 1));
  });
});

describe('searchMessages', () => {
  it('lists linked headlines with publisher and age under the query', () => {
    const [message] = searchMessages('ferry strike', [result(1)]);
    expect(message!.embeds).toEqual([
      {
        title: 'Results for "ferry strike"',
        description: `1. [Ferry strike ends, part 1](https://courier.example/1) · Courier · <t:${Date.parse('2024-09-12T06:00:00Z') / 1000}:R>`,
      },
    ]);
  });

  it('leaves out the age of a result with no publication time', () => {
    const { publishedAt: _dropped, ...undated } = result(1);
    expect(searchMessages('ferry', [undated])[0]!.embeds![0]!.description).toBe('1. [Ferry strike ends, part 1](https://courier.example/1) · Courier');
  });

  it('says so when nothing matches, with the query escaped', () => {
    expect(searchMessages('@here `x`', [])).toEqual([{ content: 'Nothing stored matches "@\u200Bhere \\`x\\`".', allowed_mentions: { parse: [] } }]);
  });

  it('escapes the query in the heading', () => {
    expect(searchMessages('**loud**', [result(1)])[0]!.embeds![0]!.title).toBe('Results for "\\*\\*loud\\*\\*"');
  });

  it('stays within Discord’s limits for many long results', () => {
    const results = Array.from({ length: 100 }, (_, index) => result(index + 1, { title: 'T'.repeat(5000), url: `https://courier.example/${'p'.repeat(2000)}`, source: 'S'.repeat(500) }));
    const messages = searchMessages('q'.repeat(5000), results);
    expect(messages.flatMap(validateMessage)).toEqual([]);
    expect(messages.flatMap((message) => message.embeds ?? []).flatMap((embed) => embed.description!.split('\n'))).toHaveLength(100);
  });
});
