import { REST as EsmRest } from '@discordjs/rest';
import { ChannelType, REST } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PostRefused, type Poster } from '../../src/deliver/poster.ts';
import { contentMessage } from '../../src/discord/render/message-payload.ts';
import { createRestPoster, createWorkerPoster } from '../../src/discord/rest-poster.ts';
import { startLoopbackDiscord, type LoopbackDiscord } from '../support/discord/loopback-discord.ts';

const GUILD = '1200000000000000001';
const NEWS = '1300000000000000001';
const LOCKED = '1300000000000000002';
const HIDDEN = '1300000000000000003';
const FORUM = '1300000000000000004';
const OTHER_FORUM = '1300000000000000005';
const CATEGORY = '1300000000000000006';

const quiet = { error: () => undefined };

let discord: LoopbackDiscord;
let poster: Poster;

beforeEach(async () => {
  discord = await startLoopbackDiscord({
    guilds: [
      {
        id: GUILD,
        name: 'Newsroom',
        ownerId: '1400000000000000001',
        channels: [
          { id: NEWS, name: 'news' },
          { id: LOCKED, name: 'locked', botCanPost: false },
          { id: HIDDEN, name: 'hidden', botCanView: false },
          { id: FORUM, name: 'digests', type: ChannelType.GuildForum },
          { id: OTHER_FORUM, name: 'weekly', type: ChannelType.GuildForum },
          { id: CATEGORY, name: 'News', type: ChannelType.GuildCategory },
        ],
      },
    ],
  });
  // A worker's poster: REST only, the gateway never connected to.
  poster = createWorkerPoster({ apiBase: discord.apiBase, token: discord.token, logger: quiet });
});

afterEach(async () => {
  await discord.close();
});

const digest = { ...contentMessage('Morning digest'), embeds: [{ title: 'Ferry strike ends', url: 'https://courier.example/ferry' }] };

async function refusalOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof PostRefused)) throw new Error(`expected PostRefused, got ${String(error)}`);
  return error.reason;
}

