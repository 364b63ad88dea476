import type { MessagePayload } from '../../discord/render/message-payload.ts';
import type { UpdateSource } from '../../discord/render/story-update-message.ts';
import type { Store } from '../../store/open-store.ts';

/**
 * One update of one story in one channel, written before it is sent with the message and nonce it will send,
 * so that an update cut short (a crash, a network failure) is finished later with the same nonce, which
 * Discord answers with the message already posted. The n-th update of a story in a channel is one row
 * however many processes compose it.
 */
export interface StoryUpdateRun {
  channelId: string;
  /** The earliest article of the story the channel was sent: stable while stories are clustered anew. */
  storyKey: string;
  /** 1 for a story's first update in the channel, 2 for its second… */
  seq: number;
  guildId: string;
  scheduleId: string;
  status: 'pending' | 'sent' | 'failed';
  message: MessagePayload;
  nonce: string;
  /** The digest message a thread is opened on, in a channel that is not a forum. */
  parentMessageId?: string;
  threadName: string;
  /** Where the update goes: the thread on the digest message once opened, or the digest's forum post. */
  threadId?: string;
  messageId?: string;
  /** The articles the update tells of (copies included), recorded as sent to the channel once it is out. */
  articleIds: string[];
  /** Every article of the story the channel has now been sent, so /status finds the update from any of them. */
  storyArticleIds: string[];
  sources: UpdateSource[];
  whatChanged: string;
  startedAt: string;
  finishedAt?: string;
  failure?: string;
}

export interface StoryUpdateLog {
  /** Writes a new update unless that story's update of that number exists; resolves with the one kept. */
  begin(run: StoryUpdateRun): Promise<StoryUpdateRun>;
  save(run: StoryUpdateRun): Promise<void>;
  /** A channel's updates not finished, oldest first. */
  unfinished(channelId: string): Promise<StoryUpdateRun[]>;
  /** A story's updates in a channel, first first. */
  ofStory(channelId: string, storyKey: string): Promise<StoryUpdateRun[]>;
  /** The updates in a channel of the story an article belongs to, for /status story:. */
  about(channelId: string, articleId: string): Promise<StoryUpdateRun[]>;
}

/** Updates last a day per story; a channel's list is kept as long as the articles it names, and holds a few a day. */
export function createKeyvStoryUpdateLog(store: Store, retentionMs: number): StoryUpdateLog {
  const channels = store.collection<StoryUpdateRun[]>('story_updates');
  const list = async (channelId: string): Promise<StoryUpdateRun[]> => (await channels.get(channelId)) ?? [];
  const same = (a: StoryUpdateRun, b: StoryUpdateRun): boolean => a.storyKey === b.storyKey && a.seq === b.seq;
  const bySeq = (a: StoryUpdateRun, b: StoryUpdateRun): number => a.startedAt.localeCompare(b.startedAt) || a.seq - b.seq;
  const write = async (run: StoryUpdateRun): Promise<void> => {
    const now = Date.now();
    const kept = (await list(run.channelId)).filter((other) => !same(other, run) && now - Date.parse(other.startedAt) < retentionMs);
    await channels.set(run.channelId, [...kept, run]);
  };
  return {
    async begin(run) {
      const existing = (await list(run.channelId)).find((other) => same(other, run));
      if (existing) return existing;
      await write(run);
      return run;
    },
    save: write,
    unfinished: async (channelId) => (await list(channelId)).filter((run) => run.status === 'pending').sort(bySeq),
    ofStory: async (channelId, storyKey) => (await list(channelId)).filter((run) => run.storyKey === storyKey).sort((a, b) => a.seq - b.seq),
    about: async (channelId, articleId) => (await list(channelId)).filter((run) => run.storyKey === articleId || run.storyArticleIds.includes(articleId)).sort(bySeq),
  };
}
