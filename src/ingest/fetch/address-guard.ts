import type { LookupAddress, LookupAllOptions } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** Resolves a hostname to every address it has, as dns.promises.lookup(hostname, { all: true }) does. */
export type ResolveAll = (hostname: string, options: LookupAllOptions) => Promise<LookupAddress[]>;

/**
 * Address ranges a fetch must never reach on its own: the machine itself, its networks, and cloud metadata.
 * Written out at each judgement rather than once at load (26 subnets, microseconds beside a DNS lookup):
 * `npm run mutate` cannot change what runs while a module loads, and this table is the guard's promise
 * (README, Mutation scores).
 */
function refusedRanges(): Array<[network: string, prefix: number, family: 'ipv4' | 'ipv6', reason: string]> {
  return [
    ['0.0.0.0', 8, 'ipv4', 'an unspecified address'],
    ['10.0.0.0', 8, 'ipv4', 'a private address'],
    ['100.64.0.0', 10, 'ipv4', 'a carrier-grade NAT address'],
    ['127.0.0.0', 8, 'ipv4', 'a loopback address'],
    ['169.254.0.0', 16, 'ipv4', 'a link-local or cloud metadata address'],
    ['172.16.0.0', 12, 'ipv4', 'a private address'],
    ['192.0.0.0', 24, 'ipv4', 'a reserved address'],
    ['192.0.2.0', 24, 'ipv4', 'a documentation address'],
    ['192.88.99.0', 24, 'ipv4', 'a reserved address'],
    ['192.168.0.0', 16, 'ipv4', 'a private address'],
    ['198.18.0.0', 15, 'ipv4', 'a benchmarking address'],
    ['198.51.100.0', 24, 'ipv4', 'a documentation address'],
    ['203.0.113.0', 24, 'ipv4', 'a documentation address'],
    ['224.0.0.0', 4, 'ipv4', 'a multicast address'],
    ['240.0.0.0', 4, 'ipv4', 'a reserved address'],
    ['::', 128, 'ipv6', 'an unspecified address'],
    ['::1', 128, 'ipv6', 'a loopback address'],
    ['64:ff9b:1::', 48, 'ipv6', 'a private address'],
    ['100::', 64, 'ipv6', 'a discard address'],
    ['2001::', 32, 'ipv6', 'a Teredo tunnel address'],
    ['2001:db8::', 32, 'ipv6', 'a documentation address'],
    ['3fff::', 20, 'ipv6', 'a documentation address'],
    ['fc00::', 7, 'ipv6', 'a private address'],
    ['fe80::', 10, 'ipv6', 'a link-local address'],
    ['fec0::', 10, 'ipv6', 'a private address'],
    ['ff00::', 8, 'ipv6', 'a multicast address'],
  ];
}

/**
 * Why an address must not be fetched, or undefined when it is public. IPv4 addresses carried inside IPv6
 * (mapped ::ffff:0:0/96, compatible ::/96, NAT64 64:ff9b::/96, 6to4 2002::/16) are judged as the IPv4
 * address they carry, since that is where the packets end up.
 */
export function blockedReason(address: string): string | undefined {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 0) return 'not an IP address';
  if (family === 4) return reasonFor(bare, 'ipv4');
  return reasonFor(bare, 'ipv6') ?? mapIfPresent(embeddedIpv4(bare), (ipv4) => reasonFor(ipv4, 'ipv4'));
}

/** Why a URL's hostname must not be fetched before any DNS lookup, or undefined when only its addresses can tell. */
export function refusedHostReason(hostname: string): string | undefined {
  // Cloud metadata services' names. Their addresses are refused anyway; the names are refused before any lookup.
  const metadataHosts = ['metadata', 'metadata.google.internal', 'metadata.goog', 'metadata.azure.internal', 'instance-data', 'instance-data.ec2.internal'];
  const name = hostname.toLowerCase().replace(/\.$/, '');
  if (metadataHosts.includes(name)) return 'a cloud metadata host';
  // ".internal" is reserved for private networks (ICANN, 2024) and is where cloud providers put their own services.
  if (name.endsWith('.internal')) return 'a private network host (.internal)';
  return isIP(name) ? mapIfPresent(blockedReason(name), (reason) => `${reason} (${name})`) : undefined;
}

/** Raised through the socket's lookup when a hostname resolves to an address the guard refuses. */
export class RefusedAddressError extends Error {
  constructor(readonly reason: string) {
    super(`refused: ${reason}`);
  }
}

