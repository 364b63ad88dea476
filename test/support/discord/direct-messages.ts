import { ChannelType } from 'discord.js';

/**
 * Direct-message channels between the bot and users, as POST /users/@me/channels opens them: one per user,
 * the same one however often it is opened. A user can close their DMs to the bot (by privacy settings, or
 * by blocking it), after which Discord refuses posts there with 50007.
 */
export interface DirectMessages {
  /** The user's DM channel, opened on first use. */
  open(recipientId: string): string;
  /** The user a DM channel is with, or undefined for any other channel. */
  recipientOf(channelId: string): string | undefined;
  channelOf(userId: string): string | undefined;
  setOpen(userId: string, open: boolean): void;
  isOpen(userId: string): boolean;
  /** The channel as Discord returns it: type 1, the recipient, no guild. */
  channelJson(channelId: string): Record<string, unknown>;
}

export function createDirectMessages(mintId: () => string): DirectMessages {
  const byUser = new Map<string, string>();
  const byChannel = new Map<string, string>();
  const closed = new Set<string>();
  return {
    open(recipientId) {
      let channelId = byUser.get(recipientId);
      if (!channelId) {
        channelId = mintId();
        byUser.set(recipientId, channelId);
        byChannel.set(channelId, recipientId);
      }
      return channelId;
    },
    recipientOf: (channelId) => byChannel.get(channelId),
    channelOf: (userId) => byUser.get(userId),
    setOpen(userId, open) {
      if (open) closed.delete(userId);
      else closed.add(userId);
    },
    isOpen: (userId) => !closed.has(userId),
    channelJson(channelId) {
      const recipient = byChannel.get(channelId) ?? '';
      return {
        id: channelId,
        type: ChannelType.DM,
        last_message_id: null,
        flags: 0,
        recipients: [{ id: recipient, username: `user-${recipient.slice(-4)}`, discriminator: '0', global_name: null, avatar: null }],
      };
    },
  };
}
