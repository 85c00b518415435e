/**
 * Test support: a loopback HTTP server that plays example.org for OB 2.0 verification tests,
 * and a `FetchDocument` that sends `https://example.org/…`, `https://www.example.org/…` and
 * `http://example.org/…` to it (URL path = file name under `assetsDir`, as the 1EdTech
 * validator's tests map them) through Akashi's guarded fetcher (cache off). Any other host is a
 * network failure. Tests may add or override documents (`serve`) and take hosts down
 * (`unreachable`).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AkashiError } from '../errors/akashi-error.js';
import { createGuardedFetcher } from '../fetch/create-guarded-fetcher.js';
import type { FetchDocument } from '../fetch/fetch-document.js';
import { startLoopbackServer } from '../fetch/start-loopback-server.js';

export interface ServedDocument {
  readonly status?: number;
  readonly contentType?: string;
  readonly body: string | Uint8Array;
}

export interface ExampleOrgServer {
  readonly fetchDocument: FetchDocument;
  /** Serves `document` at `path` (e.g. `/beths-robotics-badge.json`) until `reset()`. */
  serve(path: string, document: ServedDocument | string): void;
  /** Makes every request to `origin` fail as a network error until `reset()`. */
  unreachable(origin: string): void;
  reset(): void;
  /** The URLs fetched since the last `reset()`. */
  readonly requests: readonly string[];
  close(): Promise<void>;
}

const MAPPED_ORIGINS = new Set([
  'https://example.org',
  'https://www.example.org',
  'http://example.org',
]);

const contentTypeOf = (path: string): string =>
  path.endsWith('.png')
    ? 'image/png'
    : path.endsWith('.html')
      ? 'text/html'
      : path.endsWith('.jwt')
        ? 'text/plain'
        : 'application/ld+json';

export const startExampleOrgServer = async (assetsDir: string): Promise<ExampleOrgServer> => {
  const overrides = new Map<string, ServedDocument>();
  const down = new Set<string>();
  const requests: string[] = [];
  const server = await startLoopbackServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const override = overrides.get(path);
    const respond = (status: number, contentType: string, body: string | Uint8Array) => {
      response.writeHead(status, { 'content-type': contentType });
      response.end(body);
    };
    if (override !== undefined) {
      respond(override.status ?? 200, override.contentType ?? contentTypeOf(path), override.body);
      return;
    }
    if (path === '/beths-robot-work.html') {
      respond(200, 'text/html', '');
      return;
    }
    const name = path.slice(1);
    if (name === '' || name.includes('/') || name.startsWith('.')) {
      respond(404, 'text/plain', 'not found');
      return;
    }
    readFile(join(assetsDir, name)).then(
      (body) => {
        respond(200, contentTypeOf(path), body);
      },
      () => {
        respond(404, 'text/plain', 'not found');
      },
    );
  });
  const guarded = createGuardedFetcher({ allowHosts: [server.host], cacheTtlMs: 0 });
  const networkError = (url: string, reason: string) =>
    new AkashiError(
      'ERR_FETCH_FAILED',
      { en: `Could not fetch ${url}: ${reason}`, ja: `${url} を取得できませんでした: ${reason}` },
      { details: { url, reason } },
    );
  const fetchDocument: FetchDocument = async (url, options) => {
    requests.push(url);
    const target = new URL(url);
    if (!MAPPED_ORIGINS.has(target.origin) || down.has(target.origin)) {
      throw networkError(url, 'connection');
    }
    const fetched = await guarded.fetchDocument(
      `${server.origin}${target.pathname}${target.search}`,
      options,
    );
    return { ...fetched, url };
  };
  return {
    fetchDocument,
    serve: (path, document) => {
      overrides.set(path, typeof document === 'string' ? { body: document } : document);
    },
    unreachable: (origin) => {
      down.add(origin);
    },
    reset: () => {
      overrides.clear();
      down.clear();
      requests.length = 0;
    },
    requests,
    close: server.close,
  };
};
