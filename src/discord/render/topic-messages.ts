import type { TrendingTopic } from '../../brief/topics/trending-topics.ts';
import { listEmbeds, type ListMessageOptions } from './list-embeds.ts';
import { contentMessage, type MessagePayload } from './message-payload.ts';
import { packEmbeds } from './pack-embeds.ts';
import { fitUntrusted, oneLine } from './safe-text.ts';

const TOPIC_MAX = 100;

/** Trending topics as a numbered list, each with how many articles and sites carry it. */
export function trendingMessages(topics: TrendingTopic[], options: ListMessageOptions = {}): MessagePayload[] {
  if (topics.length === 0) return [contentMessage('Nothing is trending yet.')];
  const lines = topics.map(
    (topic, index) => `${index + 1}. **${fitUntrusted(oneLine(topic.topic), TOPIC_MAX)}** · ${count(topic.articles, 'article')} from ${count(topic.sources, 'source')}`,
  );
  return packEmbeds(listEmbeds(options.heading ?? 'Trending now', lines, options.color));
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
