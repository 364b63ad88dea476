import type { LookupAddress, LookupAllOptions, LookupOptions } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { blockedReason, createAddressGuard, RefusedAddressError, refusedHostReason } from '../../src/ingest/fetch/address-guard.ts';

describe('blockedReason', () => {
  it.each([
    ['127.0.0.1', 'a loopback address'],
    ['127.255.255.254', 'a loopback address'],
    ['0.0.0.0', 'an unspecified address'],
    ['10.0.0.5', 'a private address'],
    ['172.16.0.1', 'a private address'],
    ['172.31.255.255', 'a private address'],
    ['192.168.1.1', 'a private address'],
    ['100.64.0.1', 'a carrier-grade NAT address'],
    ['100.100.100.200', 'a carrier-grade NAT address'],
    ['169.254.169.254', 'a link-local or cloud metadata address'],
    ['192.0.0.192', 'a reserved address'],
    ['224.0.0.1', 'a multicast address'],
    ['255.255.255.255', 'a reserved address'],
    ['::1', 'a loopback address'],
    ['::', 'an unspecified address'],
    ['fd00:ec2::254', 'a private address'],
    ['fe80::1', 'a link-local address'],
    ['ff02::1', 'a multicast address'],
    ['192.0.2.1', 'a documentation address'],
    ['192.88.99.1', 'a reserved address'],
    ['198.18.0.1', 'a benchmarking address'],
    ['198.51.100.1', 'a documentation address'],
    ['203.0.113.1', 'a documentation address'],
    ['64:ff9b:1::1', 'a private address'],
    ['100::1', 'a discard address'],
    ['2001:db8::1', 'a documentation address'],
    ['3fff::1', 'a documentation address'],
    ['fec0::1', 'a private address'],
    ['64:ff9b::10.10.10.10', 'a private address'],
    ['::ffff:127.0.0.1', 'a loopback address'],
    ['::ffff:7f00:1', 'a loopback address'],
    ['::ffff:a9fe:a9fe', 'a link-local or cloud metadata address'],
    ['::127.0.0.1', 'a loopback address'],
    ['64:ff9b::10.0.0.1', 'a private address'],
    ['64:ff9b::a9fe:a9fe', 'a link-local or cloud metadata address'],
    ['2002:7f00:1::', 'a loopback address'],
    ['2002:c0a8:101::1', 'a private address'],
    ['2001:0:4136:e378::1', 'a Teredo tunnel address'],
    ['[::1]', 'a loopback address'],
    ['fe80::1%eth0', 'a link-local address'],
  ])('refuses %s as %s', (address, reason) => {
    expect(blockedReason(address)).toBe(reason);
  });

  it.each(['93.184.215.14', '1.1.1.1', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '2a00:1450:4009:81f::200e', '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1'])(
    'lets the public address %s through',
    (address) => {
      expect(blockedReason(address)).toBeUndefined();
    },
  );

  // Each spells 127.0.0.1 or 10.0.0.1 in its low bits, in no form that carries IPv4 (mapped, compatible, NAT64, 6to4).
  it.each(['::1:7f00:1', '1::ffff:7f00:1', '2606:4700::7f00:1', '64:ff9b:0:1::7f00:1', '2606:ff9b::7f00:1', '64:1::7f00:1', '2606:a00:1::1'])(
    'reads no IPv4 address into %s',
    (address) => {
      expect(blockedReason(address)).toBeUndefined();
    },
  );

  it('reads an IPv6 address written out in full', () => {
    expect(blockedReason('2a00:1450:4009:81f:0:0:0:200e')).toBeUndefined();
    expect(blockedReason('fe80:0:0:0:0:0:0:1')).toBe('a link-local address');
  });

  it('refuses what is not an address at all', () => {
    expect(blockedReason('example.com')).toBe('not an IP address');
  });
});

