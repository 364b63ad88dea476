import { isIP } from 'node:net';
import { z } from 'zod';
import { InputError } from '../input-error.ts';

const opsEnvSchema = z
  .object({
    HERALD_HTTP_PORT: z
      .string()
      .regex(/^\d{1,5}$/, 'must be a port number from 0 to 65535')
      .transform(Number)
      .pipe(z.number().max(65_535, 'must be a port number from 0 to 65535'))
      .optional(),
    HERALD_HTTP_HOST: z
      .string()
      .refine((host) => isIP(host) !== 0, 'must be an IP address to listen on: 127.0.0.1 (this machine only, the default), or 0.0.0.0 or :: (every interface)')
      .optional(),
  })
  .refine((env) => env.HERALD_HTTP_HOST === undefined || env.HERALD_HTTP_PORT !== undefined, {
    path: ['HERALD_HTTP_HOST'],
    message: 'is set but HERALD_HTTP_PORT is not; set the port to serve /healthz and /metrics',
  });

export interface OpsEnv {
  port: number;
  host: string;
}

/**
 * Where to serve /healthz and /metrics: HERALD_HTTP_PORT (absent, no server) on HERALD_HTTP_HOST. Only this
 * machine can reach it unless HERALD_HTTP_HOST says otherwise, since both endpoints answer anyone who can
 * connect. The host must be an IP address: a name could resolve to a public one. Every mistake on one line.
 */
export function readOpsEnv(env: NodeJS.ProcessEnv): OpsEnv | undefined {
  const blankless = Object.fromEntries(['HERALD_HTTP_PORT', 'HERALD_HTTP_HOST'].flatMap((key) => (env[key]?.trim() ? [[key, env[key]!.trim()]] : [])));
  const parsed = opsEnvSchema.safeParse(blankless);
  if (!parsed.success) {
    throw new InputError(`environment: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
  }
  const { HERALD_HTTP_PORT: port, HERALD_HTTP_HOST: host } = parsed.data;
  return port === undefined ? undefined : { port, host: host ?? '127.0.0.1' };
}
