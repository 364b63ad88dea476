/** `f`: date and time in the reader's own time zone; `R`: relative, "3 hours ago". */
export type TimestampStyle = 'f' | 'R';

/** Discord's `<t:…>` markup, which each reader sees in their own time zone; undefined for a time that does not parse. */
export function discordTimestamp(iso: string | undefined, style: TimestampStyle): string | undefined {
  const ms = iso === undefined ? Number.NaN : Date.parse(iso);
  return Number.isNaN(ms) ? undefined : `<t:${Math.floor(ms / 1000)}:${style}>`;
}

/** A time as an embed's `timestamp` takes it (Discord refuses anything but ISO 8601); undefined when it does not parse. */
export function embedTimestamp(iso: string | undefined): string | undefined {
  const ms = iso === undefined ? Number.NaN : Date.parse(iso);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
