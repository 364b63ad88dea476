import { configDefaults, defineConfig } from 'vitest/config';

/**
 * `npm test` runs every test but the soak runs (`*.soak.test.ts`: a simulated week, the poller over a simulated
 * day of 2,000 sources, an interaction storm), which take minutes each; `npm run soak` runs those alone, and
 * .ci/run runs both.
 */
const soak = process.env.HERALD_SOAK === '1';

export default defineConfig({
  test: {
    include: [soak ? 'test/**/*.soak.test.ts' : 'test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...(soak ? [] : ['test/**/*.soak.test.ts'])],
    globalSetup: ['test/support/postgres-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