describe('refusedHostReason', () => {
  it.each([
    ['metadata.google.internal', 'a cloud metadata host'],
    ['METADATA.google.internal.', 'a cloud metadata host'],
    ['metadata', 'a cloud metadata host'],
    ['metadata.goog', 'a cloud metadata host'],
    ['metadata.azure.internal', 'a cloud metadata host'],
    ['instance-data', 'a cloud metadata host'],
    ['instance-data.ec2.internal', 'a cloud metadata host'],
    ['build-runner.corp.internal', 'a private network host (.internal)'],
    ['169.254.169.254', 'a link-local or cloud metadata address (169.254.169.254)'],
  ])('refuses %s by name', (hostname, reason) => {
    expect(refusedHostReason(hostname)).toBe(reason);
  });

  it('leaves ordinary hostnames to be judged by the addresses they resolve to', () => {
    expect(refusedHostReason('localhost')).toBeUndefined();
    expect(refusedHostReason('www.bbc.co.uk')).toBeUndefined();
  });
});

describe('createAddressGuard', () => {
  /** A DNS that answers every name with these addresses, and keeps what it was asked. */
  function dns(addresses: LookupAddress[]) {
    const asked: LookupAllOptions[] = [];
    return { asked, resolve: async (_hostname: string, options: LookupAllOptions) => (asked.push(options), addresses) };
  }

  /** What the socket's lookup calls back with. */
  function lookUp(guard: ReturnType<typeof createAddressGuard>, hostname: string, options: LookupOptions = {}) {
    return new Promise<{ error: NodeJS.ErrnoException | null; address: unknown; family: number | undefined }>((resolve) => {
      guard.lookupFor(hostname)(hostname, options, (error: NodeJS.ErrnoException | null, address: unknown, family?: number) => resolve({ error, address, family }));
    });
  }

  const PUBLIC = [{ address: '93.184.215.14', family: 4 }, { address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c', family: 6 }];

  it('gives the socket the first address when it asks for one, and every address when it asks for all', async () => {
    const guard = createAddressGuard({ allowHosts: [], resolve: dns(PUBLIC).resolve });
    expect(await lookUp(guard, 'news.example')).toEqual({ error: null, address: '93.184.215.14', family: 4 });
    expect(await lookUp(guard, 'news.example', { all: true })).toEqual({ error: null, address: PUBLIC, family: undefined });
  });

  it('asks DNS for every address of the family the socket wants, with its hints', async () => {
    const { asked, resolve } = dns(PUBLIC);
    const guard = createAddressGuard({ allowHosts: [], resolve });
    await lookUp(guard, 'news.example', { family: 'IPv4' });
    await lookUp(guard, 'news.example', { family: 'IPv6', hints: 32 });
    await lookUp(guard, 'news.example', { family: 6 });
    await lookUp(guard, 'news.example');
    expect(asked).toEqual([{ all: true, family: 4 }, { all: true, family: 6, hints: 32 }, { all: true, family: 6 }, { all: true, family: 0 }]);
  });

  it('refuses a name any of whose addresses is private, naming it', async () => {
    const guard = createAddressGuard({ allowHosts: [], resolve: dns([PUBLIC[0]!, { address: '127.0.0.1', family: 4 }]).resolve });
    const { error } = await lookUp(guard, 'rebind.example');
    expect(error).toBeInstanceOf(RefusedAddressError);
    expect(error?.message).toBe('refused: resolves to a loopback address (127.0.0.1)');
  });

  it('fails as DNS does for a name with no addresses', async () => {
    const guard = createAddressGuard({ allowHosts: [], resolve: dns([]).resolve });
    const { error } = await lookUp(guard, 'empty.example');
    expect(error?.message).toBe('empty.example has no addresses');
    expect(error?.code).toBe('ENOTFOUND');
  });

  it('lets through the hosts and addresses it is told to allow, however they are spelled', async () => {
    const guard = createAddressGuard({ allowHosts: [' Metadata.Google.Internal ', '[0:0:0:0:0:0:0:1]'], resolve: dns([{ address: '::1', family: 6 }]).resolve });
    expect(guard.checkHost('metadata.google.internal.')).toBeUndefined();
    expect((await lookUp(guard, 'loopback.example')).error).toBeNull();
    expect(guard.checkHost('metadata')).toBe('a cloud metadata host');
  });
});
