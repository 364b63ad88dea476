import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured logs go to stderr, so that stdout stays the output of whatever command is running. */
export function createLogger(env: NodeJS.ProcessEnv = process.env): Logger {
  return pino(
    {
      name: 'herald',
      level: env.HERALD_LOG_LEVEL ?? 'info',
      // Herald never logs its secrets on purpose; this catches a library error that carries them.
      redact: { paths: ['token', '*.token', 'apiKey', '*.apiKey', 'headers.authorization', '*.headers.authorization', '*.*.headers.authorization'], censor: '[redacted]' },
    },
    pino.destination(2),
  );
}
