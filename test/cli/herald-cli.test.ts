import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHerald } from '../support/cli-io.ts';
import { respond, startTestServer, type TestServer } from '../support/http-server.ts';

const fixture = (name: string): string => path.resolve(import.meta.dirname, '../fixtures', name);
const SEED = fixture('text/seed-article.txt');

let server: TestServer;
let workdir: string;

beforeAll(async () => {
  server = await startTestServer();
  workdir = await mkdtemp(path.join(tmpdir(), 'herald-cli-'));
});

afterAll(async () => {
  await server.close();
  await rm(workdir, { recursive: true, force: true });
});

describe('herald extract --json', () => {
  it('prints exactly one JSON object for the seed article, in the contract shape', async () => {
    const run = await runHerald(['extract', SEED, '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const article = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(article)).toEqual(['title', 'dek', 'text', 'alsoRead', 'topics']);
    expect(article.title).toBe('Kim Jong Un to Meet Putin, North Korean Leader’s Armored Train Heads to Russia: Reports');
    expect(article.dek).toBe('The meeting is expected to take place in the Russian port city of Vladivostok');
    expect(article.alsoRead).toEqual([{ title: 'Brazilian President Assures Putin Won’t Face Arrest during 2024 G20 Meeting' }]);
    expect(article.topics).toEqual(expect.arrayContaining(['Kim Jong Un', 'Vladimir Putin', 'Russia', 'North Korea']));
  });

  it('joins the body paragraphs with blank lines, with no page chrome', async () => {
    const { text } = JSON.parse((await runHerald(['extract', SEED, '--json'])).stdout) as { text: string };
    expect(text.split('\n\n')).toHaveLength(10);
    expect(text).not.toMatch(/Advertisement|Must read|Trending Today|Also Read|spot_img/);
  });

  it('reads an HTML page with its metadata and canonical URL', async () => {
    const article = JSON.parse((await runHerald(['extract', fixture('html/jsonld-graph.html'), '--json'])).stdout) as Record<string, unknown>;
    expect(article).toMatchObject({
      title: 'Rail strike called off after last-minute deal',
      byline: 'Ruth Adeyemi, Tom Hale',
      siteName: 'The Northern Echo Times',
      url: 'https://echo.example/news/rail-strike-called-off',
      publishedAt: '2024-05-01T17:30:00.000Z',
    });
  });

  it('prints a feed as a JSON array of its articles', async () => {
    const articles = JSON.parse((await runHerald(['extract', fixture('feed/newsroom.json'), '--json'])).stdout) as Array<Record<string, unknown>>;
    expect(Array.isArray(articles)).toBe(true);
    expect(articles[0]).toMatchObject({ title: 'Harbour tunnel opens six months late', url: 'https://newsroom.example/2024/03/harbour-tunnel-opens' });
  });

  it('fetches a URL, through the guard when the host is allowed', async () => {
    server.route('/article', respond(await import('node:fs/promises').then((fs) => fs.readFile(fixture('html/opengraph-only.html'), 'utf8'))));
    const run = await runHerald(['extract', server.url('/article'), '--json'], { HERALD_ALLOW_HOSTS: '127.0.0.1' });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ title: 'Vote count delayed in three districts', siteName: 'Valley Herald' });
  });
});

