import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

/** Imports and re-exports of the repository's own modules that load code (`import type` loads nothing). */
const LOCAL_IMPORT = /^(?:import|export)\s+(?!type\s)[^;]*?from\s+'(\.{1,2}\/[^']+\.ts)'/gm;

/** The bytes of the repository's modules a spec loads, itself included, following static imports. */
function loadedBytes(file: string, seen = new Set<string>()): number {
  if (seen.has(file)) return 0;
  seen.add(file);
  let bytes = statSync(file).size;
  for (const [, specifier] of readFileSync(file, 'utf8').matchAll(LOCAL_IMPORT)) bytes += loadedBytes(resolve(dirname(file), specifier!), seen);
  return bytes;
}

/**
 * Spec files cheapest to load first. Stryker runs a mutant's covering specs one after another and stops at the
 * first failure, while vitest's own order puts the largest and slowest first: a scheduler's mutant covered by
 * the digest composer's spec too loaded the composer's (newsroom, compromise, discord.js: seconds of imports)
 * before the scheduler's own spec, which kills most of them in a second. What a spec loads stands in for its
 * cost, not its own size: the composer's spec is the smaller file, and loads three times what the scheduler's does.
 */
class CheapestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cost = new Map(files.map((spec) => [spec, loadedBytes(spec.moduleId)]));
    return [...files].sort((a, b) => cost.get(a)! - cost.get(b)!);
  }
}

/**
 * `npm run mutate`'s vitest (stryker.config.mjs): the suite's own settings, in a fixed order that is cheapest first.
 * A mutant that keeps a scheduler from stopping hangs the spec's afterEach; failing that hook at 5 s here counts the
 * mutant as killed in the worker Stryker keeps, where Stryker's own timeout (10 s past the tests' time) would start
 * a new worker (vitest and every import again: seconds on this machine). The specs' hooks take milliseconds.
 */
export default mergeConfig(base, defineConfig({ test: { sequence: { shuffle: false, sequencer: CheapestFirst }, hookTimeout: 5_000 } }));