describe('the REST poster, in a process without a gateway connection', () => {
  it('posts a message in one request, its nonce enforced and its mentions off', async () => {
    const { messageId } = await poster.post(NEWS, digest, 'digest-1');

    expect(discord.requests.map((request) => `${request.method} ${request.path}`)).toEqual([`POST /channels/${NEWS}/messages`]);
    expect(discord.channelMessages(NEWS)).toMatchObject([{ id: messageId, content: 'Morning digest', nonce: 'digest-1', allowed_mentions: { parse: [] } }]);
    expect(discord.requests[0]?.body).toMatchObject({ enforce_nonce: true });
  });

  it('returns the first message when the same nonce is posted again', async () => {
    const first = await poster.post(NEWS, digest, 'digest-1');

    expect(await poster.post(NEWS, digest, 'digest-1')).toEqual(first);
    expect(discord.channelMessages(NEWS)).toHaveLength(1);
  });

  it('sends a short notice instead of a message over Discord limits', async () => {
    await poster.post(NEWS, contentMessage('x'.repeat(2001)), 'too-long');

    expect(discord.channelMessages(NEWS).map((message) => message.content)).toEqual(['This answer was too long for Discord; try a narrower question.']);
  });

  it.each([
    ['deleted', () => discord.deleteChannel(NEWS), 'the channel was deleted'],
    ['hidden from Herald', () => discord.setBotCanView(NEWS, false), 'Herald can no longer see the channel'],
    ['closed to Herald', () => discord.setBotCanPost(NEWS, false), 'Herald lacks the Send Messages or Embed Links permission there'],
  ])('refuses for good a post in a channel %s', async (_state, change, reason) => {
    change();

    expect(await refusalOf(poster.post(NEWS, digest, 'digest-1'))).toBe(reason);
  });

  it("refuses for good over @discordjs/rest's own REST client as over discord.js's", async () => {
    const overEsmRest = createRestPoster({ rest: new EsmRest({ api: discord.apiBase }).setToken(discord.token), pace: (request) => request(), logger: quiet });
    discord.deleteChannel(NEWS);

    expect(await refusalOf(overEsmRest.post(NEWS, digest, 'digest-1'))).toBe('the channel was deleted');
  });

  it('refuses for good a post in a forum, which takes posts rather than messages', async () => {
    expect(await refusalOf(poster.post(FORUM, digest, 'digest-1'))).toBe('Herald cannot post in this kind of channel');
  });

  it('opens a forum post with the first message, whose id is the post’s', async () => {
    const opened = await poster.startThread(FORUM, 'News digest · 2024-09-13', digest);

    expect(discord.forumPosts(FORUM)).toMatchObject([{ id: opened.threadId, name: 'News digest · 2024-09-13', messages: [{ id: opened.messageId, content: 'Morning digest' }] }]);
    expect(opened.messageId).toBe(opened.threadId);
  });

  it('returns the post it already opened in that forum under that title instead of opening a second', async () => {
    const first = await poster.startThread(FORUM, 'News digest · 2024-09-13', digest);

    expect(await poster.startThread(FORUM, 'News digest · 2024-09-13', digest)).toEqual(first);
    expect(discord.forumPosts(FORUM)).toHaveLength(1);
  });

  it('opens a new post for the next digest in a forum where it opened one before', async () => {
    const monday = await poster.startThread(FORUM, 'News digest · 2024-09-13', digest);

    const tuesday = await poster.startThread(FORUM, 'News digest · 2024-09-14', digest);

    expect(discord.forumPosts(FORUM).map((post) => post.id)).toEqual([monday.threadId, tuesday.threadId]);
  });

  it('opens a post of its own where a member opened one under that title', async () => {
    const members = discord.openForumPost(FORUM, 'News digest · 2024-09-13', '1400000000000000002');

    const opened = await poster.startThread(FORUM, 'News digest · 2024-09-13', digest);

    expect(opened.threadId).not.toBe(members);
    expect(discord.forumPosts(FORUM).map((post) => post.id)).toEqual([members, opened.threadId]);
  });

  it('opens a post of its own in each forum, whatever another forum has under that title', async () => {
    const first = await poster.startThread(FORUM, 'News digest · 2024-09-13', digest);

    const other = await poster.startThread(OTHER_FORUM, 'News digest · 2024-09-13', digest);

    expect(other.threadId).not.toBe(first.threadId);
    expect(discord.forumPosts(OTHER_FORUM).map((post) => post.id)).toEqual([other.threadId]);
  });

  it('refuses for good a forum post in a channel that is no longer a forum', async () => {
    expect(await refusalOf(poster.startThread(NEWS, 'News digest', digest))).toBe('the channel is no longer a forum');
  });

  it('refuses for good a forum post where Herald may not post', async () => {
    discord.setBotCanPost(FORUM, false);

    expect(await refusalOf(poster.startThread(FORUM, 'News digest', digest))).toBe('Herald lacks the Send Messages or Embed Links permission there');
  });

  it('finds the message it posted since a given time by its text and embeds', async () => {
    const since = new Date();
    const { messageId } = await poster.post(NEWS, digest, 'digest-1');

    expect(await poster.findPosted(NEWS, digest, since)).toBe(messageId);
    expect(await poster.findPosted(NEWS, { ...digest, embeds: [{ title: 'Another story', url: 'https://courier.example/other' }] }, since)).toBeUndefined();
    expect(await poster.findPosted(NEWS, digest, new Date(Date.now() + 60_000))).toBeUndefined();
  });

  it('asks Discord who the bot is once, however many times it needs to know', async () => {
    await poster.findPosted(NEWS, digest, new Date());
    await poster.startThread(FORUM, 'News digest', digest);
    await poster.blocker(NEWS);

    expect(discord.requests.filter((request) => request.path === '/users/@me')).toHaveLength(1);
  });

  it('makes every request through its pacer', async () => {
    let paced = 0;
    const counted = createRestPoster({
      rest: new REST({ api: discord.apiBase }).setToken(discord.token),
      pace: (request) => {
        paced += 1;
        return request();
      },
      logger: quiet,
    });

    await counted.post(NEWS, digest, 'digest-1');
    await counted.startThread(FORUM, 'News digest', digest);
    await counted.findPosted(NEWS, digest, new Date());
    await counted.blocker(NEWS);

    expect(paced).toBe(discord.requests.length);
  });
});

