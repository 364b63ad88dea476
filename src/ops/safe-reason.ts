/** An address in any scheme (postgres://user:secret@host/db, https://…): where a store's password would be. */
const ADDRESS = /\b[a-z][a-z0-9+.-]*:\/\/\S+/gi;
/** libpq-style settings (password=…) and the like, which a driver may repeat in its message. */
const SECRET_SETTING = /\b(password|passwd|pwd|secret|token|api[_-]?key)\s*[=:]\s*[^\s)'",;]+/gi;
const MAX_CHARS = 200;

/**
 * An error's message as one short line that an HTTP response or a log may carry: no addresses, no
 * secrets, whatever the driver that threw put in it. /healthz can be reached by whoever reaches the port.
 */
export function safeReason(cause: unknown): string {
  const message = cause instanceof Error ? cause.message : String(cause);
  const line = (message.split('\n')[0] ?? '').trim().replace(ADDRESS, '<address>').replace(SECRET_SETTING, '$1=<hidden>');
  if (!line) return 'unknown error';
  return line.length > MAX_CHARS ? `${line.slice(0, MAX_CHARS - 1)}…` : line;
}
