import { topicKey } from '../../ingest/topics/topic-key.ts';

/**
 * How much of what an article is about a sentence names: each of the article's topics it mentions, by full
 * name or by its last word ("Putin" for "Vladimir Putin"), weighted so the most salient topics count most.
 */
export function topicWeight(sentence: string, topics: string[]): number {
  const text = ` ${topicKey(sentence)} `;
  let weight = 0;
  topics.forEach((topic, rank) => {
    const key = topicKey(topic);
    const last = key.split(' ').at(-1) ?? '';
    if (key && (text.includes(` ${key} `) || (last.length >= 4 && text.includes(` ${last} `)))) weight += 1 / Math.sqrt(rank + 1);
  });
  return weight;
}
