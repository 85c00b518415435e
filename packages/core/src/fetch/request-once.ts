/**
 * One GET request to a vetted target, no redirects followed: connects only to the vetted
 * addresses, reads the body up to a byte cap, and stops when the signal aborts (the caller's
 * deadline). Redirect and 304 responses are returned without their body.
 */
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { createFetchError } from './create-fetch-error.js';
import type { VettedTarget } from './create-target-policy.js';

export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

export interface RequestOnceOptions {
  readonly headers: Readonly<Record<string, string>>;
  readonly maxBytes: number;
  /** Aborts the request; its `reason` is the error the request rejects with. */
  readonly signal: AbortSignal;
}

export interface HopResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Uint8Array;
}

/** A `lookup` for http.request that answers with the vetted addresses instead of asking DNS. */
const lookupVetted = (target: VettedTarget): LookupFunction => {
  const entries = target.addresses.map(({ address }) => ({
    address,
    family: isIP(address) === 6 ? 6 : 4,
  }));
  return (_hostname, options, callback) => {
    const [first] = entries;
    if (options.all === true) callback(null, entries);
    else if (first !== undefined) callback(null, first.address, first.family);
    else callback(Object.assign(new Error('no vetted address'), { code: 'ENOTFOUND' }), '', 0);
  };
};

const TLS_ERROR = /^(?:ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|EPROTO$)/;

const transportError = (target: VettedTarget, cause: unknown): Error => {
  const code = (cause as { code?: unknown } | null)?.code;
  const detail = cause instanceof Error ? cause.message : String(cause);
  const reason = typeof code === 'string' && TLS_ERROR.test(code) ? 'tls' : 'connection';
  return createFetchError(reason, { url: target.url.href, detail }, cause);
};

const skipsBody = (response: IncomingMessage, status: number): boolean =>
  status === 304 || (REDIRECT_STATUSES.has(status) && response.headers.location !== undefined);

export const requestOnce = (
  target: VettedTarget,
  options: RequestOnceOptions,
): Promise<HopResponse> =>
  new Promise<HopResponse>((resolve, reject) => {
    const { signal, maxBytes } = options;
    const url = target.url.href;
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      outcome();
    };
    const fail = (error: Error): void => {
      settle(() => {
        request.destroy();
        reject(error);
      });
    };
    const onAbort = (): void => {
      fail(signal.reason as Error);
    };
    const tooLarge = (): void => {
      fail(createFetchError('too-large', { url, maxBytes }));
    };

    if (signal.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const client = target.url.protocol === 'https:' ? https : http;
    const request = client.request({
      protocol: target.url.protocol,
      hostname: target.hostname,
      port: target.port,
      path: `${target.url.pathname}${target.url.search}`,
      method: 'GET',
      headers: options.headers,
      agent: false,
      lookup: lookupVetted(target),
    });
    signal.addEventListener('abort', onAbort, { once: true });
    request.on('error', (cause) => {
      fail(signal.aborted ? (signal.reason as Error) : transportError(target, cause));
    });
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      const { headers } = response;
      if (skipsBody(response, status)) {
        settle(() => {
          response.destroy();
          resolve({ status, headers, body: new Uint8Array(0) });
        });
        return;
      }
      const declared = Number(headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) {
        tooLarge();
        return;
      }
      const chunks: Buffer[] = [];
      let total = 0;
      response.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > maxBytes) tooLarge();
        else chunks.push(chunk);
      });
      response.on('end', () => {
        settle(() => {
          const body = new Uint8Array(total);
          let offset = 0;
          for (const chunk of chunks) {
            body.set(chunk, offset);
            offset += chunk.length;
          }
          resolve({ status, headers, body });
        });
      });
      response.on('error', (cause) => {
        fail(signal.aborted ? (signal.reason as Error) : transportError(target, cause));
      });
      response.on('close', () => {
        if (!response.complete) {
          fail(transportError(target, new Error('the response ended early')));
        }
      });
    });
    request.end();
  });
