import { describe, expect, it } from 'vitest';
import { extractTopics, topicCandidates } from '../../src/ingest/topics/extract-topics.ts';
import { FEATURE_NAMES } from '../../src/ingest/topics/topic-features.ts';
import { KEEP_THRESHOLDS } from '../../src/ingest/topics/topic-scorer.ts';

const flood = {
  title: 'Millbrook floods: river bursts its banks after a week of rain',
  language: 'en',
  paragraphs: [
    'The River Dane burst its banks in Millbrook on Sunday, flooding more than 200 homes after a week of heavy rain, Millbrook City Council said.',
    'Council leader Sarah Okafor said emergency crews from Cheshire Fire and Rescue Service had rescued 40 residents by boat, and that the flood defences built in 2019 had held for two days before the river rose over them.',
    'Sarah Okafor said the council would open its sports hall to families who could not go home. The Environment Agency has issued flood warnings for towns downstream, and Millbrook City Council expects the water to fall by Wednesday.',
    '"We had twenty minutes to get out," said Tom Reyes, who lives on Mill Lane.',
    'Volunteers from Chester, Crewe, Nantwich and Macclesfield brought sandbags and food to the sports hall on Monday.',
  ],
};

function feature(topic: string, name: (typeof FEATURE_NAMES)[number]): number {
  const candidate = topicCandidates(flood).find((entry) => entry.topic === topic);
  if (!candidate) throw new Error(`no candidate ${topic}`);
  return candidate.features[FEATURE_NAMES.indexOf(name)]!;
}

describe('topic candidates: what the scorer reads of each', () => {
  it('reads a name among three or more in a row as listed, a name written alone as not', () => {
    expect(feature('Crewe', 'listed among three')).toBe(1);
    expect(feature('Sarah Okafor', 'listed among three')).toBe(0);
  });

  it('reads a name that words are attributed to as a quoted speaker, once', () => {
    expect(feature('Tom Reyes', 'quoted speaker')).toBe(1);
    expect(feature('Tom Reyes', 'quoted once')).toBe(1);
    expect(feature('Crewe', 'quoted speaker')).toBe(0);
  });

  it('reads a name that starts its sentence as opening it', () => {
    expect(feature('Sarah Okafor', 'opens a sentence')).toBeGreaterThan(0);
    expect(feature('Crewe', 'opens a sentence')).toBe(0);
  });

  it('counts a subject the headline names, and its mentions in the text', () => {
    expect(feature('flood', 'headline names it whole')).toBe(1);
    expect(feature('flood', 'log mentions')).toBeGreaterThan(Math.log1p(1));
  });
});

describe('topics kept by the scorer', () => {
  const topics = extractTopics(flood);

  it('keeps the names the story is about', () => {
    expect(topics).toEqual(expect.arrayContaining(['Millbrook', 'Millbrook City Council', 'Sarah Okafor']));
  });

  it('drops places named once, in a list, at the end', () => {
    expect(topics).not.toContain('Crewe');
    expect(topics).not.toContain('Nantwich');
    expect(topics).not.toContain('Macclesfield');
  });

  it('keeps fewer than twelve topics when fewer are likely, not every candidate up to the limit', () => {
    const shorter = { ...flood, paragraphs: flood.paragraphs.slice(0, 3) };
    const offered = topicCandidates(shorter).map(({ topic }) => topic);
    const kept = extractTopics(shorter);
    expect(offered).toContain('home');
    expect(offered.length).toBeLessThanOrEqual(12);
    expect(kept).not.toContain('home');
    expect(kept.length).toBeLessThan(offered.length);
  });

  it('keeps a subject the headline names even when the model alone would drop it', () => {
    const brief = { title: 'Netherlands floods: thousands evacuated', language: 'en', paragraphs: ['Thousands of people have been evacuated from towns in the southern Netherlands after the Meuse burst its banks.'] };
    const candidate = topicCandidates(brief).find(({ topic }) => topic === 'floods');
    expect(candidate!.probability).toBeLessThan(KEEP_THRESHOLDS.subject);
    expect(extractTopics(brief)).toContain('floods');
  });
});
