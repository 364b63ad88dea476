import { describe, expect, it } from 'vitest';
import { networkFailureReason } from '../../src/ingest/fetch/network-failure-reason.ts';

const failure = (code: string, message = `${code} happened`): Error => Object.assign(new Error(message), { code });

describe('networkFailureReason', () => {
  it.each([
    [failure('ECONNREFUSED'), 'connection refused'],
    [failure('ECONNRESET'), 'connection reset by the server'],
    [failure('EAI_AGAIN'), 'DNS lookup failed (EAI_AGAIN)'],
    [failure('ENETUNREACH'), 'host unreachable (ENETUNREACH)'],
    [failure('HPE_HEADER_OVERFLOW'), 'malformed HTTP response (HPE_HEADER_OVERFLOW)'],
    [failure('CERT_HAS_EXPIRED', 'certificate has expired'), 'TLS error: certificate has expired (CERT_HAS_EXPIRED)'],
    [failure('ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames: Host: a. is not in the cert's altnames"), "TLS error: Hostname/IP does not match certificate's altnames: Host: a. is not in the cert's altnames (ERR_TLS_CERT_ALTNAME_INVALID)"],
    [failure('EPROTO', 'write EPROTO 80:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../ssl3_record.c:350:'), 'TLS error: wrong version number (EPROTO)'],
    [failure('EWEIRD', 'first line\nsecond line'), 'request failed: first line (EWEIRD)'],
    [new Error('no code at all'), 'request failed: no code at all'],
    ['a thrown string', 'request failed: a thrown string'],
  ])('describes %s', (error, reason) => {
    expect(networkFailureReason(error)).toBe(reason);
  });
});
