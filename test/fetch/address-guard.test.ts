import { describe, expect, it } from 'vitest';
import { blockedReason, refusedHostReason } from '../../src/ingest/fetch/address-guard.ts';

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

  it('refuses what is not an address at all', () => {
    expect(blockedReason('example.com')).toBe('not an IP address');
  });
});

describe('refusedHostReason', () => {
  it.each([
    ['metadata.google.internal', 'a cloud metadata host'],
    ['METADATA.google.internal.', 'a cloud metadata host'],
    ['metadata', 'a cloud metadata host'],
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
