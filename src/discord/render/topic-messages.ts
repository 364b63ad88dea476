import type { TrendingTopic } from '../../brief/topics/trending-topics.ts';
import { ENGLISH } from '../i18n/reply-text.ts';
import { listEmbeds, type ListMessageOptions } from './list-embeds.ts';
import { contentMessage, type MessagePayload } from './message-payload.ts';
import { packEmbeds } from './pack-embeds.ts';
import { fitUntrusted, oneLine } from './safe-text.ts';

const TOPIC_MAX = 100;

/** Trending topics as a numbered list, each with how many articles and sites carry it. */
export function trendingMessages(topics: TrendingTopic[], options: ListMessageOptions = {}): MessagePayload[] {
  const text = options.text ?? ENGLISH;
  if (topics.length === 0) return [contentMessage(text.nothingTrending)];
  const lines = topics.map((topic, index) => `${index + 1}. **${fitUntrusted(oneLine(topic.topic), TOPIC_MAX)}** · ${text.topicCounts(topic.articles, topic.sources)}`);
  return packEmbeds(listEmbeds(options.heading ?? text.trendingNow, lines, options.color));
}
