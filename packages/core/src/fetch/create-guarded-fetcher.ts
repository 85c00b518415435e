/**
 * The guarded fetcher: Akashi's only outbound HTTP. GET only, https only by default, every
 * hop's addresses checked against the SSRF policy after DNS and connected to as checked,
 * redirects followed by hand, one deadline and one byte cap per fetch, no cookies, and an
 * in-memory cache that revalidates with ETag / Last-Modified.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { createFetchError } from './create-fetch-error.js';
import { createResponseCache } from './create-response-cache.js';
import { createTargetPolicy, lookupHost, type HostLookup } from './create-target-policy.js';
import type { FetchDocument, FetchedDocument } from './fetch-document.js';
import { readJsonDocument } from './read-json-document.js';
import { REDIRECT_STATUSES, requestOnce, type HopResponse } from './request-once.js';

export const DEFAULT_FETCH_TIMEOUT_MS = 10_000;
export const DEFAULT_FETCH_MAX_BYTES = 2 * 1024 * 1024;
export const DEFAULT_FETCH_MAX_REDIRECTS = 5;
export const DEFAULT_FETCH_CACHE_TTL_MS = 5 * 60_000;
export const DEFAULT_FETCH_CACHE_MAX_ENTRIES = 500;
export const DEFAULT_FETCH_CACHE_MAX_BYTES = 64 * 1024 * 1024;
/** `Akashi/<version>`; a test keeps it equal to the version in packages/core/package.json. */
export const DEFAULT_FETCH_USER_AGENT = 'Akashi/0.1.0';
export const DEFAULT_FETCH_ACCEPT = 'application/ld+json, application/json;q=0.9, */*;q=0.1';

export interface GuardedFetcherOptions {
  /** The deadline of one fetch, redirects, DNS and body included (default 10 s). */
  readonly timeoutMs?: number;
  /** The largest body read; larger ones fail with `too-large` (default 2 MiB). */
  readonly maxBytes?: number;
  /** Redirects followed per fetch (default 5). */
  readonly maxRedirects?: number;
  /**
   * `host` or `host:port` entries (IPv6 in brackets when a port is given) that may be fetched
   * although they are on loopback or private addresses, and over plain http. Local test servers
   * and on-premises deployments; nothing is allowed by default.
   */
  readonly allowHosts?: readonly string[];
  /** Also fetch `http:` URLs on public addresses (default false: https only). */
  readonly allowHttp?: boolean;
  /** How long a response stays cached at most (default 5 minutes); 0 disables the cache. */
  readonly cacheTtlMs?: number;
  /** The most responses kept in the cache (default 500). */
  readonly cacheMaxEntries?: number;
  /** The most body bytes kept in the cache (default 64 MiB). */
  readonly cacheMaxBytes?: number;
  /** The cache's clock, in milliseconds (default `Date.now`). Timeouts use real timers. */
  readonly now?: () => number;
  /** The User-Agent header (default `Akashi/<version>`). */
  readonly userAgent?: string;
  /** Resolves host names (default node:dns `lookup` with `all: true`). */
  readonly lookup?: HostLookup;
}

export interface GuardedFetcher {
  /** Resolves for every HTTP status; rejects only with `ERR_FETCH_FAILED`. */
  readonly fetchDocument: FetchDocument;
  /**
   * Fetches and parses a JSON document. Rejects with `ERR_FETCH_FAILED` as `fetchDocument`
   * does, and also for a status outside 2xx (`http-status`, `details.status`), a media type that
   * is not JSON (`content-type`) or a body that is not JSON (`invalid-json`).
   */
  readonly fetchJson: (url: string) => Promise<unknown>;
  /** Empties the cache. */
  readonly clearCache: () => void;
}

const readCount = (
  value: number | undefined,
  name: string,
  fallback: number,
  minimum = 0,
): number => {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum) {
    throw new TypeError(
      `"${name}" must be an integer of at least ${minimum}; got ${String(value)}.`,
    );
  }
  return value;
};

const readAllowHosts = (value: unknown): readonly string[] => {
  if (value === undefined) return [];
  if (Array.isArray(value) && value.every((entry): entry is string => typeof entry === 'string')) {
    return value;
  }
  throw new TypeError('"allowHosts" must be an array of host or host:port strings.');
};

const copyOf = (document: FetchedDocument): FetchedDocument => ({
  ...document,
  body: document.body.slice(),
});

const contentTypeOf = (response: HopResponse): string | undefined =>
  response.headers['content-type'];

/** The response headers as strings (repeated ones joined), cookies left out. */
const flattenHeaders = (headers: IncomingHttpHeaders): Readonly<Record<string, string>> => {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || name === 'set-cookie') continue;
    flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
};

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const FIXED_HEADERS: ReadonlySet<string> = new Set([
  'accept',
  'accept-encoding',
  'user-agent',
  'host',
  'if-none-match',
  'if-modified-since',
]);

