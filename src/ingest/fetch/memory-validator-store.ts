import type { ValidatorStore } from './fetcher.ts';

/** Validators kept for the life of the process: for tests, and for one-off commands that store nothing. */
export function createMemoryValidatorStore(): ValidatorStore {
  const validators = new Map<string, { etag?: string; lastModified?: string }>();
  return {
    async get(url) {
      const found = validators.get(url);
      return found && { ...found };
    },
    async set(url, value) {
      validators.set(url, { ...value });
    },
  };
}
