import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { feedItemToDraft, parseFeed } from '../../src/ingest/feed/parse-feed.ts';

const podcast = parseFeed(readFileSync(path.resolve(import.meta.dirname, '../fixtures/feed/podcast.rss'), 'utf8'), { url: 'https://harbourwire.example/podcast.rss' });

describe('enclosures', () => {
  it('gives a podcast episode without a link its audio as the address a reader follows', () => {
    expect(feedItemToDraft(podcast.items[0]!, podcast).url).toBe('https://media.harbourwire.example/podcast/ep41.mp3');
  });

  it('keeps an item’s files on the article with their type and size, each once though Media RSS repeats it', () => {
    expect(feedItemToDraft(podcast.items[0]!, podcast)).toMatchObject({
      enclosures: [{ url: 'https://media.harbourwire.example/podcast/ep41.mp3', type: 'audio/mpeg', length: 24_986_239 }],
      imageUrl: 'https://media.harbourwire.example/podcast/ep41.jpg',
    });
  });

  it('keeps the item’s own link when it has one, resolves a relative file and drops a size that is not a number', () => {
    const draft = feedItemToDraft(podcast.items[1]!, podcast);
    expect(draft.url).toBe('https://harbourwire.example/podcast/40');
    expect(draft.enclosures).toEqual([{ url: 'https://harbourwire.example/podcast/ep40.mp3', type: 'audio/mpeg' }]);
  });

  it('reads Atom’s rel="enclosure" links', () => {
    const atom = parseFeed(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>Show</title><entry><id>urn:ep:1</id><title>Episode 1</title><updated>2024-01-01T00:00:00Z</updated>
        <link rel="enclosure" type="audio/ogg" length="1200" href="https://show.example/1.ogg"/></entry></feed>`,
      { url: 'https://show.example/feed.atom' },
    );
    const draft = feedItemToDraft(atom.items[0]!, atom);
    expect(draft).toMatchObject({ url: 'https://show.example/1.ogg', enclosures: [{ url: 'https://show.example/1.ogg', type: 'audio/ogg', length: 1200 }] });
  });

  it('reads JSON Feed attachments, and ignores one that is not a web address', () => {
    const json = parseFeed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Show',
        items: [{ id: '7', title: 'Episode 7', content_text: 'Notes.', attachments: [{ url: 'javascript:alert(1)' }, { url: 'https://show.example/7.m4a', mime_type: 'audio/x-m4a', size_in_bytes: 99 }] }],
      }),
      { url: 'https://show.example/feed.json' },
    );
    expect(feedItemToDraft(json.items[0]!, json)).toMatchObject({ url: 'https://show.example/7.m4a', enclosures: [{ url: 'https://show.example/7.m4a', type: 'audio/x-m4a', length: 99 }] });
  });
});
