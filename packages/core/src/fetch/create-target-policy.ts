/**
 * Vets one hop of a fetch before any connection: the scheme, the host, and every address the
 * host resolves to. The vetted addresses are what the request connects to (no second DNS
 * lookup, so a name cannot be re-bound to a private address between check and connect).
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { createFetchError } from './create-fetch-error.js';
import { isPublicAddress } from './is-public-address.js';

export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/** Resolves a host name to its addresses (all of them); rejects when it cannot. */
export type HostLookup = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export interface VettedTarget {
  readonly url: URL;
  /** The host name or IP literal (IPv6 without brackets), kept for Host and SNI. */
  readonly hostname: string;
  readonly port: number;
  /** The checked addresses the request must connect to. */
  readonly addresses: readonly ResolvedAddress[];
}

export interface TargetPolicyOptions {
  readonly allowHosts: readonly string[];
  readonly allowHttp: boolean;
  readonly lookup: HostLookup;
}

export interface TargetPolicy {
  readonly vet: (url: URL, signal: AbortSignal) => Promise<VettedTarget>;
}

/** The default `HostLookup`: node:dns `lookup` with `all: true`, in the resolver's order. */
export const lookupHost: HostLookup = async (hostname) => {
  const found = await dnsLookup(hostname, { all: true, verbatim: true });
  return found.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
};

const defaultPort = (url: URL): string => (url.protocol === 'https:' ? '443' : '80');

/** `host` or `host:port` (IPv6 in brackets, or bare without a port) → `hostname` / `port`. */
const parseAllowedHost = (entry: string): string => {
  const withBrackets = isIP(entry) === 6 ? `[${entry}]` : entry;
  const port = /^(?:\[[^\]]*\]|[^:]*):(\d{1,5})$/.exec(withBrackets)?.[1];
  if (!URL.canParse(`http://${withBrackets}/`)) {
    throw new TypeError(`"allowHosts" entries must be host or host:port; got ${entry}.`);
  }
  const { hostname } = new URL(`http://${withBrackets}/`);
  return port === undefined ? hostname : `${hostname}:${String(Number(port))}`;
};

/** Races `promise` against `signal`: rejects with the signal's reason when it aborts first. */
export const untilAborted = <T>(promise: Promise<T>, signal: AbortSignal): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      reject(signal.reason as Error);
    };
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });

export const createTargetPolicy = (options: TargetPolicyOptions): TargetPolicy => {
  const allowed = new Set(options.allowHosts.map(parseAllowedHost));
  const isAllowed = (url: URL): boolean =>
    allowed.has(url.hostname) || allowed.has(`${url.hostname}:${url.port || defaultPort(url)}`);

  const resolve = async (
    url: URL,
    hostname: string,
    signal: AbortSignal,
  ): Promise<readonly ResolvedAddress[]> => {
    const family = isIP(hostname);
    if (family !== 0) return [{ address: hostname, family: family === 6 ? 6 : 4 }];
    let addresses: readonly ResolvedAddress[];
    try {
      addresses = await untilAborted(options.lookup(hostname), signal);
    } catch (cause) {
      if (signal.aborted) throw cause;
      const detail = cause instanceof Error ? cause.message : String(cause);
      throw createFetchError('dns', { url: url.href, host: hostname, detail }, cause);
    }
    if (addresses.length === 0) {
      throw createFetchError('dns', { url: url.href, host: hostname, detail: 'no address' });
    }
    return addresses;
  };

  const vet = async (url: URL, signal: AbortSignal): Promise<VettedTarget> => {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw createFetchError('bad-url', { url: url.href, problem: 'scheme' });
    }
    if (url.username !== '' || url.password !== '') {
      throw createFetchError('bad-url', { url: url.href, problem: 'credentials' });
    }
    const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const trusted = isAllowed(url);
    const refuse = (address: string): Error =>
      createFetchError('refused-address', { url: url.href, host: hostname, address });
    // A literal address is judged before the scheme: the more telling reason.
    if (!trusted && isIP(hostname) !== 0 && !isPublicAddress(hostname)) throw refuse(hostname);
    if (url.protocol === 'http:' && !options.allowHttp && !trusted) {
      throw createFetchError('bad-url', { url: url.href, problem: 'insecure' });
    }
    const addresses = await resolve(url, hostname, signal);
    if (!trusted) {
      const bad = addresses.find(({ address }) => !isPublicAddress(address));
      if (bad !== undefined) throw refuse(bad.address);
    }
    return { url, hostname, port: Number(url.port || defaultPort(url)), addresses };
  };

  return { vet };
};
