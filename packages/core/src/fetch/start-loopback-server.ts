/**
 * Test support: an HTTP server on 127.0.0.1 standing in for a remote issuer, recording the
 * requests it receives. Tests reach it through `allowHosts`.
 */
import { createServer, type IncomingHttpHeaders, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AkashiError } from '../errors/akashi-error.js';

export interface SeenRequest {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly headers: IncomingHttpHeaders;
}

export interface LoopbackServer {
  readonly port: number;
  /** `127.0.0.1:<port>`, the `allowHosts` entry for this server. */
  readonly host: string;
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** Every request received, in order. */
  readonly seen: SeenRequest[];
  readonly close: () => Promise<void>;
}

export const startLoopbackServer = async (listener: RequestListener): Promise<LoopbackServer> => {
  const seen: SeenRequest[] = [];
  const server = createServer((request, response) => {
    seen.push({ method: request.method, url: request.url, headers: request.headers });
    response.on('error', () => undefined);
    listener(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    host: `127.0.0.1:${port}`,
    origin: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
};

/** The `details` of an `ERR_FETCH_FAILED` rejection; anything else fails the test. */
export const failureOf = async (
  promise: Promise<unknown>,
): Promise<Readonly<Record<string, unknown>>> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AkashiError && error.code === 'ERR_FETCH_FAILED') {
      return error.details ?? {};
    }
    throw error;
  }
  throw new Error('expected ERR_FETCH_FAILED, but the fetch succeeded');
};
