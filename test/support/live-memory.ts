import v8 from 'node:v8';
import vm from 'node:vm';

v8.setFlagsFromString('--expose-gc');
/** The collector, reachable without starting Node with --expose-gc, so that measurements count live data only. */
export const collectGarbage = vm.runInNewContext('gc') as () => void;

/**
 * Live memory in bytes: V8's heap and the array buffers kept outside it (Buffers, and typed arrays such as the
 * search index's postings). Collected twice: an array buffer's memory is handed back by the collection after the
 * one that finds it dead.
 */
export function liveMemory(): { heapUsed: number; arrayBuffers: number } {
  collectGarbage();
  collectGarbage();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return { heapUsed, arrayBuffers };
}
