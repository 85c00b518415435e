/**
 * The guarded fetcher's POST, for the platform's outbound notifications (webhook deliveries):
 * the same SSRF policy as `createGuardedFetcher` (which only GETs). The host is resolved once,
 * every address is checked with `isPublicAddress`, and the request connects only to the checked
 * addresses (no second DNS lookup a name could be re-bound in). Redirects are never followed (a
 * 3xx is returned as it is), and there is one deadline for the whole attempt (10 s by default).
 * The body is text or bytes. The response body is read up to a small cap and dropped, unless the
 * request asks for it (`maxResponseBytes`: RFC 3161 time-stamp replies, remote signing answers);
 * then it is returned with its Content-Type, and a longer one fails as `too-large`.
 *
 * Loopback and private targets are refused unless `allowPrivateTargets` (on-premises receivers,
 * tests) or the host is listed in `allowHosts`. Plain http is accepted only for such targets;
 * public ones need https.
 */
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { lookupHost, type HostLookup, type ResolvedAddress } from './create-target-policy.js';
import { isPublicAddress } from './is-public-address.js';

export const GUARDED_POST_TIMEOUT_MS = 10_000;
const MAX_RESPONSE_BYTES = 64 * 1024;
const USER_AGENT = 'Akashi/0.1.0';

export interface GuardedPostRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Text is sent as UTF-8. */
  readonly body: string | Uint8Array;
  /** Keep the response body, up to this many bytes (default: read and drop it). */
  readonly maxResponseBytes?: number;
}

export interface GuardedPostResponse {
  readonly status: number;
  /** The response's Content-Type, when the request kept the body. */
  readonly contentType?: string | undefined;
  /** The response body, when the request asked for it (`maxResponseBytes`). */
  readonly body?: Uint8Array;
}

/** POSTs one delivery; resolves with any HTTP status, rejects with `GuardedPostError`. */
export type GuardedPost = (request: GuardedPostRequest) => Promise<GuardedPostResponse>;

export type GuardedPostFailure =
  'bad-url' | 'refused-address' | 'dns' | 'connection' | 'tls' | 'timeout' | 'too-large';

/** Why an attempt got no HTTP status; `message` is what the delivery log shows. */
export class GuardedPostError extends Error {
  override readonly name = 'GuardedPostError';
  readonly reason: GuardedPostFailure;

  constructor(reason: GuardedPostFailure, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.reason = reason;
  }
}

export interface GuardedPosterOptions {
  /** The deadline of one attempt, DNS and response included (default 10 s). */
  readonly timeoutMs?: number;
  /** Send to loopback and private addresses too, and over http to them (default false). */
  readonly allowPrivateTargets?: boolean;
  /** `host` or `host:port` entries allowed although private, as for the guarded fetcher. */
  readonly allowHosts?: readonly string[];
  /** Resolves host names (default: the core's `lookupHost`). */
  readonly lookup?: HostLookup;
}

const defaultPort = (url: URL): number => (url.protocol === 'https:' ? 443 : 80);

const lookupVetted =
  (addresses: readonly ResolvedAddress[]): LookupFunction =>
  (_hostname, options, callback) => {
    const entries = addresses.map(({ address, family }) => ({ address, family }));
    const [first] = entries;
    if (options.all === true) callback(null, entries);
    else if (first !== undefined) callback(null, first.address, first.family);
    else callback(Object.assign(new Error('no vetted address'), { code: 'ENOTFOUND' }), '', 0);
  };

const TLS_ERROR = /^(?:ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|EPROTO$)/;

