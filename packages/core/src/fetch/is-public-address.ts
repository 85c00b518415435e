/**
 * The address policy against SSRF: which IP addresses the guarded fetcher may connect to.
 * IPv4: everything except the special-purpose ranges (IANA IPv4 Special-Purpose Address
 * Registry). IPv6: only global unicast (2000::/3) minus its special-purpose parts; the forms
 * that embed an IPv4 address (IPv4-mapped, NAT64, 6to4) are judged by the embedded address.
 */
import { BlockList, isIPv4, isIPv6 } from 'node:net';

const REFUSED_IPV4: readonly (readonly [string, number])[] = [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8], // private (RFC 1918)
  ['100.64.0.0', 10], // shared address space, CGNAT (RFC 6598)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12], // private (RFC 1918)
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation (TEST-NET-1)
  ['192.88.99.0', 24], // 6to4 relay anycast (deprecated)
  ['192.168.0.0', 16], // private (RFC 1918)
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation (TEST-NET-2)
  ['203.0.113.0', 24], // documentation (TEST-NET-3)
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and 255.255.255.255 broadcast
];

/** Inside global unicast 2000::/3, the parts that are not globally reachable. */
const REFUSED_IPV6_GLOBAL: readonly (readonly [string, number])[] = [
  ['2001::', 23], // IETF protocol assignments (Teredo, benchmarking, ORCHID)
  ['2001:db8::', 32], // documentation
  ['3fff::', 20], // documentation (RFC 9637)
];

const refusedIpv4 = new BlockList();
for (const [network, prefix] of REFUSED_IPV4) refusedIpv4.addSubnet(network, prefix, 'ipv4');
const globalUnicast = new BlockList();
globalUnicast.addSubnet('2000::', 3, 'ipv6');
const refusedIpv6 = new BlockList();
for (const [network, prefix] of REFUSED_IPV6_GLOBAL) refusedIpv6.addSubnet(network, prefix, 'ipv6');

/** The eight 16-bit groups of an IPv6 address (dotted IPv4 tail allowed), or undefined. */
const parseIpv6Groups = (address: string): number[] | undefined => {
  let text = address;
  const lastColon = text.lastIndexOf(':');
  const dotted = text.slice(lastColon + 1);
  if (dotted.includes('.')) {
    if (!isIPv4(dotted)) return undefined;
    const [a = 0, b = 0, c = 0, d = 0] = dotted.split('.').map(Number);
    const high = ((a << 8) | b).toString(16);
    const low = ((c << 8) | d).toString(16);
    text = `${text.slice(0, lastColon + 1)}${high}:${low}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const toGroups = (part: string | undefined): number[] =>
    part === undefined || part === '' ? [] : part.split(':').map((group) => parseInt(group, 16));
  const head = toGroups(halves[0]);
  const rest = toGroups(halves[1]);
  const missing = 8 - head.length - rest.length;
  if (halves.length === 2 && missing < 1) return undefined;
  const groups =
    halves.length === 2 ? [...head, ...new Array<number>(missing).fill(0), ...rest] : head;
  if (groups.length !== 8 || groups.some((group) => !(group >= 0 && group <= 0xffff))) {
    return undefined;
  }
  return groups;
};

const ipv4FromGroups = (high: number, low: number): string =>
  `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;

/** The IPv4 address embedded in an IPv4-mapped, NAT64 (64:ff9b::/96) or 6to4 address. */
const embeddedIpv4 = (groups: readonly number[]): string | undefined => {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0xffff) {
    return ipv4FromGroups(g6, g7); // ::ffff:0:0/96
  }
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) {
    return ipv4FromGroups(g6, g7); // 64:ff9b::/96
  }
  if (g0 === 0x2002) return ipv4FromGroups(g1, g2); // 2002::/16
  return undefined;
};

/**
 * Whether the guarded fetcher may connect to `address` (an IPv4 or IPv6 literal, without
 * brackets) by default: false for loopback, private, link-local, CGNAT, unspecified, multicast,
 * broadcast, reserved and documentation addresses, their IPv4-mapped forms, scoped IPv6
 * addresses (`fe80::1%eth0`) and anything that is not an IP address.
 */
export const isPublicAddress = (address: string): boolean => {
  if (isIPv4(address)) return !refusedIpv4.check(address, 'ipv4');
  if (!isIPv6(address) || address.includes('%')) return false;
  const groups = parseIpv6Groups(address);
  if (groups === undefined) return false;
  const ipv4 = embeddedIpv4(groups);
  if (ipv4 !== undefined) return isPublicAddress(ipv4);
  return globalUnicast.check(address, 'ipv6') && !refusedIpv6.check(address, 'ipv6');
};
