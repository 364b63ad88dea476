import { describe, expect, it } from 'vitest';
import { validateMessage } from '../../../src/discord/render/embed-limits.ts';
import { summaryMessages } from '../../../src/discord/render/summary-messages.ts';
import { sentences } from './briefing-fixtures.ts';

describe('summaryMessages', () => {
  it('shows an article as one embed: headline, summary, what to read next, topics', () => {
    const messages = summaryMessages({
      title: 'Ferry strike ends',
      summary: 'Crews accepted the deal.',
      topics: ['Harbour City', 'strike'],
      alsoRead: [{ title: 'Pay talks timeline', url: 'https://courier.example/timeline' }, { title: 'Who runs the ferries' }],
    });
    expect(messages).toEqual([
      {
        embeds: [
          {
            title: 'Ferry strike ends',
            description: 'Crews accepted the deal.\n\n**Also read**\n• [Pay talks timeline](https://courier.example/timeline)\n• Who runs the ferries',
            footer: { text: 'Topics: Harbour City, strike' },
          },
        ],
        allowed_mentions: { parse: [] },
      },
    ]);
  });

  it('leaves out the footer when the article has no topics', () => {
    expect(summaryMessages({ title: 'T', summary: 'S.', topics: [], alsoRead: [] })[0]!.embeds![0]).toEqual({ title: 'T', description: 'S.' });
  });

  it('trims a summary too long for a description at a sentence', () => {
    const summary = sentences(100);
    const description = summaryMessages({ title: 'T', summary, topics: [], alsoRead: [] })[0]!.embeds![0]!.description!;
    expect(description.length).toBeLessThanOrEqual(4096);
    expect(summary.startsWith(description)).toBe(true);
    expect(description).toMatch(/\.$/);
  });

  it('stays within Discord’s limits whatever the article holds', () => {
    const messages = summaryMessages({
      title: '@everyone '.repeat(1000),
      summary: '*'.repeat(10_000),
      topics: Array.from({ length: 1000 }, (_, index) => `topic ${index}`),
      alsoRead: Array.from({ length: 100 }, () => ({ title: ']('.repeat(500), url: 'https://x.example/' })),
    });
    expect(messages.flatMap(validateMessage)).toEqual([]);
  });
});