/** The caller's extra headers, lower-cased and checked; undefined when there are none. */
const readExtraHeaders = (
  headers: Readonly<Record<string, string>> | undefined,
): Record<string, string> | undefined => {
  if (headers === undefined) return undefined;
  const entries = Object.entries(headers);
  if (entries.length === 0) return undefined;
  const extra: Record<string, string> = {};
  for (const [name, value] of entries) {
    const lower = name.toLowerCase();
    if (!HEADER_NAME.test(name) || typeof value !== 'string' || /[\r\n\0]/.test(value)) {
      throw new TypeError(`"headers" holds an invalid header: ${name}.`);
    }
    if (FIXED_HEADERS.has(lower)) {
      throw new TypeError(`"headers" cannot set ${lower}: the fetcher sets it.`);
    }
    extra[lower] = value;
  }
  return extra;
};

/** Creates a fetcher; see `GuardedFetcherOptions` for the limits and the address policy. */
export const createGuardedFetcher = (options: GuardedFetcherOptions = {}): GuardedFetcher => {
  const timeoutMs = readCount(options.timeoutMs, 'timeoutMs', DEFAULT_FETCH_TIMEOUT_MS, 1);
  const maxBytes = readCount(options.maxBytes, 'maxBytes', DEFAULT_FETCH_MAX_BYTES);
  const maxRedirects = readCount(options.maxRedirects, 'maxRedirects', DEFAULT_FETCH_MAX_REDIRECTS);
  const userAgent = options.userAgent ?? DEFAULT_FETCH_USER_AGENT;
  const policy = createTargetPolicy({
    allowHosts: readAllowHosts(options.allowHosts),
    allowHttp: options.allowHttp === true,
    lookup: options.lookup ?? lookupHost,
  });
  const cache = createResponseCache({
    ttlMs: readCount(options.cacheTtlMs, 'cacheTtlMs', DEFAULT_FETCH_CACHE_TTL_MS),
    maxEntries: readCount(
      options.cacheMaxEntries,
      'cacheMaxEntries',
      DEFAULT_FETCH_CACHE_MAX_ENTRIES,
    ),
    maxBytes: readCount(options.cacheMaxBytes, 'cacheMaxBytes', DEFAULT_FETCH_CACHE_MAX_BYTES),
    now: options.now ?? Date.now,
  });

  /** Follows redirects from `start` under one deadline; returns the last hop's response. */
  const follow = async (
    start: URL,
    headers: Readonly<Record<string, string>>,
  ): Promise<{ url: URL; response: HopResponse }> => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      controller.abort(createFetchError('timeout', { url: start.href, timeoutMs }));
    }, timeoutMs);
    const { signal } = controller;
    try {
      let current = start;
      for (let redirects = 0; ; redirects += 1) {
        const target = await policy.vet(current, signal);
        const response = await requestOnce(target, { headers, maxBytes, signal });
        const location = REDIRECT_STATUSES.has(response.status)
          ? response.headers.location
          : undefined;
        if (location === undefined) return { url: current, response };
        if (redirects >= maxRedirects) {
          throw createFetchError('too-many-redirects', { url: start.href, maxRedirects });
        }
        if (!URL.canParse(location, current.href)) {
          throw createFetchError('bad-url', { url: location, problem: 'invalid' });
        }
        current = new URL(location, current);
      }
    } finally {
      clearTimeout(timer);
    }
  };

  const fetchDocument: FetchDocument = async (url, documentOptions = {}) => {
    if (typeof url !== 'string') {
      throw new TypeError(`"url" must be a string; got ${typeof url}.`);
    }
    if (!URL.canParse(url)) throw createFetchError('bad-url', { url, problem: 'invalid' });
    const start = new URL(url);
    const accept = documentOptions.accept ?? DEFAULT_FETCH_ACCEPT;
    const extra = readExtraHeaders(documentOptions.headers);
    // A request with its own headers (credentials) is answered by the host, never by the cache.
    const cacheable = extra === undefined;
    const key = `${accept}\n${start.href}`;
    const cached = cacheable ? cache.get(key) : undefined;
    if (cached !== undefined && cache.isFresh(cached)) return copyOf(cached.document);

    const { url: final, response } = await follow(start, {
      ...extra,
      accept,
      'accept-encoding': 'identity',
      'user-agent': userAgent,
      ...(cached === undefined ? {} : cache.validatorsOf(cached)),
    });
    if (response.status === 304 && cached !== undefined) {
      return copyOf(cache.refresh(key, response.headers)?.document ?? cached.document);
    }
    const document: FetchedDocument = {
      url: final.href,
      status: response.status,
      contentType: contentTypeOf(response),
      body: response.body,
      headers: flattenHeaders(response.headers),
    };
    if (cacheable) cache.store(key, document, response.headers);
    return copyOf(document);
  };

  const fetchJson = async (url: string): Promise<unknown> =>
    readJsonDocument(await fetchDocument(url));

  return { fetchDocument, fetchJson, clearCache: cache.clear };
};
