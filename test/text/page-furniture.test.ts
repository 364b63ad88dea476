import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFromText } from '../../src/ingest/text/extract-text.ts';

/** Small page dumps, each built around one piece of furniture that issue 11 found in titles or bodies. */
const read = (name: string) => extractFromText(readFileSync(new URL(`../fixtures/text/${name}.txt`, import.meta.url), 'utf8'));
const bodyOf = (name: string): string => read(name).paragraphs.join('\n');

describe('GIVEN a page with furniture around its headline or its body', () => {
  it('takes the headline, not the reading time under it, for the title', () => {
    const draft = read('reading-time-under-headline');
    expect(draft.title).toBe('Port of Aberdour orders three electric tugboats to cut harbour emissions');
    expect(draft.dek).toBeUndefined();
  });

  it('takes the headline, not the section path above it, for the title', () => {
    expect(read('breadcrumb-section-path').title).toBe('Monsoon floods cut road links to three districts in Assam');
  });

  it('keeps a comment count under the headline out of the header and the body', () => {
    const draft = read('comment-count-under-headline');
    expect(draft.title).toBe('Valley farmers count the cost of the wettest spring on record');
    expect(draft.paragraphs.join('\n')).not.toMatch(/comments/i);
  });

  it('ends the body before an "About the author" blurb', () => {
    expect(bodyOf('author-blurb-after-body')).not.toMatch(/About the author|is a reporter who covers/);
  });

  it('ends the body before a "Tags:" line', () => {
    expect(bodyOf('tags-line-after-body')).not.toMatch(/Tags:|Westbrook council, property/);
  });

  it('leaves sign-in and register prompts under the article out of the body', () => {
    expect(bodyOf('sign-in-prompt-after-body')).not.toMatch(/Sign in|Register|Log in/);
  });
});
