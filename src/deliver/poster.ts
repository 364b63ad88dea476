import type { MessagePayload } from '../discord/render/message-payload.ts';

/** Where digests go: a Discord channel, or the terminal in console mode. */
export interface Poster {
  /**
   * Posts one message. With the same nonce twice within a few minutes, Discord returns the first message
   * instead of posting again, which is what makes finishing an interrupted run safe.
   */
  post(channelId: string, message: MessagePayload, nonce: string): Promise<{ messageId: string }>;
  /**
   * Opens a post in a forum channel with its first message. Discord takes no nonce there, so a post Herald
   * already opened in that forum under the same title is returned instead of opening a second one.
   */
  startThread(forumId: string, title: string, message: MessagePayload): Promise<{ threadId: string; messageId: string }>;
  /**
   * Opens a thread on a message of the channel (a digest, for its story's updates) and returns it. A message
   * holds one thread, whose id is the message's own, so asking again returns the thread already open; a channel
   * that holds no threads (a thread itself) returns the channel, where the update then goes. A deleted message
   * is refused (PostRefused), as a channel that refuses Herald is.
   */
  openThread(channelId: string, messageId: string, name: string): Promise<{ threadId: string }>;
  /**
   * The message Herald posted in the channel since `since` that reads like this one, if any: for a run
   * finished after Discord has forgotten its nonces.
   */
  findPosted(channelId: string, message: MessagePayload, since: Date): Promise<string | undefined>;
  /** Why Herald cannot post in the channel now (deleted, no access, no permission), or undefined when it can. */
  blocker(channelId: string): Promise<string | undefined>;
}

/** The channel refuses Herald for good until an admin acts: retrying cannot help, so the schedule pauses. */
export class PostRefused extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'PostRefused';
  }
}
