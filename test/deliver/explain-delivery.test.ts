import { describe, expect, it } from 'vitest';
import { describeStory, explainDelivery, type DeliveryFacts } from '../../src/deliver/explain-delivery.ts';
import { buildArticle } from '../../src/ingest/build-article.ts';
import type { Schedule } from '../../src/store/guild-settings-repository.ts';

const article = buildArticle({ title: 'Ferry strike ends', url: 'https://wire.example/ferry', paragraphs: ['Crews voted.'], alsoRead: [] }, { source: { kind: 'feed', location: 'https://wire.example/feed' }, fetchedAt: new Date('2024-09-12T09:00:00Z') });
const schedule: Schedule = { id: 's1', channelId: 'c1', crons: ['0 8 * * *'], when: '08:00', timezone: 'UTC', topics: [], maxItems: 5, createdBy: 'a', createdAt: '2024-09-01T00:00:00Z' };
const facts = (overrides: Partial<DeliveryFacts> = {}, entry: Partial<DeliveryFacts['schedules'][number]> = {}): DeliveryFacts => ({
  article,
  inScope: true,
  backlog: false,
  schedules: [{ schedule, passesTopics: true, passesKeywords: true, nextRunAt: '2024-09-13T08:00:00.000Z', ...entry }],
  ...overrides,
});

describe('explainDelivery', () => {
  it('links the message a story was sent in', () => {
    expect(explainDelivery(facts({}, { sent: { at: '2024-09-12T08:00:00.000Z', messageId: 'm1' } }), 'g1')).toEqual(['<#c1>: sent <t:1726128000:f> https://discord.com/channels/g1/c1/m1']);
  });

  it('links a digest posted in a forum inside the post it opened', () => {
    expect(explainDelivery(facts({}, { sent: { at: '2024-09-12T08:00:00.000Z', messageId: 't1', threadId: 't1' } }), 'g1')).toEqual(['<#c1>: sent <t:1726128000:f> https://discord.com/channels/g1/t1/t1']);
  });

  it('lists the updates a story was given in the thread on its digest, with their sites', () => {
    const update = { startedAt: '2024-09-12T10:00:00.000Z', finishedAt: '2024-09-12T10:00:00.000Z', threadId: 'm1', messageId: 'm2', sources: [{ publisher: 'Harbour Times', title: 'Dam', url: 'https://harbour.example/dam' }, { publisher: 'Bay *Gazette*', title: 'Dam', url: 'https://gazette.example/dam' }] };
    expect(explainDelivery(facts({}, { sent: { at: '2024-09-12T08:00:00.000Z', messageId: 'm1' }, updates: [update] }), 'g1')).toEqual([
      '<#c1>: sent <t:1726128000:f> https://discord.com/channels/g1/c1/m1',
      '<#c1>: updated <t:1726135200:f> with Harbour Times, Bay \\*Gazette\\* https://discord.com/channels/g1/m1/m2',
    ]);
  });

  it('says a story was filtered out, and by what', () => {
    expect(explainDelivery(facts({}, { passesTopics: false, schedule: { ...schedule, topics: ['storms'] } }), 'g1')).toEqual(['<#c1>: filtered out by its topics (storms).']);
    expect(explainDelivery(facts({}, { passesKeywords: false }), 'g1')).toEqual(['<#c1>: filtered out by its keyword filters.']);
  });

  it('says when a story is waiting for the next digest', () => {
    expect(explainDelivery(facts(), 'g1')[0]).toBe('<#c1>: not sent yet; the next digest goes out <t:1726214400:R>.');
  });

  it('says when the schedule is paused and why', () => {
    expect(explainDelivery(facts({}, { schedule: { ...schedule, paused: { reason: 'the channel was deleted', at: '2024-09-12T08:00:00Z' } } }), 'g1')[0]).toContain('paused: the channel was deleted');
  });

  it('says a story Herald has not read is waiting for its source’s next poll', () => {
    const { article: _known, ...unread } = facts({ source: { location: 'https://wire.example/feed', consecutiveFailures: 0, nextPollAt: '2024-09-12T09:10:00.000Z' } });
    expect(explainDelivery(unread, 'g1')).toEqual(['Herald has not read that story: its source has not been polled since it was published; the next poll is <t:1726132200:R>.']);
  });

  it('says a story Herald has not read comes from a failing source, and how often it failed', () => {
    const { article: _known, ...unread } = facts({ source: { location: 'https://wire.example/feed', consecutiveFailures: 3, lastError: 'HTTP 503 Service Unavailable', nextPollAt: '2024-09-12T10:00:00.000Z' } });
    expect(explainDelivery(unread, 'g1')[0]).toBe('Herald has not read that story: its source is failing (HTTP 503 Service Unavailable), 3 times in a row.');
  });

  it('says a story’s source was disabled, why, and how to read it again', () => {
    const source = { location: 'https://wire.example/feed', consecutiveFailures: 40, lastError: 'HTTP 410 Gone', nextPollAt: '2024-09-12T10:00:00.000Z', disabled: { reason: 'gone since 2024-09-09: HTTP 410 Gone', at: '2024-09-12T09:00:00.000Z' } };
    const { article: _known, ...unread } = facts({ source });
    expect(explainDelivery(unread, 'g1')[0]).toContain('its source was disabled (gone since 2024-09-09: HTTP 410 Gone); adding it again with /sources add reads it again');
  });

  it('says a story is not from this server’s sources', () => {
    expect(explainDelivery(facts({ inScope: false }), 'g1')[0]).toContain('not from one of this server’s sources');
  });

  it('says a backlog story was already published when its source was added', () => {
    expect(explainDelivery(facts({ backlog: true }), 'g1')[0]).toContain('already published when its source was added');
  });
});

describe('describeStory', () => {
  const article = { id: 'a', title: 'Sánchez, presidente', siteName: 'Diario Ejemplo', paragraphs: [], alsoRead: [], topics: [], fetchedAt: '2018-06-01T10:00:00Z', source: { kind: 'feed' as const, location: 'https://diario.example/feed' }, contentHash: 'h' };

  it('names the story’s headline, site and language', () => {
    expect(describeStory({ ...article, language: 'es' })).toBe('“Sánchez, presidente” · Diario Ejemplo · in Spanish (es)');
  });

  it('says when the language is unknown, and shows a tag it cannot name as given', () => {
    expect(describeStory(article)).toBe('“Sánchez, presidente” · Diario Ejemplo · language unknown');
    expect(describeStory({ ...article, language: 'not a tag!' })).toBe('“Sánchez, presidente” · Diario Ejemplo · language: not a tag!');
  });
});