describe('the REST poster, checking a channel before a paused schedule resumes', () => {
  it('finds nothing in the way where Herald can post', async () => {
    expect(await poster.blocker(NEWS)).toBeUndefined();
    expect(await poster.blocker(FORUM)).toBeUndefined();
  });

  it('says a category cannot take messages', async () => {
    expect(await poster.blocker(CATEGORY)).toBe('Herald cannot post in this kind of channel');
  });

  it('sees from the channel’s overwrites that Herald may not post, without trying to', async () => {
    expect(await poster.blocker(LOCKED)).toBe('Herald lacks the Send Messages or Embed Links permission there');
    expect(discord.requests.filter((request) => request.method !== 'GET')).toEqual([]);
  });

  it('sees that Herald can post again once an admin restores its permission', async () => {
    discord.setBotCanPost(LOCKED, true);

    expect(await poster.blocker(LOCKED)).toBeUndefined();
  });

  it('goes by the forum’s overwrites in one of its posts', async () => {
    const { threadId } = await poster.startThread(FORUM, 'News digest', digest);
    expect(await poster.blocker(threadId)).toBeUndefined();

    discord.setBotCanPost(FORUM, false);

    expect(await poster.blocker(threadId)).toBe('Herald lacks the Send Messages or Embed Links permission there');
  });

  it('says a hidden channel cannot be seen and a deleted one was deleted', async () => {
    discord.deleteChannel(NEWS);

    expect(await poster.blocker(HIDDEN)).toBe('Herald can no longer see the channel');
    expect(await poster.blocker(NEWS)).toBe('the channel was deleted');
  });
});

describe('the REST poster, opening a thread on a digest for its stories’ updates', () => {
  it('opens one thread on the message, with the message’s id, and returns it when asked again', async () => {
    const { messageId } = await poster.post(NEWS, digest, 'digest-1');

    expect(await poster.openThread(NEWS, messageId, 'Updates: Ferry strike ends')).toEqual({ threadId: messageId });
    expect(await poster.openThread(NEWS, messageId, 'Updates: Ferry strike ends')).toEqual({ threadId: messageId });
    expect(discord.threadsIn(NEWS)).toEqual([{ id: messageId, name: 'Updates: Ferry strike ends', messages: [] }]);
    expect(discord.requests.filter((request) => request.path.endsWith('/threads')).map((request) => request.status)).toEqual([201, 400]);
  });

  it('returns the channel itself when the digest is in a thread, which holds no threads of its own', async () => {
    const { threadId, messageId } = await poster.startThread(FORUM, 'News digest', digest);

    expect(await poster.openThread(threadId, messageId, 'Updates: Ferry strike ends')).toEqual({ threadId });
  });

  it('refuses for good a thread on a digest message that was deleted', async () => {
    expect(await refusalOf(poster.openThread(NEWS, '1500000000000000001', 'Updates: Ferry strike ends'))).toBe('the digest message was deleted');
  });

  it('refuses for good a thread in a channel closed to Herald', async () => {
    const { messageId } = await poster.post(NEWS, digest, 'digest-1');
    discord.setBotCanPost(NEWS, false);

    expect(await refusalOf(poster.openThread(NEWS, messageId, 'Updates: Ferry strike ends'))).toBe('Herald lacks the Send Messages or Embed Links permission there');
  });
});
