import type { Briefing, BriefingItem } from '../../../src/model/story.ts';

export function briefingItem(n: number, overrides: Partial<BriefingItem> = {}): BriefingItem {
  return {
    storyId: `story-${n}`,
    articleIds: [`article-${n}`],
    title: `Story ${n}: ferry crews end strike`,
    url: `https://courier.example/story-${n}`,
    summary: `Ferry crews accepted the pay deal in story ${n}. Services resume on Monday.`,
    sources: [
      { name: 'Courier', url: `https://courier.example/story-${n}` },
      { name: 'Worldwire', url: `https://worldwire.example/story-${n}` },
    ],
    topics: ['Harbour City', 'strike'],
    alsoRead: [{ title: 'Background to the strike', url: 'https://background.example/strike' }],
    publishedAt: '2024-09-12T06:00:00.000Z',
    ...overrides,
  };
}

export function digest(items: BriefingItem[], overrides: Partial<Briefing> = {}): Briefing {
  return { items, generatedAt: '2024-09-12T12:00:00.000Z', ...overrides };
}

/** Sentences of about 60 characters, numbered so a cut can be placed: "Sentence 1 says …". */
export function sentences(count: number): string {
  return Array.from({ length: count }, (_, index) => `Sentence ${index + 1} says the ferry strike is finally over now.`).join(' ');
}
