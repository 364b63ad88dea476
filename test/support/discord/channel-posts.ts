import type { APIUser } from 'discord.js';
import type { MessageSlot } from './interactions.ts';
import { CHANNEL_DEFAULT_MENTIONS, createMessage, type MessageBody, type StoredMessage, type UploadedFile } from './messages.ts';

/** Discord checks an enforced nonce against messages of "the past few minutes". */
export const NONCE_WINDOW_MS = 5 * 60_000;

export interface ChannelPosts {
  /** Creates the message, or with `enforce_nonce` returns the bot's earlier message with that nonce instead of posting twice. */
  /** `id` is for a forum post's first message, whose id is the thread's. */
  post(channelId: string, body: MessageBody, files: UploadedFile[], now: number, id?: string): StoredMessage;
  list(channelId: string): StoredMessage[];
  /** A posted message by id, to read and replace (a button press that updates it). */
  slotOf(messageId: string): MessageSlot | undefined;
  /** Drops every message kept so far: a long test that has read them keeps its memory flat. */
  forget(): void;
  /** How long enforced nonces are honoured from now on; 0 forgets them all, as Discord has after its few minutes. */
  setNonceWindow(ms: number): void;
}

export function createChannelPosts(bot: APIUser, mintId: () => string, initialNonceWindowMs = NONCE_WINDOW_MS): ChannelPosts {
  let nonceWindowMs = initialNonceWindowMs;
  const posted = new Map<string, Array<{ message: StoredMessage; at: number }>>();
  return {
    post(channelId, body, files, now, id = mintId()) {
      const earlier = posted.get(channelId) ?? [];
      if (body.enforce_nonce && body.nonce !== undefined) {
        const duplicate = earlier.find(({ message, at }) => message.nonce !== undefined && String(message.nonce) === String(body.nonce) && now - at <= nonceWindowMs);
        if (duplicate) return duplicate.message;
      }
      const message = createMessage({ id, channelId, author: bot, body, files, defaultMentions: CHANNEL_DEFAULT_MENTIONS, now, mintId });
      posted.set(channelId, [...earlier, { message, at: now }]);
      return message;
    },
    list: (channelId) => (posted.get(channelId) ?? []).map(({ message }) => message),
    slotOf(messageId) {
      for (const entries of posted.values()) {
        const entry = entries.find(({ message }) => message.id === messageId);
        if (entry) return { get: () => entry.message, set: (message) => void (entry.message = message) };
      }
      return undefined;
    },
    forget: () => posted.clear(),
    setNonceWindow: (ms) => void (nonceWindowMs = ms),
  };
}
