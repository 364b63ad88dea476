import { describe, expect, it } from 'vitest';
import { briefingItem } from '../../src/brief/digest/briefing-item.ts';
import { splitSentences } from '../../src/brief/sentences/split-sentences.ts';
import { createExtractiveSummarizer } from '../../src/brief/summarize/extractive-summarizer.ts';
import { lengthLimits } from '../../src/brief/summarizer.ts';
import { buildArticle } from '../../src/ingest/build-article.ts';
import type { ArticleDraft } from '../../src/model/article.ts';
import type { Story } from '../../src/model/story.ts';

const PARAGRAPHS = [
  'The harbour ferry crews accepted a pay deal on Tuesday, ending a strike that had stopped every crossing for nine days.',
  'The union said members voted 412 to 87 in favour of the offer, which raises pay by six percent over two years.',
  'Services between Quay Street and the north pier will resume on Thursday morning, the operator said.',
  'Commuters had faced queues of up to two hours on the coastal road while the ferries were idle.',
  'The city council, which part-funds the service, said it would review the timetable in the spring.',
  'A spokesperson for the operator thanked passengers for their patience during the dispute.',
  'Talks had broken down twice before a mediator was brought in last week.',
];

function article(draft: Partial<ArticleDraft> = {}) {
  return buildArticle(
    { title: 'Ferry strike ends as crews accept pay deal', url: 'https://courier.example/strike', paragraphs: PARAGRAPHS, alsoRead: [], ...draft },
    { source: { kind: 'feed', location: 'https://courier.example/feed' }, fetchedAt: new Date('2024-09-12T06:00:00Z') },
  );
}

function storyOf(lead: ReturnType<typeof article>): Story {
  return { id: lead.id, lead, articles: [lead], topics: [], latestAt: lead.fetchedAt };
}

describe('a digest’s summary length', () => {
  const summarizer = createExtractiveSummarizer({ maxChars: 400, maxSentences: 3 });

  it('is one sentence when short, the configured length when medium, and up to five sentences when long', async () => {
    const lead = article();
    const short = (await summarizer.summarize(lead, { length: 'short' })).text;
    const medium = (await summarizer.summarize(lead)).text;
    const long = (await summarizer.summarize(lead, { length: 'long' })).text;
    expect(splitSentences(short)).toHaveLength(1);
    expect(splitSentences(medium).length).toBeLessThanOrEqual(3);
    expect(splitSentences(long).length).toBeGreaterThan(splitSentences(medium).length);
    expect(splitSentences(long).length).toBeLessThanOrEqual(5);
    expect((await summarizer.summarize(lead, { length: 'medium' })).text).toBe(medium);
  });

  it('gives a long summary room for five sentences of the configured length, within an embed', () => {
    expect(lengthLimits('long', { maxChars: 400, maxSentences: 3 })).toEqual({ maxChars: 667, maxSentences: 5 });
    expect(lengthLimits('long', { maxChars: 4000, maxSentences: 2 })).toEqual({ maxChars: 2000, maxSentences: 5 });
    expect(lengthLimits('short', { maxChars: 400, maxSentences: 3 })).toEqual({ maxChars: 400, maxSentences: 1 });
  });
});

describe('a story’s picture', () => {
  const summary = { text: 'Crews accepted the deal.', method: 'extractive' as const };

  it('is the lead’s own image (og:image, JSON-LD, a feed’s image)', () => {
    expect(briefingItem(storyOf(article({ imageUrl: 'https://courier.example/ferry.jpg' })), summary, []).imageUrl).toBe('https://courier.example/ferry.jpg');
  });

  it('is otherwise the first picture its feed attached, never its audio', () => {
    const enclosures = [
      { url: 'https://courier.example/podcast.mp3', type: 'audio/mpeg' },
      { url: 'https://courier.example/pier.png', type: 'image/png' },
    ];
    expect(briefingItem(storyOf(article({ enclosures })), summary, []).imageUrl).toBe('https://courier.example/pier.png');
    expect(briefingItem(storyOf(article({ enclosures: enclosures.slice(0, 1) })), summary, []).imageUrl).toBeUndefined();
  });
});
