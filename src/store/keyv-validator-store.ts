import type { ValidatorStore } from '../ingest/fetch/fetcher.ts';
import type { Store } from './open-store.ts';

type Validators = { etag?: string; lastModified?: string };

/** How long a URL's ETag/Last-Modified are worth keeping after it was last fetched. */
const VALIDATOR_TTL_MS = 90 * 24 * 60 * 60 * 1000;

export function createKeyvValidatorStore(store: Store): ValidatorStore {
  const validators = store.collection<Validators>('http_validators');
  return {
    async get(url) {
      return validators.get(url);
    },
    async set(url, value) {
      await validators.set(url, value, VALIDATOR_TTL_MS);
    },
  };
}
