import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { ordinaryDocument } from '../support/sized-documents.ts';

/** The budgets issue 13 sets for `herald extract` as a whole process, on this machine. */
const MAX_SECONDS = 30;
const MAX_RESIDENT_MB = 600;
const SIZE = 20 * 1024 * 1024;

const ROOT = path.resolve(import.meta.dirname, '../..');
const PEAK_MEMORY = path.join(ROOT, 'test/support/report-peak-memory.mjs');
const directory = mkdtempSync(path.join(tmpdir(), 'herald-budgets-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

interface Run {
  code: number | null;
  seconds: number;
  residentMb: number;
  stderr: string;
}

/** `herald extract <file> --json` in its own Node process, timed, with the peak resident memory the process itself reports. */
function extract(file: string): Promise<Run> {
  const usage = path.join(directory, 'usage');
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', PEAK_MEMORY, '--import', 'tsx', 'src/cli/main.ts', 'extract', file, '--json'], {
    cwd: ROOT,
    env: { ...process.env, HERALD_STORE: 'memory:', HERALD_PEAK_MEMORY_FILE: usage },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      const seconds = (performance.now() - started) / 1000;
      resolve({ code, seconds, residentMb: Number(readFileSync(usage, 'utf8')) / 1024, stderr });
    }),
  );
}

const INPUTS: Array<[string, () => string]> = [
  ['a 20 MB page', () => ordinaryDocument('html', SIZE)],
  ['a 20 MB text dump', () => ordinaryDocument('text', SIZE)],
  ['a 20 MB feed of tens of thousands of items', () => ordinaryDocument('feed', SIZE)],
  ['one enormous 20 MB line', () => 'The river rose overnight and the town woke to water in its streets. '.repeat(SIZE / 68)],
];

describe(`herald extract on 20 MB inputs (within ${MAX_SECONDS} s and ${MAX_RESIDENT_MB} MB resident)`, () => {
  it.each(INPUTS)('reads %s within budget', async (name, build) => {
    const file = path.join(directory, `${name.replace(/\W+/g, '-')}.input`);
    writeFileSync(file, build());
    const run = await extract(file);
    if (process.env.FUZZ_REPORT) writeFileSync(process.env.FUZZ_REPORT, `| ${name} | ${run.seconds.toFixed(1)} s | ${run.residentMb.toFixed(0)} MB | exit ${run.code} ${run.stderr.trim().slice(0, 80)} |\n`, { flag: 'a' });
    expect(run.stderr).not.toContain('unexpected error');
    expect([0, 1]).toContain(run.code);
    expect(run.seconds).toBeLessThanOrEqual(MAX_SECONDS);
    expect(run.residentMb).toBeLessThanOrEqual(MAX_RESIDENT_MB);
  }, 120_000);
});
