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

  it('keeps a comment thread, each comment headed "Name on <date> at <time> said:", out of the body of a short post above it', () => {
    const draft = read('comment-thread-under-short-post');
    expect(draft.title).toBe('Spring 2024 open thread');
    expect(draft.paragraphs).toHaveLength(1);
    expect(draft.paragraphs[0]).toMatch(/^Twice a year we open a thread/);
  });

  it('credits the writer named after the date on a dateline ("March 4, 2024 | by Aileen Ross")', () => {
    expect(read('comment-thread-under-short-post').byline).toBe('Aileen Ross');
  });

  it("leaves out the page's copy of the article run into one line under the share box", () => {
    const draft = read('article-copy-in-share-box');
    expect(draft.paragraphs).toHaveLength(4);
    expect(bodyOf('article-copy-in-share-box').match(/Corner shops across the north-east/g)).toHaveLength(1);
  });

  it('does not take a tag cloud (forty words and not one stop or comma) for the article', () => {
    expect(bodyOf('tag-cloud-over-article')).toMatch(/^O posto de saúde do bairro Jardim Norte/);
    expect(bodyOf('tag-cloud-over-article')).not.toMatch(/asfalto assistência bairros/);
  });

  it('ends the body where a headline over its own byline and date starts another story (a list of teasers under the article)', () => {
    expect(bodyOf('teasers-with-credits-after-body')).not.toMatch(/housing promises|energy rebate|council tax/);
  });

  it('leaves a "Share your thoughts with friends." prompt out of the body', () => {
    expect(bodyOf('teasers-with-credits-after-body')).not.toMatch(/Share your thoughts/);
  });

  it('ends the body at an "Editors\' Picks" heading, however the apostrophe falls', () => {
    expect(bodyOf('editors-picks-after-body')).not.toMatch(/supermarket|lighthouse/);
  });

  it('leaves out a photo caption that ends in its "more" or "less" button, shown folded and unfolded', () => {
    const draft = read('caption-with-more-less-toggle');
    expect(draft.paragraphs[0]).toMatch(/^The ferry operator serving the islands/);
    expect(bodyOf('caption-with-more-less-toggle')).not.toMatch(/Crew members walk past/);
  });

  it('reads on past a "Don\'t miss" box of links set inside the article, and leaves the links out', () => {
    const draft = read('link-box-inside-body');
    expect(draft.paragraphs).toHaveLength(5);
    expect(draft.paragraphs.at(-1)).toMatch(/^The institute said it would keep watching/);
    expect(bodyOf('link-box-inside-body')).not.toMatch(/Iceland volcano|Arctic shipping|Heatwave in Norway/);
  });

  describe.each([
    ['a caption that says where its picture is ("Above: …")', /Above: A cruise ship/],
    ['a sign-up blurb ("… delivered weekday mornings")', /delivered weekday/],
    ['a sign-up form\'s small print ("By signing up, you agree …")', /By signing up/],
    ['a sign-up promise ("You can unsubscribe at any time")', /unsubscribe/],
    ['an affiliate disclosure ("If you buy something through this post …")', /If you buy something/],
    ['a prompt to share ("Like this story? Share it with a friend!")', /Share it with a friend/],
    ['a "More Great … Stories" list', /fishing fleet/],
    ['a caption run into the credit of a file picture ("… / AP file")', /Cruise passengers queue/],
    ['a time stamp in hours ("2H ago")', /2H ago/],
    ['an opinion disclaimer ("Opinions expressed by … are their own.")', /Opinions expressed/],
    ['a contact line ("Write to Jane Roe at …")', /Write to/],
    ['a "View all (23)" link', /View all/],
    ['an author box with a capitalised desk title ("… is the Harbour Reporter of the Gazette")', /Tom Hale/],
    ['an author box naming the site\'s role ("… is HGN\'s photo curator")', /Anna Berg/],
  ])('a page with %s inside or under its body', (_, furniture) => {
    it('leaves it out of the body', () => expect(bodyOf('signup-box-and-credits-in-body')).not.toMatch(furniture));
  });

  describe.each([
    ['a sign-up heading ("Get breaking news alerts …")', /Get breaking/],
    ['a sign-up field ("Email (required)")', /Email \(required\)/],
    ['a sign-up checkbox ("I agree that … can send me …")', /I agree/],
    ['a sign-up confirmation ("Keep an eye on your inbox …")', /your inbox/],
    ['a link to the author\'s other stories ("Read more from this author")', /Read more from this author/],
  ])('a page with %s alone between two paragraphs', (_, furniture) => {
    it('leaves it out of the body', () => expect(bodyOf('signup-prompts-between-paragraphs')).not.toMatch(furniture));
  });

  it('ends the body at "Você também pode gostar…", Portuguese for "You may also like"', () => {
    expect(bodyOf('you-may-like-in-portuguese')).not.toMatch(/Praia do Curral|Festival de música|Feira de artesanato/);
  });
});
