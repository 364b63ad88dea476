import { openNewsroom } from '../brief/open-newsroom.ts';
import type { Newsroom } from '../brief/newsroom.ts';
import { loadConfig } from '../config/load-config.ts';
import { openRuntime, type Runtime } from '../runtime.ts';
import type { CliIo } from './cli-command.ts';

/** Opens the configured store and a newsroom over it for one command, and closes the store whatever happens. */
export async function withNewsroom<T>(io: CliIo, use: (newsroom: Newsroom, runtime: Runtime) => Promise<T>): Promise<T> {
  const runtime = await openRuntime(await loadConfig(io.env), { now: io.now });
  try {
    return await use(await openNewsroom(runtime, { env: io.env, now: io.now }), runtime);
  } finally {
    await runtime.close();
  }
}
