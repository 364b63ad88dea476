import { ButtonStyle, ComponentType } from 'discord.js';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { apiMessage } from '../../src/discord/message-guard.ts';
import { contentMessage, type MessagePayload } from '../../src/discord/render/message-payload.ts';

/** A real logger whose lines are kept, so a test can see the problems a replaced message had. */
function recorder() {
  const errors: Array<{ problems?: string[]; msg: string }> = [];
  const logger = pino({ base: null, timestamp: false }, { write: (line: string) => errors.push(JSON.parse(line)) });
  return { errors, logger };
}

const EMBED = { title: 'Ferry strike ends', url: 'https://wire.example/ferry', description: 'Crews voted to accept a pay offer.' };
const BUTTONS: NonNullable<MessagePayload['components']> = [
  { type: ComponentType.ActionRow, components: [{ type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'More', custom_id: 'news:more:1' }] },
];

describe('apiMessage', () => {
  it('sends a message within Discord’s limits as it was rendered, parsing no mentions', () => {
    const { errors, logger } = recorder();
    const message: MessagePayload = { content: 'Today’s news', embeds: [EMBED], components: BUTTONS, allowed_mentions: { parse: [] } };
    expect(apiMessage(message, logger)).toStrictEqual({
      content: 'Today’s news',
      embeds: [EMBED],
      components: BUTTONS,
      allowed_mentions: { parse: [], replied_user: false },
    });
    expect(errors).toEqual([]);
  });

  it('sends no field for what the message lacks, so an embed-only message carries no empty text', () => {
    const { logger } = recorder();
    expect(apiMessage({ content: '', embeds: [EMBED], components: [], allowed_mentions: { parse: [], roles: [], users: [] } }, logger)).toStrictEqual({
      embeds: [EMBED],
      allowed_mentions: { parse: [], replied_user: false },
    });
    expect(apiMessage({ content: 'Nothing new today.', embeds: [], allowed_mentions: { parse: [] } }, logger)).toStrictEqual({
      content: 'Nothing new today.',
      allowed_mentions: { parse: [], replied_user: false },
    });
  });

  it('never pings the author of the message it answers', () => {
    const { logger } = recorder();
    expect(apiMessage(contentMessage('Done.'), logger).allowed_mentions.replied_user).toBe(false);
  });

  it('pings the one role a schedule names and the one member a follow is for, and no one else', () => {
    const { logger } = recorder();
    const message: MessagePayload = { content: '<@&r1> <@u1> @everyone', allowed_mentions: { parse: [], roles: ['r1'], users: ['u1'] } };
    expect(apiMessage(message, logger).allowed_mentions).toStrictEqual({ parse: [], replied_user: false, roles: ['r1'], users: ['u1'] });
  });

  it('replaces a message Discord would refuse with a short apology, and logs why', () => {
    const { errors, logger } = recorder();
    const tooLong: MessagePayload = { content: 'x'.repeat(2_001), embeds: [EMBED], allowed_mentions: { parse: [], roles: ['r1'] } };
    expect(apiMessage(tooLong, logger)).toStrictEqual({
      content: 'This answer was too long for Discord; try a narrower question.',
      allowed_mentions: { parse: [], replied_user: false },
    });
    expect(errors).toEqual([{ level: 50, problems: [expect.stringContaining('content')], msg: 'a rendered message broke Discord limits' }]);
  });

  it('replaces a message that asks Discord to parse mentions, though the type forbids it', () => {
    const { errors, logger } = recorder();
    const parsing = { content: 'Breaking: @everyone', allowed_mentions: { parse: ['everyone'] } } as unknown as MessagePayload;
    expect(apiMessage(parsing, logger)).toStrictEqual({
      content: 'This answer was too long for Discord; try a narrower question.',
      allowed_mentions: { parse: [], replied_user: false },
    });
    expect(errors).toEqual([expect.objectContaining({ problems: ['allowed_mentions must parse nothing'] })]);
  });
});

describe('contentMessage', () => {
  it('is a message of text alone that parses no mentions', () => {
    expect(contentMessage('Nothing new today.')).toStrictEqual({ content: 'Nothing new today.', allowed_mentions: { parse: [] } });
  });
});