/**
 * The private-address guard. `checkHost` judges a URL's hostname (names, and literal IPs, which never reach
 * a lookup); `lookupFor` gives the socket a lookup that refuses the connection when any address a name
 * resolves to is not public. Checking inside the socket's own lookup, rather than before the request,
 * means the addresses judged are the addresses connected to, which defeats DNS rebinding.
 */
export interface AddressGuard {
  /** Why this hostname is refused outright, or undefined. */
  checkHost(hostname: string): string | undefined;
  lookupFor(hostname: string): LookupFunction;
}

export function createAddressGuard(options: { allowHosts: readonly string[]; resolve: ResolveAll }): AddressGuard {
  const allowed = new Set(options.allowHosts.map(normalizeHost));
  return {
    checkHost: (hostname) => (allowed.has(normalizeHost(hostname)) ? undefined : refusedHostReason(hostname)),
    lookupFor(hostname) {
      const exempt = allowed.has(normalizeHost(hostname));
      return (host, lookupOptions, callback) => {
        const family = lookupOptions.family === 'IPv4' ? 4 : lookupOptions.family === 'IPv6' ? 6 : (lookupOptions.family ?? 0);
        const resolveOptions: LookupAllOptions = { all: true, family, ...(lookupOptions.hints === undefined ? {} : { hints: lookupOptions.hints }) };
        Promise.resolve()
          .then(() => options.resolve(host, resolveOptions))
          .then(
            (addresses) => {
              const refused = exempt ? undefined : addresses.find(({ address }) => !allowed.has(normalizeHost(address)) && blockedReason(address));
              const [first] = addresses;
              if (refused) callback(new RefusedAddressError(`resolves to ${blockedReason(refused.address)} (${refused.address})`), '', 0);
              else if (!first) callback(Object.assign(new Error(`${host} has no addresses`), { code: 'ENOTFOUND' }), '', 0);
              // net asks for every address when it races IPv4 against IPv6, and for one otherwise.
              else if (lookupOptions.all) (callback as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
              else callback(null, first.address, first.family);
            },
            (error: NodeJS.ErrnoException) => callback(error, '', 0),
          );
      };
    },
  };
}

/** Hostnames and addresses in one spelling: lower case, no brackets or trailing dot, IPs as the URL parser writes them. */
function normalizeHost(host: string): string {
  const bare = host.trim().toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  const family = isIP(bare);
  if (family === 0) return bare;
  return new URL(`http://${family === 6 ? `[${bare}]` : bare}/`).hostname.replace(/^\[|\]$/g, '');
}

function reasonFor(address: string, family: 'ipv4' | 'ipv6'): string | undefined {
  const range = refusedRanges().find(([network, prefix, rangeFamily]) => {
    const list = new BlockList();
    list.addSubnet(network, prefix, rangeFamily);
    return list.check(address, family);
  });
  return range?.[3];
}

function mapIfPresent<T, U>(value: T | undefined, map: (value: T) => U): U | undefined {
  return value === undefined ? undefined : map(value);
}

function embeddedIpv4(address: string): string | undefined {
  const groups = ipv6Groups(address);
  const [a, b, c, d, e, f, g, h] = groups;
  if (g === undefined || h === undefined) return undefined;
  const zeroPrefix = [a, b, c, d, e].every((group) => group === 0);
  const mapped = zeroPrefix && f === 0xffff;
  const compatible = zeroPrefix && f === 0;
  const nat64 = a === 0x64 && b === 0xff9b && [c, d, e, f].every((group) => group === 0);
  if (mapped || compatible || nat64) return dotted(g, h);
  if (a === 0x2002 && b !== undefined && c !== undefined) return dotted(b, c);
  return undefined;
}

/** The eight 16-bit groups of an IPv6 address (already validated by isIP), expanding "::" and a dotted IPv4 tail. */
function ipv6Groups(address: string): number[] {
  const withHexTail = address.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_match, a: string, b: string, c: string, d: string) =>
    [((Number(a) << 8) | Number(b)).toString(16), ((Number(c) << 8) | Number(d)).toString(16)].join(':'),
  );
  const [head = '', tail] = withHexTail.split('::');
  const parse = (part: string): number[] => (part ? part.split(':').map((group) => Number.parseInt(group, 16)) : []);
  const before = parse(head);
  const after = tail === undefined ? [] : parse(tail);
  return [...before, ...new Array<number>(8 - before.length - after.length).fill(0), ...after];
}

function dotted(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}
