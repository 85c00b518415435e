/**
 * Keeps an interop test process off the network. Third-party verifiers reach out on their own
 * (schemas, issuer registries, status lists), so this module:
 * - replaces `globalThis.fetch` with a table of canned JSON responses; any other URL is
 *   refused (recorded in `refused`, then rejected the way undici rejects an unreachable host);
 * - makes every TCP/TLS connection attempt throw (`net.Socket.prototype.connect`), as a
 *   backstop for code that bypasses `fetch` (node:http, an undici dispatcher).
 * Each test file runs in its own process under `node --test`, so the patch stays in that file.
 */
import net from 'node:net';

export interface OfflineNetwork {
  /** URLs served from the table, in order. */
  readonly served: string[];
  /** URLs a library tried to fetch that are not in the table. */
  readonly refused: string[];
  /** Adds or replaces a canned response. */
  serve(url: string, body: unknown): void;
}

const urlOf = (input: unknown): string => {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  if (input instanceof Request) return input.url;
  throw new TypeError('offline fetch: unsupported input');
};

let installed: OfflineNetwork | undefined;

/** Installs the guard once per process and returns it (later calls return the same one). */
export const installOfflineNetwork = (): OfflineNetwork => {
  if (installed !== undefined) return installed;
  const table = new Map<string, unknown>();
  const served: string[] = [];
  const refused: string[] = [];
  const offlineFetch = (input: unknown): Promise<Response> => {
    const url = urlOf(input);
    if (!table.has(url)) {
      refused.push(url);
      return Promise.reject(new TypeError(`fetch failed (offline e2e: ${url} is not served)`));
    }
    served.push(url);
    const body = JSON.stringify(table.get(url));
    return Promise.resolve(
      new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }),
    );
  };
  globalThis.fetch = offlineFetch;
  net.Socket.prototype.connect = function refuseConnect(): never {
    throw new Error('offline e2e: a library opened a network connection');
  };
  installed = {
    served,
    refused,
    serve: (url, body) => {
      table.set(url, body);
    },
  };
  return installed;
};
