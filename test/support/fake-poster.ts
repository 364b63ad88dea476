import type { Poster } from '../../src/deliver/poster.ts';
import type { MessagePayload } from '../../src/discord/render/message-payload.ts';

/**
 * Discord as far as posting goes, and no further: a nonce seen before returns the message it made, as enforce_nonce does,
 * until `nonces.forgotten` says Discord's few minutes have passed. `lostReplies` posts a message and then
 * fails, as a connection that drops before the answer arrives. `received` is every post that reached it,
 * answered from nonce memory or not, so a test can see what each retry sent.
 */
export function fakeDiscord() {
  const posts: Array<{ channelId: string; message: MessagePayload; nonce: string; id: string }> = [];
  const received: Array<{ channelId: string; message: MessagePayload; nonce: string }> = [];
  const faults: Array<Error> = [];
  const threads: Array<{ forumId: string; title: string; id: string }> = [];
  /** The channels searched for a message a cut-short run may have posted. */
  const searched: string[] = [];
  const nonces = { forgotten: false, lostReplies: 0 };
  let blocked: string | undefined;
  const poster: Poster = {
    async post(channelId, message, nonce) {
      const fault = faults.shift();
      if (fault) throw fault;
      received.push({ channelId, message, nonce });
      const earlier = nonces.forgotten ? undefined : posts.find((post) => post.nonce === nonce);
      if (earlier) return { messageId: earlier.id };
      const id = `m${posts.length + 1}`;
      posts.push({ channelId, message, nonce, id });
      if (nonces.lostReplies > 0) {
        nonces.lostReplies -= 1;
        throw new Error('socket hang up');
      }
      return { messageId: id };
    },
    // Every call opens a post, as Discord does: finding the post a cut-short run opened is the real poster's
    // job (see bot.test.ts), and keeping to it once opened is the scheduler's, which this fake must not do for it.
    async startThread(forumId, title, message) {
      const fault = faults.shift();
      if (fault) throw fault;
      const id = `t${threads.length + 1}`;
      threads.push({ forumId, title, id });
      posts.push({ channelId: id, message, nonce: '', id });
      return { threadId: id, messageId: id };
    },
    async openThread(_channelId, messageId) {
      return { threadId: messageId };
    },
    async findPosted(channelId, message) {
      searched.push(channelId);
      return posts.find((post) => post.channelId === channelId && JSON.stringify(post.message) === JSON.stringify(message))?.id;
    },
    async blocker() {
      return blocked;
    },
  };
  return { poster, posts, received, threads, searched, faults, nonces, block: (reason: string | undefined) => (blocked = reason) };
}
