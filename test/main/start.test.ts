import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHerald } from '../../scripts/build.ts';
import { createTestDatabase, dropTestDatabases, hasPostgres } from '../support/postgres.ts';

const root = path.resolve(import.meta.dirname, '../..');
const folders: string[] = [];
const FROM_SOURCES = ['--import', 'tsx', 'src/main.ts'];

afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  await dropTestDatabases();
});

function start(env: NodeJS.ProcessEnv, entry = FROM_SOURCES): { child: ChildProcessWithoutNullStreams; stdout: () => string; stderr: () => string; waitForStdout: (text: string) => Promise<void> } {
  const child = spawn(process.execPath, entry, { cwd: root, env: { ...process.env, DISCORD_TOKEN: '', ...env } });
  let stdout = '';
  let stderr = '';
  const waiters: Array<{ text: string; resolve: () => void }> = [];
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    for (const waiter of waiters.filter((candidate) => stdout.includes(candidate.text))) waiter.resolve();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    waitForStdout: (text) => (stdout.includes(text) ? Promise.resolve() : new Promise((resolve) => waiters.push({ text, resolve }))),
  };
}

describe('npm start without DISCORD_TOKEN', () => {
  it('runs the bot in the terminal on the sample sources, answers slash commands, and stops cleanly on SIGTERM', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'herald-start-'));
    folders.push(folder);
    const herald = start({ HERALD_STORE: path.join(folder, 'herald.sqlite') });
    await herald.waitForStdout('Type a slash command');
    expect(herald.stdout()).toContain('10 articles from config/samples');
    herald.child.stdin.write('/news topic:north korea\n');
    await herald.waitForStdout('Also read');
    expect(herald.stdout()).toContain('Briefing: north korea');
    expect(herald.stdout()).toContain('Kim Jong Un to Meet Putin');
    herald.child.stdin.write('/schedule set channel:#news time:25:00 timezone:UTC\n');
    await herald.waitForStdout('not a time of day');
    const exit = new Promise<number | null>((resolve) => herald.child.on('exit', resolve));
    herald.child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(herald.stderr()).toBe('');
  }, 30_000);

  it('refuses to start on a broken config with a one-line reason', async () => {
    const herald = start({ HERALD_CONFIG: path.join(root, 'test/fixtures/cli/empty.txt') });
    const code = await new Promise<number | null>((resolve) => herald.child.on('exit', resolve));
    expect(code).toBe(1);
    expect(herald.stderr()).toContain('config: ');
    expect(herald.stderr()).toContain('not valid JSON');
    expect(herald.stderr().trim().split('\n')).toHaveLength(1);
  }, 30_000);

  it('refuses a malformed Discord setting without repeating the token', async () => {
    const herald = start({ DISCORD_TOKEN: 'secret-token-value', DISCORD_API_BASE: 'ftp://example.com', HERALD_STORE: 'memory:' });
    const code = await new Promise<number | null>((resolve) => herald.child.on('exit', resolve));
    expect(code).toBe(1);
    expect(herald.stderr()).toContain('DISCORD_API_BASE');
    expect(herald.stderr()).not.toContain('secret-token-value');
  }, 30_000);
});

describe('the one-file build (npm run build)', () => {
  // Inside the checkout, as dist/ is: the build finds config/, commands/ and the migrations from there.
  const built = path.join(root, 'dist', `test-${process.pid}`);
  beforeAll(async () => {
    folders.push(built);
    await buildHerald(path.join(built, 'main.mjs'));
  }, 60_000);

  /** The built process on a store: every command is there, /news answers from the sample sources, SIGTERM stops it cleanly. */
  async function answersFromTheBuild(store: string): Promise<void> {
    const herald = start({ HERALD_STORE: store }, [path.join(built, 'main.mjs')]);
    await herald.waitForStdout('Type a slash command');
    herald.child.stdin.write('/help\n');
    await herald.waitForStdout('/summarize');
    herald.child.stdin.write('/news topic:north korea\n');
    await herald.waitForStdout('Also read');
    expect(herald.stdout()).toContain('Kim Jong Un to Meet Putin');
    const exit = new Promise<number | null>((resolve) => herald.child.on('exit', resolve));
    herald.child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(herald.stderr()).toBe('');
  }

  it('loads every command and answers from the sample sources on SQLite', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'herald-built-'));
    folders.push(folder);
    await answersFromTheBuild(path.join(folder, 'herald.sqlite'));
  }, 30_000);

  it.skipIf(!hasPostgres)('migrates a new PostgreSQL store and answers from it', async () => {
    await answersFromTheBuild(await createTestDatabase());
  }, 30_000);
});
