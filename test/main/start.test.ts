import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const folders: string[] = [];

afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

describe('npm start', () => {
  it('ingests the sample sources, logs to stderr only, and stops cleanly on SIGTERM', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'herald-start-'));
    folders.push(folder);
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: root, env: { ...process.env, HERALD_STORE: path.join(folder, 'herald.sqlite') } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const ingested = new Promise<Record<string, unknown>>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const line = stderr.split('\n').find((entry) => entry.includes('"ingest finished"'));
        if (line) resolve(JSON.parse(line) as Record<string, unknown>);
      });
    });
    const report = await ingested;
    expect(report).toMatchObject({ new: 10, duplicate: 0, failed: 0 });
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(stdout).toBe('');
  }, 30_000);

  it('refuses to start on a broken config with a one-line reason', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: root, env: { ...process.env, HERALD_CONFIG: path.join(root, 'test/fixtures/cli/empty.txt') } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('config: ');
    expect(stderr).toContain('not valid JSON');
    expect(stderr.trim().split('\n')).toHaveLength(1);
  }, 30_000);
});
