import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** `npm start` as a real child process: what it logs, and how it ends. */
export interface HeraldProcess {
  child: ChildProcess;
  /** Resolves once a log line (stderr) contains the text; rejects if the process exits first. */
  logged(text: string): Promise<void>;
  /** Every log line so far. */
  output(): string;
  exited: Promise<number | null>;
  /** SIGTERM, and the exit code. */
  stop(): Promise<number | null>;
  /** Where it serves /healthz and /metrics, once it has said so (started with HERALD_HTTP_PORT). */
  opsUrl(): Promise<string>;
}

const started: HeraldProcess[] = [];

/** Starts Herald's `src/main.ts` (or, given `built`, its one-file build) with this environment added to the test's own. */
export function startHerald(env: NodeJS.ProcessEnv, options: { built?: string } = {}): HeraldProcess {
  const entry = options.built ? [options.built] : ['--import', 'tsx', 'src/main.ts'];
  const child = spawn(process.execPath, entry, { cwd: ROOT, env: { ...process.env, HERALD_LOG_LEVEL: 'info', ...env } });
  let stderr = '';
  const waiters: Array<{ text: string; resolve: () => void; reject: (error: Error) => void }> = [];
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  child.stdout!.resume();
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const waiter of waiters.splice(0)) {
      if (stderr.includes(waiter.text)) waiter.resolve();
      else waiters.push(waiter);
    }
  });
  void exited.then((code) => {
    for (const waiter of waiters.splice(0)) waiter.reject(new Error(`herald exited with ${code} before logging ${waiter.text}:\n${stderr.slice(-2_000)}`));
  });
  const herald: HeraldProcess = {
    child,
    logged: (text) => (stderr.includes(text) ? Promise.resolve() : new Promise((resolve, reject) => waiters.push({ text, resolve, reject }))),
    output: () => stderr,
    exited,
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
    async opsUrl() {
      await herald.logged('"serving /healthz and /metrics"');
      const line = stderr.split('\n').find((candidate) => candidate.includes('"serving /healthz and /metrics"'))!;
      return (JSON.parse(line) as { url: string }).url;
    },
  };
  started.push(herald);
  return herald;
}

/** Kills whatever a test left running: no child outlives its test file. */
export async function killAllHerald(): Promise<void> {
  for (const herald of started.splice(0)) {
    if (herald.child.exitCode === null && herald.child.signalCode === null) herald.child.kill('SIGKILL');
    await herald.exited;
  }
}

/** The environment that starts a Herald child with its clock at `at`, running on at the real pace (see shifted-clock.mjs). */
export function clockAt(at: Date): NodeJS.ProcessEnv {
  const preload = new URL('./shifted-clock.mjs', import.meta.url).href;
  return { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${preload}`.trim(), HERALD_TEST_CLOCK_AT: at.toISOString() };
}
