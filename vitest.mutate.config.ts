import { statSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

/**
 * Spec files smallest first. Stryker runs a mutant's covering specs one after another and stops at the first
 * failure, while vitest's own order puts the largest and slowest first: a keyword filter's mutant covered by
 * the digest scheduler's spec too loaded the scheduler's (newsroom, compromise, discord.js: seconds of imports)
 * before the filter's own spec, which kills it in milliseconds. Size stands in for cost: the specs a mutant
 * reaches are the module's own and the few larger ones that use it.
 */
class SmallestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const size = (spec: TestSpecification): number => statSync(spec.moduleId).size;
    return [...files].sort((a, b) => size(a) - size(b));
  }
}

/** `npm run mutate`'s vitest (stryker.config.mjs): the suite's own settings, in a fixed order that is cheapest first. */
export default mergeConfig(base, defineConfig({ test: { sequence: { shuffle: false, sequencer: SmallestFirst } } }));