/** Creates the POST used by the dispatcher; see the options for the address policy. */
export const createGuardedPoster = (options: GuardedPosterOptions = {}): GuardedPost => {
  const timeoutMs = options.timeoutMs ?? GUARDED_POST_TIMEOUT_MS;
  const allowPrivate = options.allowPrivateTargets === true;
  const allowHosts = new Set((options.allowHosts ?? []).map((entry) => entry.toLowerCase()));
  const lookup = options.lookup ?? lookupHost;

  const vet = async (url: URL): Promise<readonly ResolvedAddress[]> => {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new GuardedPostError('bad-url', `unsupported scheme ${url.protocol}`);
    }
    if (url.username !== '' || url.password !== '') {
      throw new GuardedPostError('bad-url', 'the URL carries credentials');
    }
    const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const listed =
      allowHosts.has(url.hostname) ||
      allowHosts.has(hostname) ||
      allowHosts.has(`${url.hostname}:${String(Number(url.port || defaultPort(url)))}`);
    const family = isIP(hostname);
    let addresses: readonly ResolvedAddress[];
    if (family !== 0) addresses = [{ address: hostname, family: family === 6 ? 6 : 4 }];
    else {
      try {
        addresses = await lookup(hostname);
      } catch (cause) {
        throw new GuardedPostError('dns', `cannot resolve ${hostname}`, cause);
      }
      if (addresses.length === 0) {
        throw new GuardedPostError('dns', `${hostname} has no address`);
      }
    }
    const everyPrivate = addresses.every(({ address }) => !isPublicAddress(address));
    if (!listed && !allowPrivate) {
      const bad = addresses.find(({ address }) => !isPublicAddress(address));
      if (bad !== undefined) {
        throw new GuardedPostError(
          'refused-address',
          `${hostname} is on a loopback or private address (${bad.address}); not allowed`,
        );
      }
    }
    if (url.protocol === 'http:' && !listed && !(allowPrivate && everyPrivate)) {
      throw new GuardedPostError('bad-url', 'plain http is only allowed to private targets');
    }
    return addresses;
  };

  const send = (
    url: URL,
    addresses: readonly ResolvedAddress[],
    request: GuardedPostRequest,
    signal: AbortSignal,
  ): Promise<GuardedPostResponse> =>
    new Promise<GuardedPostResponse>((resolve, reject) => {
      const body =
        typeof request.body === 'string'
          ? Buffer.from(request.body, 'utf8')
          : Buffer.from(request.body.buffer, request.body.byteOffset, request.body.byteLength);
      const client = url.protocol === 'https:' ? https : http;
      const outgoing = client.request({
        protocol: url.protocol,
        hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
        port: Number(url.port || defaultPort(url)),
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        headers: {
          'user-agent': USER_AGENT,
          ...request.headers,
          'content-length': String(body.length),
        },
        agent: false,
        lookup: lookupVetted(addresses),
        signal,
      });
      outgoing.on('error', (cause: Error & { code?: unknown }) => {
        if (signal.aborted) {
          reject(new GuardedPostError('timeout', `no answer within ${String(timeoutMs)} ms`));
          return;
        }
        const reason =
          typeof cause.code === 'string' && TLS_ERROR.test(cause.code) ? 'tls' : 'connection';
        reject(new GuardedPostError(reason, cause.message, cause));
      });
      outgoing.on('response', (response) => {
        const status = response.statusCode ?? 0;
        const keep = request.maxResponseBytes;
        const chunks: Buffer[] = [];
        let total = 0;
        let tooLarge = false;
        response.on('data', (chunk: Buffer) => {
          total += chunk.length;
          if (keep === undefined) {
            // The body is not needed: stop reading once it is larger than any useful answer.
            if (total > MAX_RESPONSE_BYTES) response.destroy();
            return;
          }
          if (total > keep) {
            tooLarge = true;
            response.destroy();
            return;
          }
          chunks.push(chunk);
        });
        const settle = (complete: boolean): void => {
          if (keep === undefined) {
            resolve({ status });
            return;
          }
          if (tooLarge) {
            reject(
              new GuardedPostError('too-large', `the answer is larger than ${String(keep)} bytes`),
            );
          } else if (!complete) {
            reject(new GuardedPostError('connection', 'the answer was cut off'));
          } else {
            resolve({
              status,
              contentType: response.headers['content-type'],
              body: new Uint8Array(Buffer.concat(chunks)),
            });
          }
        };
        response.on('close', () => {
          settle(response.complete);
        });
        response.on('error', () => {
          settle(false);
        });
      });
      outgoing.end(body);
    });

  return async (request) => {
    if (!URL.canParse(request.url)) {
      throw new GuardedPostError('bad-url', 'the URL cannot be parsed');
    }
    const url = new URL(request.url);
    const controller = new AbortController();
    const timer = setTimeout(() => {
      controller.abort();
    }, timeoutMs);
    try {
      const addresses = await Promise.race([
        vet(url),
        new Promise<never>((_resolve, reject) => {
          controller.signal.addEventListener('abort', () => {
            reject(new GuardedPostError('timeout', `no answer within ${String(timeoutMs)} ms`));
          });
        }),
      ]);
      return await send(url, addresses, request, controller.signal);
    } finally {
      clearTimeout(timer);
    }
  };
};
