import fc from 'fast-check';

/**
 * FUZZ_SEED pins every property's inputs, so that a run can be repeated: .ci/run sets it, since a red CI stops
 * everything from landing, while `npm run fuzz` without it tries new inputs each time (a failure prints its seed).
 */
const seed = Number(process.env.FUZZ_SEED);
if (process.env.FUZZ_SEED && Number.isInteger(seed)) fc.configureGlobal({ seed });
