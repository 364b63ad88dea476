import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * `npm test` runs every test but the soak runs (`*.soak.test.ts`: a simulated week, the poller over a simulated
 * day of 2,000 sources, an interaction storm), which take minutes each; `npm run soak` runs those alone, and
 * .ci/run runs both.
 */
const soak = process.env.HERALD_SOAK === '1';
/**
 * Most specs wait (on child processes, sockets, timeouts) more than they compute, so two files at once on two
 * cores (vitest's default is one fewer than the cores) halves the run; the soak runs measure time and memory,
 * and go one at a time.
 */
const maxWorkers = soak ? 1 : Math.max(2, availableParallelism() - 1);
/**
 * HERALD_TEST_SHUFFLE=all (set by .ci/run) runs the spec files in a random order and the tests in each too, so that
 * a test leaning on another's leftovers fails; =files shuffles the files only. vitest prints the order's seed
 * ("Running tests with seed …") and HERALD_TEST_SEED=that-seed runs the same order again.
 */
const shuffleLevel = process.env.HERALD_TEST_SHUFFLE;
const shuffle = shuffleLevel === 'files' || shuffleLevel === 'all' ? { files: true, tests: shuffleLevel === 'all' } : false;
const seed = Number(process.env.HERALD_TEST_SEED) || undefined;

export default defineConfig({
  test: {
    include: [soak ? 'test/**/*.soak.test.ts' : 'test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...(soak ? [] : ['test/**/*.soak.test.ts'])],
    maxWorkers,
    sequence: { shuffle, ...(seed ? { seed } : {}) },
    globalSetup: ['test/support/postgres-setup.ts'],
    setupFiles: ['test/support/fuzz-seed.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
