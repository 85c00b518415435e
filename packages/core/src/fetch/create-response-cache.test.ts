import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createGuardedFetcher, type GuardedFetcherOptions } from './create-guarded-fetcher.js';
import { createResponseCache } from './create-response-cache.js';
import type { FetchedDocument } from './fetch-document.js';
import { startLoopbackServer, type LoopbackServer } from './start-loopback-server.js';

const LAST_MODIFIED = 'Wed, 01 Jan 2025 00:00:00 GMT';
const TTL = 60_000;
let server: LoopbackServer;
let version = 1;
let flaky = 0;

before(async () => {
  server = await startLoopbackServer((request, response) => {
    const json = { 'content-type': 'application/json' };
    const etag = `"v${version}"`;
    switch (request.url) {
      case '/etag':
        if (request.headers['if-none-match'] === etag) {
          response.writeHead(304, { etag }).end();
        } else {
          response.writeHead(200, { ...json, etag }).end(JSON.stringify({ version }));
        }
        return;
      case '/last-modified':
        if (request.headers['if-modified-since'] === LAST_MODIFIED) {
          response.writeHead(304).end();
        } else {
          response.writeHead(200, { ...json, 'last-modified': LAST_MODIFIED }).end('{}');
        }
        return;
      case '/no-store':
        response.writeHead(200, { ...json, 'cache-control': 'no-store', etag }).end('{}');
        return;
      case '/max-age':
        response.writeHead(200, { ...json, 'cache-control': 'public, max-age=1' }).end('{}');
        return;
      case '/flaky':
        flaky += 1;
        response.writeHead(flaky === 1 ? 503 : 200, json).end('{}');
        return;
      case '/missing':
        response.writeHead(404, json).end('{}');
        return;
      default:
        response.writeHead(200, json).end('{}');
    }
  });
});

after(() => server.close());

const fetcherWithClock = (options: GuardedFetcherOptions = {}) => {
  const clock = { ms: 0 };
  const fetcher = createGuardedFetcher({
    allowHosts: [server.host],
    cacheTtlMs: TTL,
    now: () => clock.ms,
    ...options,
  });
  return { fetcher, clock };
};

const requestsFor = (path: string): number =>
  server.seen.filter((request) => request.url === path).length;

const text = (document: FetchedDocument): string => new TextDecoder().decode(document.body);

