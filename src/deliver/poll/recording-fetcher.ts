import type { FetchedResource, Fetcher } from '../../ingest/fetch/fetcher.ts';

/**
 * A fetcher that notes the response one URL got. Ingest reports the articles it stored, not whether the
 * source answered 304, nor how long the server said its answer stays fresh; the poller needs both.
 */
export function recordingFetcher(fetcher: Fetcher, url: string): { fetcher: Fetcher; response(): FetchedResource | undefined } {
  let recorded: FetchedResource | undefined;
  return {
    fetcher: {
      async fetch(requested, options) {
        const resource = await fetcher.fetch(requested, options);
        if (requested === url) recorded = resource;
        return resource;
      },
    },
    response: () => recorded,
  };
}
