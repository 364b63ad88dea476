import { describe, expect, it } from 'vitest';
import { digestLook } from '../../../src/deliver/digest-look.ts';
import { ENGLISH } from '../../../src/discord/i18n/reply-text.ts';
import { briefingMessages } from '../../../src/discord/render/briefing-messages.ts';
import { digestMessages } from '../../../src/discord/render/digest-messages.ts';
import { messageToText } from '../../../src/discord/render/console-text.ts';
import { contentMessage, type MessagePayload } from '../../../src/discord/render/message-payload.ts';
import { searchMessages } from '../../../src/discord/render/search-messages.ts';
import { briefingItem, digest } from './briefing-fixtures.ts';

describe('messageToText', () => {
  it('prints a briefing as a heading, then each story as a block under its headline and address', () => {
    const [message] = briefingMessages(digest([briefingItem(1)]));
    expect(messageToText(message!)).toBe(
      [
        'Top stories · 2024-09-12 12:00 UTC',
        '',
        'Story 1: ferry crews end strike <https://courier.example/story-1>',
        '-----------------------------------------------------------------',
        'Ferry crews accepted the pay deal in story 1. Services resume on Monday.',
        '',
        'Also reported by Worldwire <https://worldwire.example/story-1>',
        'Also read',
        '• Background to the strike <https://background.example/strike>',
        'Courier · Harbour City, strike · 2024-09-12 06:00 UTC',
      ].join('\n'),
    );
  });

  it('shows untrusted text as the article wrote it, with Discord’s escapes undone', () => {
    const [message] = briefingMessages(digest([briefingItem(1, { title: '**bold** [click](http://evil) @everyone \\o/', summary: '> quoted #1' })]));
    const text = messageToText(message!);
    expect(text).toContain('**bold** [click](http://evil) @everyone \\o/ <https://courier.example/story-1>');
    expect(text).toContain('> quoted #1');
  });

  it('prints a compact digest’s topics without their underline marks, and where a story’s picture is', () => {
    const [compact] = digestMessages(digest([briefingItem(1)], { groups: [{ topic: 'Ferry_strike', storyIds: ['story-1'] }] }), { ...digestLook({}), format: 'compact' }, { text: ENGLISH });
    expect(messageToText(compact!).split('\n').slice(2, 4)).toEqual(['Ferry_strike', '1. Story 1: ferry crews end strike <https://courier.example/story-1>']);
    const [pictured] = briefingMessages(digest([briefingItem(1, { imageUrl: 'https://images.example/1.jpg' })]), { images: true });
    expect(messageToText(pictured!)).toContain('\n🖼 <https://images.example/1.jpg>\n');
  });

  it('prints the section a digest story is filed under above its headline', () => {
    const [message] = briefingMessages(digest([briefingItem(1)], { groups: [{ topic: 'Transport', storyIds: ['story-1'] }] }));
    expect(messageToText(message!).split('\n').slice(2, 4)).toEqual(['Transport', 'Story 1: ferry crews end strike <https://courier.example/story-1>']);
  });

  it('wraps prose to the width it is given', () => {
    const [message] = briefingMessages(digest([briefingItem(1, { summary: 'word '.repeat(40) })]));
    const lines = messageToText(message!, 40).split('\n');
    expect(lines.filter((line) => !line.includes('<http')).every((line) => line.length <= 40)).toBe(true);
  });

  it('prints a Discord timestamp as a UTC date', () => {
    const [message] = searchMessages('ferry', [{ id: 'a1', title: 'Strike ends', url: 'https://courier.example/1', source: 'Courier', publishedAt: '2024-09-12T06:00:00Z', topics: [], score: 1 }]);
    expect(messageToText(message!)).toBe(
      ['Results for "ferry"', '-------------------', '1. Strike ends <https://courier.example/1> · Courier · 2024-09-12 06:00 UTC'].join('\n'),
    );
  });

  it('prints a channel mention as #name and inline code as plain text', () => {
    expect(messageToText(contentMessage('Scheduled: <#console> at `08:00`'))).toBe('Scheduled: #console at 08:00');
  });

  it('prints a message of content alone as that content', () => {
    expect(messageToText(contentMessage('No stories in this period yet.'))).toBe('No stories in this period yet.');
  });

  it('prints fields as name and value', () => {
    const message: MessagePayload = { embeds: [{ fields: [{ name: 'Sources', value: '12' }] }], allowed_mentions: { parse: [] } };
    expect(messageToText(message)).toBe('Sources: 12');
  });

  it('prints each row of buttons on a line of its own, a link button with its address', () => {
    const message: MessagePayload = {
      content: 'Results 1-5',
      allowed_mentions: { parse: [] },
      components: [
        { type: 1, components: [{ type: 2, style: 2, label: 'Previous', custom_id: 'search:page:0' }, { type: 2, style: 2, label: 'Next', custom_id: 'search:page:2' }] },
        { type: 1, components: [{ type: 2, style: 5, label: 'Open', url: 'https://courier.example/story-1' }] },
      ],
    };
    expect(messageToText(message)).toBe('Results 1-5\n\n[Previous] [Next]\n[Open] <https://courier.example/story-1>');
  });
});
