// @ts-check
/**
 * `npm run mutate`: Stryker changes the modules that carry Herald's promises one small mutation at a time and
 * runs the specs that cover each change; a mutant the specs still pass is a promise no test proves (README,
 * How we know). Incremental: a run reuses the verdicts of code and tests unchanged since the last one, kept in
 * reports/. `npx stryker run --mutate src/deliver/keyword-filter.ts` measures one module alone.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.config.ts', related: true },
  coverageAnalysis: 'perTest',
  mutate: [
    'src/deliver/delivery-journal.ts',
    'src/deliver/digest-scheduler.ts',
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
  // Only the code: the HTML fixtures under test/ are inputs, not sources to strip type checks from.
  disableTypeChecks: 'src/**/*.ts',
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['json', 'clear-text', 'progress'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // Two cores, shared: one mutant at a time per core.
  concurrency: 2,
  timeoutMS: 60_000,
  // The first run, every spec once with coverage, takes minutes on this machine.
  dryRunTimeoutMinutes: 30,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
