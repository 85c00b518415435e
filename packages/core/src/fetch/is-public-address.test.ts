import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPublicAddress } from './is-public-address.js';

describe('isPublicAddress', () => {
  it('refuses loopback, private, link-local, CGNAT and other special IPv4 ranges', () => {
    for (const address of [
      '0.0.0.0',
      '0.1.2.3',
      '127.0.0.1',
      '127.255.255.254',
      '10.0.0.1',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.0.1',
      '169.254.169.254',
      '100.64.0.1',
      '100.127.255.255',
      '192.0.0.8',
      '192.0.2.1',
      '198.18.0.1',
      '198.51.100.7',
      '203.0.113.9',
      '224.0.0.251',
      '239.255.255.250',
      '240.0.0.1',
      '255.255.255.255',
    ]) {
      assert.equal(isPublicAddress(address), false, address);
    }
  });

  it('refuses special IPv6 ranges and IPv4-mapped, NAT64 and 6to4 forms of refused addresses', () => {
    for (const address of [
      '::',
      '::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '0:0:0:0:0:ffff:a9fe:a9fe',
      '::ffff:10.0.0.1',
      '64:ff9b::192.168.0.1',
      '2002:c0a8:0001::1',
      '::127.0.0.1',
      'fc00::1',
      'fd12:3456::1',
      'fe80::1',
      'fe80::1%eth0',
      'fec0::1',
      'ff02::1',
      '100::1',
      '2001:db8::1',
      '2001::1',
      '3fff::1',
      '5f00::1',
    ]) {
      assert.equal(isPublicAddress(address), false, address);
    }
  });

  it('accepts public IPv4 and global unicast IPv6 addresses', () => {
    for (const address of [
      '1.1.1.1',
      '8.8.8.8',
      '93.184.215.14',
      '172.32.0.1',
      '100.128.0.1',
      '192.169.0.1',
      '2606:4700:4700::1111',
      '2a00:1450:4001:80b::200e',
      '::ffff:8.8.8.8',
      '64:ff9b::8.8.8.8',
      '2002:0808:0808::1',
    ]) {
      assert.equal(isPublicAddress(address), true, address);
    }
  });

  it('refuses anything that is not an IP address', () => {
    for (const value of ['', 'localhost', 'example.org', '[::1]', '1.2.3', '::ffff:1.2.3.4.5']) {
      assert.equal(isPublicAddress(value), false, value);
    }
  });
});
