/**
 * The guarded fetcher's in-memory cache: fresh for the configured TTL (shorter when the
 * response's `Cache-Control: max-age` says so), revalidated with the stored `ETag` /
 * `Last-Modified` once stale, `no-store` respected, bounded by entries and bytes (least
 * recently used first out). Only 200 responses are stored; failures never reach it.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { FetchedDocument } from './fetch-document.js';

export interface ResponseCacheOptions {
  /** How long a response stays fresh at most; 0 disables the cache. */
  readonly ttlMs: number;
  readonly maxEntries: number;
  /** The most body bytes kept in all. */
  readonly maxBytes: number;
  readonly now: () => number;
}

export interface CachedResponse {
  readonly document: FetchedDocument;
  readonly expiresAt: number;
  readonly etag: string | undefined;
  readonly lastModified: string | undefined;
}

export interface ResponseCache {
  /** The entry for `key`, fresh or stale (see `isFresh`); marks it recently used. */
  readonly get: (key: string) => CachedResponse | undefined;
  readonly isFresh: (entry: CachedResponse) => boolean;
  /** The conditional request headers that revalidate `entry`. */
  readonly validatorsOf: (entry: CachedResponse) => Record<string, string>;
  /** Stores a 200 response when its headers allow it (or drops the old entry otherwise). */
  readonly store: (key: string, document: FetchedDocument, headers: IncomingHttpHeaders) => void;
  /** After a 304: the entry is fresh again. Returns the entry, or undefined if it is gone. */
  readonly refresh: (key: string, headers: IncomingHttpHeaders) => CachedResponse | undefined;
  readonly clear: () => void;
}

interface Directives {
  readonly noStore: boolean;
  /** The lifetime the response allows, in milliseconds (undefined: no limit given). */
  readonly maxAgeMs: number | undefined;
}

const readDirectives = (headers: IncomingHttpHeaders): Directives => {
  const names = new Map<string, string>();
  for (const part of (headers['cache-control'] ?? '').split(',')) {
    const [name = '', value = ''] = part.split('=', 2).map((text) => text.trim());
    if (name !== '') names.set(name.toLowerCase(), value.replace(/^"(.*)"$/, '$1'));
  }
  const maxAge = names.get('max-age');
  const seconds = maxAge === undefined || !/^\d+$/.test(maxAge) ? undefined : Number(maxAge);
  return {
    noStore: names.has('no-store'),
    maxAgeMs: names.has('no-cache') ? 0 : seconds === undefined ? undefined : seconds * 1000,
  };
};

export const createResponseCache = (options: ResponseCacheOptions): ResponseCache => {
  const { ttlMs, maxEntries, maxBytes, now } = options;
  const entries = new Map<string, CachedResponse>();
  let bytes = 0;

  const remove = (key: string): void => {
    const entry = entries.get(key);
    if (entry === undefined) return;
    entries.delete(key);
    bytes -= entry.document.body.byteLength;
  };
  const insert = (key: string, entry: CachedResponse): void => {
    remove(key);
    entries.set(key, entry);
    bytes += entry.document.body.byteLength;
    for (const oldest of entries.keys()) {
      if (entries.size <= maxEntries && bytes <= maxBytes) break;
      remove(oldest);
    }
  };
  const lifetime = (directives: Directives): number =>
    Math.min(ttlMs, directives.maxAgeMs ?? Number.POSITIVE_INFINITY);

  return {
    get: (key) => {
      const entry = entries.get(key);
      if (entry !== undefined) {
        entries.delete(key);
        entries.set(key, entry);
      }
      return entry;
    },
    isFresh: (entry) => now() < entry.expiresAt,
    validatorsOf: (entry) => ({
      ...(entry.etag === undefined ? {} : { 'if-none-match': entry.etag }),
      ...(entry.lastModified === undefined ? {} : { 'if-modified-since': entry.lastModified }),
    }),
    store: (key, document, headers) => {
      remove(key);
      const directives = readDirectives(headers);
      const { etag, 'last-modified': lastModified } = headers;
      const fresh = lifetime(directives);
      const revalidatable = etag !== undefined || lastModified !== undefined;
      if (ttlMs <= 0 || directives.noStore || document.status !== 200) return;
      if (fresh <= 0 && !revalidatable) return;
      if (document.body.byteLength > maxBytes) return;
      insert(key, { document, expiresAt: now() + fresh, etag, lastModified });
    },
    refresh: (key, headers) => {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      const directives = readDirectives(headers);
      if (directives.noStore) {
        remove(key);
        return entry;
      }
      const refreshed: CachedResponse = {
        ...entry,
        expiresAt: now() + lifetime(directives),
        etag: headers.etag ?? entry.etag,
        lastModified: headers['last-modified'] ?? entry.lastModified,
      };
      insert(key, refreshed);
      return refreshed;
    },
    clear: () => {
      entries.clear();
      bytes = 0;
    },
  };
};