describe('herald extract on bad input', () => {
  it.each([
    ['a missing file', ['extract', 'no/such/file.txt'], 'herald: no/such/file.txt: no such file'],
    ['a binary file', ['extract', fixture('cli/picture.bin')], `herald: ${fixture('cli/picture.bin')}: binary data, not text, HTML or a feed`],
    ['an empty file', ['extract', fixture('cli/empty.txt')], `herald: ${fixture('cli/empty.txt')}: empty document`],
    ['a malformed feed', ['extract', fixture('cli/truncated-feed.xml')], `herald: ${fixture('cli/truncated-feed.xml')}: feed: malformed XML (3 elements never closed) and no items`],
    ['a page with no article', ['extract', fixture('html/no-article.html')], `herald: ${fixture('html/no-article.html')}: html: no article content found`],
    ['a loopback URL that is not allowed', ['extract', 'http://127.0.0.1:9/feed'], 'herald: http://127.0.0.1:9/feed: refused: a loopback address (127.0.0.1)'],
    ['an unknown option', ['extract', SEED, '--jsn'], 'herald: extract: unknown option --jsn'],
  ])('explains %s in one line on stderr, prints nothing and exits 1', async (_, argv, message) => {
    const run = await runHerald(argv);
    expect(run).toEqual({ code: 1, stdout: '', stderr: `${message}\n` });
  });

  it('explains a 404 in one line', async () => {
    const run = await runHerald(['extract', server.url('/gone')], { HERALD_ALLOW_HOSTS: '127.0.0.1' });
    expect(run).toEqual({ code: 1, stdout: '', stderr: `herald: ${server.url('/gone')}: HTTP 404 Not Found\n` });
  });

  it('answers an unknown command with the usage and exit code 2', async () => {
    const run = await runHerald(['frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^herald: unknown command "frobnicate"\nUsage:/);
  });
});

describe('herald ingest', () => {
  it('stores new articles, then recognises all of them as duplicates on the next run', async () => {
    const store = path.join(workdir, 'dedup.sqlite');
    const env = { HERALD_STORE: store };
    const first = await runHerald(['ingest', SEED, fixture('html/jsonld-graph.html'), fixture('feed/newsroom.json'), '--json'], env);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ new: 6, duplicate: 0, failed: 0 });
    const second = await runHerald(['ingest', SEED, fixture('html/jsonld-graph.html'), fixture('feed/newsroom.json'), '--json'], env);
    expect(JSON.parse(second.stdout)).toEqual({ new: 0, duplicate: 6, failed: 0 });
  });

  it('counts the same article under another name as a duplicate', async () => {
    const run = await runHerald(['ingest', SEED, fixture('text/seed-article.txt'), path.resolve('config/samples/seed-article.txt')], { HERALD_STORE: path.join(workdir, 'copies.sqlite') });
    expect(run.stdout).toBe('1 new, 2 duplicate, 0 failed\n');
  });

  it('reads whole folders, reports each failure on stderr and exits 1 when something failed', async () => {
    const run = await runHerald(['ingest', path.resolve('config/samples'), fixture('cli')], { HERALD_STORE: path.join(workdir, 'folders.sqlite') });
    expect(run.stdout).toBe('10 new, 0 duplicate, 3 failed\n');
    expect(run.stderr.trim().split('\n')).toHaveLength(3);
    expect(run.stderr).toContain('binary data, not text, HTML or a feed');
    expect(run.code).toBe(1);
  });

  /** A feed of one teaser whose page holds the whole article. */
  async function serveTeasers(): Promise<void> {
    server.route('/teasers.xml', respond(`<rss version="2.0"><channel><title>Teasers</title><item><title>Vote count delayed</title><link>${server.url('/full-story')}</link><description>Counting was suspended…</description></item></channel></rss>`, { 'content-type': 'application/rss+xml' }));
    server.route('/full-story', respond(await readFile(fixture('html/opengraph-only.html'), 'utf8')));
  }

  it("completes a feed's teasers from their pages", async () => {
    await serveTeasers();
    const store = path.join(workdir, 'teasers.sqlite');
    const run = await runHerald(['ingest', server.url('/teasers.xml'), '--json'], { HERALD_STORE: store, HERALD_ALLOW_HOSTS: '127.0.0.1' });
    expect(JSON.parse(run.stdout)).toEqual({ new: 1, duplicate: 0, failed: 0 });
    const { openStore } = await import('../../src/store/open-store.ts');
    const { createKeyvArticleRepository } = await import('../../src/store/article-repository.ts');
    const opened = await openStore(store);
    const articles = [];
    for await (const article of createKeyvArticleRepository(opened, { retentionMs: 86_400_000 }).list()) articles.push(article);
    await opened.close();
    expect(articles[0]?.paragraphs[0]).toMatch(/^Counting in three districts of Valley County was suspended for more than four hours/);
    expect(articles[0]?.title).toBe('Vote count delayed');
  });

  it('does not fetch a teaser page again once its article is stored', async () => {
    await serveTeasers();
    const env = { HERALD_STORE: path.join(workdir, 'teasers-again.sqlite'), HERALD_ALLOW_HOSTS: '127.0.0.1' };
    await runHerald(['ingest', server.url('/teasers.xml')], env);
    const before = server.requests.filter((request) => request === 'GET /full-story').length;
    expect((await runHerald(['ingest', server.url('/teasers.xml')], env)).stdout).toBe('0 new, 1 duplicate, 0 failed\n');
    expect(server.requests.filter((request) => request === 'GET /full-story').length).toBe(before);
  });

  it('asks for a feed conditionally, so an unchanged feed costs a 304 and adds nothing', async () => {
    let served = 0;
    server.route('/etag-feed.xml', (request, response) => {
      if (request.headers['if-none-match'] === '"feed-v1"') {
        response.writeHead(304).end();
        return;
      }
      served += 1;
      response.writeHead(200, { etag: '"feed-v1"', 'content-type': 'application/rss+xml' }).end('<rss><channel><title>E</title><item><title>Only item</title><guid>e-1</guid><description>A long enough description of the only item in this feed, which is the whole story as the feed tells it. It goes on for a while so that it is not a teaser, with several sentences of real text in it. Here is another sentence, and another one, to make sure of that. And a final one that takes it over the length a teaser would have, so that the page is not fetched.</description></item></channel></rss>');
    });
    const env = { HERALD_STORE: path.join(workdir, 'etag.sqlite'), HERALD_ALLOW_HOSTS: '127.0.0.1' };
    expect((await runHerald(['ingest', server.url('/etag-feed.xml')], env)).stdout).toBe('1 new, 0 duplicate, 0 failed\n');
    expect((await runHerald(['ingest', server.url('/etag-feed.xml')], env)).stdout).toBe('0 new, 0 duplicate, 0 failed\n');
    expect(served).toBe(1);
  });
});

describe('the herald command as a process', () => {
  it('runs with `npm run -s herald` and writes only the JSON to stdout', async () => {
    const { stdout, stderr } = await promisify(execFile)('npm', ['run', '-s', 'herald', '--', 'extract', SEED, '--json'], { cwd: path.resolve(import.meta.dirname, '../..'), env: { ...process.env, HERALD_STORE: 'memory:' } });
    expect(JSON.parse(stdout).title).toMatch(/^Kim Jong Un to Meet Putin/);
    expect(stderr).toBe('');
  });

  it('exits non-zero with one line and no stack trace on bad input', async () => {
    const failure = await promisify(execFile)('npm', ['run', '-s', 'herald', '--', 'extract', 'missing.txt'], { cwd: path.resolve(import.meta.dirname, '../..') }).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 1, stdout: '', stderr: 'herald: missing.txt: no such file\n' });
  });
});