describe('the guarded fetcher cache', () => {
  it('serves a second call within the TTL without a request', async () => {
    const { fetcher, clock } = fetcherWithClock();
    const url = `${server.origin}/fresh`;
    await fetcher.fetchDocument(url);
    clock.ms = TTL - 1;
    const again = await fetcher.fetchDocument(url);
    assert.equal(again.status, 200);
    assert.equal(requestsFor('/fresh'), 1);
  });

  it('revalidates with If-None-Match after the TTL; a 304 serves the cached body', async () => {
    version = 1;
    const { fetcher, clock } = fetcherWithClock();
    const url = `${server.origin}/etag`;
    const first = await fetcher.fetchDocument(url);
    const before = requestsFor('/etag');
    clock.ms = TTL;
    const revalidated = await fetcher.fetchDocument(url);
    assert.equal(requestsFor('/etag'), before + 1);
    assert.equal(server.seen.at(-1)?.headers['if-none-match'], '"v1"');
    assert.equal(revalidated.status, 200);
    assert.equal(text(revalidated), text(first));
    clock.ms = TTL + TTL - 1; // the 304 refreshed the TTL
    await fetcher.fetchDocument(url);
    assert.equal(requestsFor('/etag'), before + 1);
  });

  it('replaces the entry when revalidation returns a new representation', async () => {
    version = 1;
    const { fetcher, clock } = fetcherWithClock();
    const url = `${server.origin}/etag`;
    await fetcher.fetchDocument(url);
    version = 2;
    clock.ms = TTL;
    assert.deepEqual(await fetcher.fetchJson(url), { version: 2 });
    clock.ms = 2 * TTL;
    await fetcher.fetchDocument(url);
    assert.equal(server.seen.at(-1)?.headers['if-none-match'], '"v2"');
  });

  it('revalidates with If-Modified-Since when only Last-Modified is given', async () => {
    const { fetcher, clock } = fetcherWithClock();
    const url = `${server.origin}/last-modified`;
    await fetcher.fetchDocument(url);
    clock.ms = TTL;
    const document = await fetcher.fetchDocument(url);
    assert.equal(document.status, 200);
    assert.equal(server.seen.at(-1)?.headers['if-modified-since'], LAST_MODIFIED);
  });

  it('does not cache a no-store response', async () => {
    const { fetcher } = fetcherWithClock();
    const url = `${server.origin}/no-store`;
    await fetcher.fetchDocument(url);
    await fetcher.fetchDocument(url);
    assert.equal(requestsFor('/no-store'), 2);
    assert.equal(server.seen.at(-1)?.headers['if-none-match'], undefined);
  });

  it('honours a max-age shorter than the TTL', async () => {
    const { fetcher, clock } = fetcherWithClock();
    const url = `${server.origin}/max-age`;
    await fetcher.fetchDocument(url);
    clock.ms = 999;
    await fetcher.fetchDocument(url);
    assert.equal(requestsFor('/max-age'), 1);
    clock.ms = 1000;
    await fetcher.fetchDocument(url);
    assert.equal(requestsFor('/max-age'), 2);
  });

  it('never caches failures or statuses other than 200', async () => {
    const { fetcher } = fetcherWithClock();
    assert.equal((await fetcher.fetchDocument(`${server.origin}/flaky`)).status, 503);
    assert.equal((await fetcher.fetchDocument(`${server.origin}/flaky`)).status, 200);
    await fetcher.fetchDocument(`${server.origin}/missing`);
    await fetcher.fetchDocument(`${server.origin}/missing`);
    assert.equal(requestsFor('/missing'), 2);
    const refused = createGuardedFetcher({ cacheTtlMs: TTL });
    await assert.rejects(refused.fetchDocument(`${server.origin}/fresh`));
    await assert.rejects(refused.fetchDocument(`${server.origin}/fresh`));
  });

  it('keys entries by URL and Accept, and is off when cacheTtlMs is 0', async () => {
    const { fetcher } = fetcherWithClock();
    const url = `${server.origin}/keyed`;
    await fetcher.fetchDocument(url);
    await fetcher.fetchDocument(url, { accept: 'application/did+json' });
    await fetcher.fetchDocument(url, { accept: 'application/did+json' });
    assert.equal(requestsFor('/keyed'), 2);
    const uncached = fetcherWithClock({ cacheTtlMs: 0 }).fetcher;
    await uncached.fetchDocument(url);
    await uncached.fetchDocument(url);
    assert.equal(requestsFor('/keyed'), 4);
  });

  it('hands out copies: changing a returned body does not change the cache', async () => {
    const { fetcher } = fetcherWithClock();
    const url = `${server.origin}/copied`;
    const first = await fetcher.fetchDocument(url);
    first.body.fill(0);
    assert.equal(text(await fetcher.fetchDocument(url)), '{}');
  });
});

describe('createResponseCache', () => {
  const documentOf = (size: number): FetchedDocument => ({
    url: 'https://issuer.example/',
    status: 200,
    contentType: 'application/json',
    body: new Uint8Array(size),
  });
  const options = { ttlMs: TTL, maxEntries: 2, maxBytes: 100, now: () => 0 };

  it('drops the least recently used entry past maxEntries', () => {
    const cache = createResponseCache(options);
    cache.store('a', documentOf(1), {});
    cache.store('b', documentOf(1), {});
    cache.get('a');
    cache.store('c', documentOf(1), {});
    assert.deepEqual(
      ['a', 'b', 'c'].map((key) => cache.get(key) !== undefined),
      [true, false, true],
    );
  });

  it('keeps the stored bodies within maxBytes', () => {
    const cache = createResponseCache(options);
    cache.store('a', documentOf(60), {});
    cache.store('b', documentOf(60), {});
    cache.store('huge', documentOf(101), {});
    assert.deepEqual(
      ['a', 'b', 'huge'].map((key) => cache.get(key) !== undefined),
      [false, true, false],
    );
  });

  it('stores nothing uncacheable: no-store, no-cache without validators, TTL 0', () => {
    const cache = createResponseCache(options);
    cache.store('no-store', documentOf(1), { 'cache-control': 'no-store' });
    cache.store('no-cache', documentOf(1), { 'cache-control': 'no-cache' });
    cache.store('max-age-0', documentOf(1), { 'cache-control': 'max-age=0', etag: '"x"' });
    assert.equal(cache.get('no-store'), undefined);
    assert.equal(cache.get('no-cache'), undefined);
    const stale = cache.get('max-age-0');
    assert.ok(stale !== undefined && !cache.isFresh(stale));
    assert.deepEqual(cache.validatorsOf(stale), { 'if-none-match': '"x"' });
    const off = createResponseCache({ ...options, ttlMs: 0 });
    off.store('a', documentOf(1), { etag: '"x"' });
    assert.equal(off.get('a'), undefined);
  });
});
