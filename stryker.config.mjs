// @ts-check
/**
 * `npm run mutate`: Stryker changes the modules that carry Herald's promises one small mutation at a time and
 * runs the specs that cover each change; a mutant the specs still pass is a promise no test proves (README,
 * How we know). Incremental: a run reuses the verdicts of code and tests unchanged since the last one, kept in
 * reports/. `npx stryker run --mutate src/deliver/keyword-filter.ts` measures one module alone.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
// The specs run on the embedded engine alone: no engine is mutated, the PostgreSQL runs would double the time of
// the scheduler's and the journal's specs, and a mutant that crashes the runner would leave their databases behind.
process.env.HERALD_TEST_POSTGRES = 'off';

export default {
  testRunner: 'vitest',
  // Not `related`: that runs every spec importing a mutated module, which for the fetcher and the message
  // payloads is most of the suite (an estimated 1 h 35 min for the address guard alone). Each module's own
  // specs instead, and perTest coverage runs a mutant against only the tests that reach it, in the specs'
  // order of size (vitest.mutate.config.ts), so that the scheduler's heavy spec is loaded only for a mutant
  // the module's own spec left alive.
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  coverageAnalysis: 'perTest',
  testFiles: [
    'test/deliver/delivery-journal.test.ts',
    'test/deliver/digest-scheduler.test.ts',
    'test/deliver/digest-composer.test.ts',
    'test/deliver/slot-names.test.ts',
    'test/deliver/local-slots.test.ts',
    'test/deliver/schedule-time.test.ts',
    'test/fetch/address-guard.test.ts',
    'test/fetch/http-fetcher.test.ts',
    'test/fetch/http-fetcher-status.test.ts',
    'test/discord/render/safe-text.test.ts',
    'test/discord/message-guard.test.ts',
    'test/discord/guild-access.test.ts',
    'test/deliver/keyword-filter.test.ts',
    'test/deliver/poll/poll-timing.test.ts',
  ],
  mutate: [
    'src/deliver/delivery-journal.ts',
    'src/deliver/digest-scheduler.ts',
    'src/deliver/digest-composer.ts',
    'src/deliver/slot-names.ts',
    'src/deliver/local-slots.ts',
    'src/deliver/schedule-time.ts',
    'src/ingest/fetch/address-guard.ts',
    'src/ingest/fetch/http-fetcher.ts',
    'src/discord/render/safe-text.ts',
    'src/discord/render/message-payload.ts',
    'src/discord/message-guard.ts',
    'src/discord/guild-access.ts',
    'src/deliver/keyword-filter.ts',
    'src/deliver/poll/poll-timing.ts',
  ],
  // Static mutants (module-level code, run while a module loads) cannot be killed with `testFiles` in Stryker
  // 9.6.1: it activates them only once the module has loaded (stryker-js#6144), and runs every spec file for
  // each. The promises' tables are read at call time instead (address-guard.ts); the rest are listed, and why
  // they are left, in README, Mutation scores.
  ignoreStatic: true,
  // Only the code: the HTML fixtures under test/ are inputs, not sources to strip type checks from.
  disableTypeChecks: 'src/**/*.ts',
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['json', 'clear-text', 'progress'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // Two cores, shared: one mutant at a time per core.
  concurrency: 2,
  // A mutant that stops a wait from ending (the fetcher's deadlines, the scheduler's sweeps) is a timeout, counted
  // as detected; past its tests' own time, 10 s more tells such a hang from a slow machine.
  timeoutMS: 10_000,
  // The first run, every spec once with coverage, takes minutes on this machine.
  dryRunTimeoutMinutes: 30,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
