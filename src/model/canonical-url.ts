/**
 * Query parameters that identify a campaign, a click or a share rather than the document.
 * Matched case-insensitively; entries ending in "_" are prefixes.
 */
const TRACKING_PARAMS = [
  'utm_', 'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid',
  'igshid', 'mc_cid', 'mc_eid', 'mkt_tok', '_ga', '_gl', '_hsenc', '_hsmi', 'hsctatracking', 'oly_anon_id', 'oly_enc_id',
  'vero_id', 'wickedid', 'rb_clickid', 's_cid', 'ncid', 'ocid', 'cmpid', 'smid', 'smtyp', 'sr_share', 'soc_src', 'soc_trk',
  'ito', 'at_medium', 'at_campaign', 'at_custom', 'ref_src', 'ref_url', 'spm', 'xtor', 'icid', 'cmp',
];

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.some((param) => (param.endsWith('_') ? lower.startsWith(param) : lower === param));
}

/**
 * The form of a URL used to recognise the same article: http(s) only, lower-case host, no default port,
 * no fragment, no tracking parameters. Returns undefined for anything that is not an absolute http(s) URL.
 */
export function canonicalUrl(raw: string, base?: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.hash = '';
  url.username = '';
  url.password = '';
  for (const name of [...url.searchParams.keys()]) {
    if (isTrackingParam(name)) url.searchParams.delete(name);
  }
  if (url.searchParams.size === 0) url.search = '';
  return url.toString();
}

/** Resolves a possibly relative link against a base; undefined when it cannot be read as a URL. */
export function resolveUrl(raw: string | undefined, base?: string): string | undefined {
  if (!raw) return undefined;
  const trimmed = raw.trim();
  if (!trimmed || /^(javascript|data|mailto|tel):/i.test(trimmed)) return undefined;
  try {
    return new URL(trimmed, base).toString();
  } catch {
    return undefined;
  }
}
