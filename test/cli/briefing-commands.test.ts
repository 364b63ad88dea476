import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHerald } from '../support/cli-io.ts';

const root = path.resolve(import.meta.dirname, '../..');
const fixture = (name: string): string => path.resolve(import.meta.dirname, '../fixtures', name);
const SEED = fixture('text/seed-article.txt');
const BRAZIL = fixture('brief/pages/brazil-putin-g20.html');

let workdir: string;
let env: NodeJS.ProcessEnv;

/** The shipped samples: the seed and two wire copies of the Kim–Putin story, two sites on one ferry strike and one storm, and unrelated news. */
beforeAll(async () => {
  workdir = await mkdtemp(path.join(tmpdir(), 'herald-brief-'));
  env = { HERALD_STORE: path.join(workdir, 'samples.sqlite') };
  const ingest = await runHerald(['ingest', path.join(root, 'config/samples'), BRAZIL], env);
  expect(ingest.stdout).toBe('11 new, 0 duplicate, 0 failed\n');
});

afterAll(async () => {
  await rm(workdir, { recursive: true, force: true });
});

type BriefJson = { items: Array<{ title: string; url: string; summary: string; sources: Array<{ name: string; url: string }>; topics: string[]; alsoRead: Array<{ title: string; url: string }> }>; overview?: string };

