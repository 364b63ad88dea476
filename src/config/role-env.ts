import { InputError } from '../input-error.ts';

/**
 * What a process does: a gateway answers slash commands on its shards; a worker polls sources and delivers
 * digests; `all` does both, as the single process of `npm start` always has.
 */
export type HeraldRole = 'gateway' | 'worker' | 'all';

const ROLES: readonly HeraldRole[] = ['gateway', 'worker', 'all'];

/** HERALD_ROLE, `all` when unset; anything else is refused in one line. */
export function readRole(env: NodeJS.ProcessEnv): HeraldRole {
  const value = env.HERALD_ROLE?.trim().toLowerCase();
  if (!value) return 'all';
  if ((ROLES as readonly string[]).includes(value)) return value as HeraldRole;
  throw new InputError(`environment: HERALD_ROLE must be gateway, worker or all (got "${value.slice(0, 40)}")`);
}
