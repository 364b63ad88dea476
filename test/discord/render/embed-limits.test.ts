import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { validateMessage } from '../../../src/discord/render/embed-limits.ts';
import type { MessagePayload } from '../../../src/discord/render/message-payload.ts';

function message(parts: Omit<MessagePayload, 'allowed_mentions'>): MessagePayload {
  return { ...parts, allowed_mentions: { parse: [] } };
}

function withEmbed(embed: APIEmbed): MessagePayload {
  return message({ embeds: [embed] });
}

describe('validateMessage', () => {
  it('accepts a message within every limit', () => {
    expect(validateMessage(message({ content: 'x'.repeat(2000), embeds: [{ title: 't'.repeat(256), description: 'd'.repeat(4096) }] }))).toEqual([]);
  });

  it.each<[string, MessagePayload, string]>([
    ['content over 2000', message({ content: 'x'.repeat(2001) }), 'content is 2001 characters (limit 2000)'],
    ['an empty message', message({}), 'message has neither content nor embeds'],
    ['more than 10 embeds', message({ embeds: Array.from({ length: 11 }, () => ({ title: 't' })) }), 'message has 11 embeds (limit 10)'],
    ['a title over 256', withEmbed({ title: 't'.repeat(257) }), 'embed 1 title is 257 characters (limit 256)'],
    ['a description over 4096', withEmbed({ description: 'd'.repeat(4097) }), 'embed 1 description is 4097 characters (limit 4096)'],
    ['more than 25 fields', withEmbed({ fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })) }), 'embed 1 has 26 fields (limit 25)'],
    ['a field name over 256', withEmbed({ fields: [{ name: 'n'.repeat(257), value: 'v' }] }), 'embed 1 field 1 name is 257 characters (limit 256)'],
    ['a field value over 1024', withEmbed({ fields: [{ name: 'n', value: 'v'.repeat(1025) }] }), 'embed 1 field 1 value is 1025 characters (limit 1024)'],
    ['an empty field value', withEmbed({ fields: [{ name: 'n', value: '' }] }), 'embed 1 field 1 has an empty name or value'],
    ['a footer over 2048', withEmbed({ footer: { text: 'f'.repeat(2049) } }), 'embed 1 footer is 2049 characters (limit 2048)'],
    ['an author name over 256', withEmbed({ author: { name: 'a'.repeat(257) } }), 'embed 1 author name is 257 characters (limit 256)'],
    [
      'embeds over 6000 together',
      message({ embeds: [{ description: 'd'.repeat(4000) }, { description: 'd'.repeat(2001) }] }),
      'embeds together is 6001 characters (limit 6000)',
    ],
    ['an empty embed', withEmbed({ color: 1 }), 'embed 1 is empty'],
    ['a javascript: url', withEmbed({ title: 't', url: 'javascript:alert(1)' }), 'embed 1 url is not an http(s) address of at most 2048 characters'],
    ['a timestamp that is not a date', withEmbed({ title: 't', timestamp: 'yesterday' }), 'embed 1 timestamp is not a date'],
  ])('reports %s', (_case, payload, problem) => {
    expect(validateMessage(payload)).toEqual([problem]);
  });

  it('reports a message that would let mentions through', () => {
    const payload = { content: 'hi', allowed_mentions: { parse: ['everyone'] } } as unknown as MessagePayload;
    expect(validateMessage(payload)).toEqual(['allowed_mentions must parse nothing']);
  });

  it('reports every broken limit at once', () => {
    expect(validateMessage(message({ content: 'x'.repeat(2001), embeds: [{ title: 't'.repeat(257) }] }))).toHaveLength(2);
  });

  it('reports buttons Discord would refuse: too many in a row, a custom id over 100, one id twice, a long label', () => {
    const button = (id: string, label = 'Go') => ({ type: 2 as const, style: 2 as const, label, custom_id: id });
    const payload: MessagePayload = {
      content: 'hi',
      allowed_mentions: { parse: [] },
      components: [
        { type: 1, components: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => button(id)) },
        { type: 1, components: [button('x'.repeat(101)), button('a'), button('g', 'l'.repeat(81))] },
      ],
    };
    expect(validateMessage(payload)).toEqual([
      'row 1 has 6 buttons (1 to 5)',
      'button "Go" has a custom id of 101 characters (1 to 100)',
      'button "Go" repeats the custom id of another button',
      `button "${'l'.repeat(81)}" has a label of 81 characters (1 to 80)`,
    ]);
  });
});
