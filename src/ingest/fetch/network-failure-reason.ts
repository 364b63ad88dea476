/** One line naming what went wrong below HTTP: connecting, DNS, TLS, or a response Node could not parse. */
export function networkFailureReason(error: unknown): string {
  const code = String((error as NodeJS.ErrnoException | undefined)?.code ?? '');
  const message = firstLine(error);
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'connection reset by the server';
    case 'ENOTFOUND':
    case 'ENODATA':
    case 'EAI_AGAIN':
    case 'EAI_FAIL':
    case 'EAI_NONAME':
      return `DNS lookup failed (${code})`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `host unreachable (${code})`;
    case 'ETIMEDOUT':
      return 'connection timed out';
  }
  if (code.startsWith('HPE_')) return `malformed HTTP response (${code})`;
  // OpenSSL's own codes (CERT_HAS_EXPIRED, DEPTH_ZERO_SELF_SIGNED_CERT…) and Node's; EPROTO is what an https request to a plain-http port gets.
  if (code === 'EPROTO' || /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|HOSTNAME_MISMATCH)/.test(code)) return `TLS error: ${openSslReason(message)} (${code})`;
  return code ? `request failed: ${message} (${code})` : `request failed: ${message}`;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.trim() || 'unknown error';
}

/** OpenSSL's "…:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:file.c:350:" comes down to its reason. */
function openSslReason(message: string): string {
  return /:error:[0-9A-F]+:[^:]*:[^:]*:([^:]+):/.exec(message)?.[1] ?? message;
}