describe('herald summarize', () => {
  it('prints the contract shape for the seed, saying Kim Jong Un travels to Russia to meet Putin', async () => {
    const run = await runHerald(['summarize', SEED, '--json'], { HERALD_STORE: 'memory:' });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const summary = JSON.parse(run.stdout) as { title: string; summary: string; topics: string[]; alsoRead: Array<{ title: string; url?: string }> };
    expect(Object.keys(summary)).toEqual(['title', 'summary', 'topics', 'alsoRead']);
    expect(summary.summary.length).toBeLessThanOrEqual(400);
    expect(summary.summary).toMatch(/Kim Jong[- ]un/i);
    expect(summary.summary).toMatch(/travel\w* to Russia/);
    expect(summary.summary).toMatch(/meet\w* with Vladimir Putin|meet Putin/);
    expect(summary.summary).not.toMatch(/Also Read|Advertisement/i);
    expect(summary.alsoRead).toEqual([{ title: 'Brazilian President Assures Putin Won’t Face Arrest during 2024 G20 Meeting' }]);
  });

  it("resolves the publisher's \"Also Read\" title to its URL when that article is stored, and adds related coverage", async () => {
    const { alsoRead } = JSON.parse((await runHerald(['summarize', SEED, '--json'], env)).stdout) as { alsoRead: Array<{ title: string; url?: string }> };
    expect(alsoRead[0]).toEqual({ title: 'Brazilian President Assures Putin Won’t Face Arrest during 2024 G20 Meeting', url: 'https://frontier.example/world/lula-putin-g20-arrest' });
    expect(alsoRead.length).toBeGreaterThan(1);
    expect(alsoRead.length).toBeLessThanOrEqual(3);
    expect(alsoRead.every((link) => link.url)).toBe(true);
  });

  it('prints a readable summary without --json', async () => {
    const run = await runHerald(['summarize', SEED], { HERALD_STORE: 'memory:' });
    expect(run.stdout).toMatch(/^Kim Jong Un to Meet Putin.*\n=+\n\n/);
    expect(run.stdout).toContain('Also read:');
  });

  it('refuses a feed with a one-line reason', async () => {
    const run = await runHerald(['summarize', path.join(root, 'config/samples/world-wire.json')], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^herald: summarize: .* is a feed of 3 articles/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('herald brief', () => {
  it('prints the digest in the contract shape, one item per story with its other sources', async () => {
    const run = await runHerald(['brief', '--json'], env);
    expect(run.code).toBe(0);
    const { items } = JSON.parse(run.stdout) as BriefJson;
    for (const item of items) expect(Object.keys(item)).toEqual(['title', 'url', 'summary', 'sources', 'topics', 'alsoRead']);
    const ferry = items.filter((item) => /ferry/i.test(item.title));
    expect(ferry).toHaveLength(1);
    expect(ferry[0]!.sources.map((source) => source.name).sort()).toEqual(['Harbour City Courier', 'World Wire']);
    const wire = items.find((item) => item.sources.some((source) => source.name === 'Asia Desk') && /Kim/.test(item.title));
    expect(wire?.sources.map((source) => source.name)).toEqual(expect.arrayContaining(['Asia Desk', 'World Wire']));
  });

  it('never offers a story as its own "also read"', async () => {
    const { items } = JSON.parse((await runHerald(['brief', '--json'], env)).stdout) as BriefJson;
    for (const item of items) {
      const own = new Set([item.url, ...item.sources.map((source) => source.url)]);
      for (const link of item.alsoRead) expect(own.has(link.url)).toBe(false);
      expect(item.alsoRead.length).toBeLessThanOrEqual(3);
    }
  });

  it('keeps to --limit', async () => {
    const { items } = JSON.parse((await runHerald(['brief', '--limit', '2', '--json'], env)).stdout) as BriefJson;
    expect(items).toHaveLength(2);
  });

  it('leaves out what appeared before --since', async () => {
    const { items } = JSON.parse((await runHerald(['brief', '--since', '2024-09-01', '--json'], env)).stdout) as BriefJson;
    expect(items.length).toBeGreaterThan(0);
    expect(items.some((item) => /Bank of Japan|Seoul/.test(item.title))).toBe(false);
  });

  it('answers a topic with the stories about it, an overview drawn from them, and related reading', async () => {
    const run = await runHerald(['brief', '--topic', 'north korea', '--json'], env);
    const briefing = JSON.parse(run.stdout) as BriefJson;
    expect(briefing.items.length).toBeGreaterThan(0);
    expect(briefing.items.every((item) => /Kim|Korea|Pyongyang|Seoul/.test(item.title))).toBe(true);
    expect(briefing.overview).toMatch(/Kim/);
    expect(briefing.overview!.length).toBeLessThanOrEqual(700);
    expect(briefing.items.some((item) => item.alsoRead.length > 0)).toBe(true);
  });

  it('prints a readable briefing grouped by topic without --json', async () => {
    const run = await runHerald(['brief'], env);
    expect(run.stdout).toMatch(/^Top stories · /);
    expect(run.stdout).toMatch(/\n— .+ —\n/);
    expect(run.stdout).toContain('Also reported by:');
  });

  it('says so in one line when nothing matches a topic', async () => {
    const run = await runHerald(['brief', '--topic', 'quantum chromodynamics'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Nothing stored matches "quantum chromodynamics" yet.');
  });

  it.each([
    [['brief', '--since', 'yesterday'], /--since expects a duration such as 90m, 24h or 7d/],
    [['brief', '--limit', '0'], /--limit expects a whole number from 1 to 100/],
    [['brief', '--topic', '  '], /--topic needs some words/],
    [['brief', 'korea'], /unexpected argument "korea"/],
  ])('rejects %j with a one-line error and exit 1', async (argv, message) => {
    const run = await runHerald(argv, env);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('herald topics', () => {
  it('lists trending topics with article and source counts, the most widely covered first', async () => {
    const { topics } = JSON.parse((await runHerald(['topics', '--json'], env)).stdout) as { topics: Array<{ topic: string; count: number; sources: number }> };
    const russia = topics.find((entry) => entry.topic === 'Russia');
    expect(russia?.sources).toBeGreaterThanOrEqual(3);
    expect(topics.filter((entry) => /^Kim Jong[- ]Un$/i.test(entry.topic))).toHaveLength(1);
    for (const entry of topics) expect(entry.count).toBeGreaterThanOrEqual(entry.sources);
  });

  it('prints one numbered line per topic without --json', async () => {
    const run = await runHerald(['topics', '--limit', '5'], env);
    expect(run.stdout.trim().split('\n').filter((line) => /^\s*\d+\. /.test(line))).toHaveLength(5);
  });
});

describe('herald search', () => {
  it('finds matching articles best first', async () => {
    const { results } = JSON.parse((await runHerald(['search', 'ferry', 'strike', '--json'], env)).stdout) as { results: Array<{ title: string; url: string; score: number }> };
    expect(results.length).toBeGreaterThanOrEqual(2);
    expect(results.slice(0, 2).every((result) => /ferry/i.test(result.title))).toBe(true);
    expect(results.map((result) => result.score)).toEqual([...results.map((result) => result.score)].sort((a, b) => b - a));
  });

  it('says so when nothing matches, and needs a query', async () => {
    expect((await runHerald(['search', 'zeppelin'], env)).stdout).toBe('Nothing stored matches "zeppelin".\n');
    const run = await runHerald(['search'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('herald: search: expected some words to look for\n');
  });
});
