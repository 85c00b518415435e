import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { isAkashiError } from '../errors/akashi-error.js';
import {
  createGuardedFetcher,
  DEFAULT_FETCH_ACCEPT,
  DEFAULT_FETCH_USER_AGENT,
  type GuardedFetcherOptions,
} from './create-guarded-fetcher.js';
import type { HostLookup } from './create-target-policy.js';
import { failureOf, startLoopbackServer, type LoopbackServer } from './start-loopback-server.js';

const TEN_MB = 10 * 1024 * 1024;
const JSON_BODY = '{"ok":true}';
const timers = new Set<NodeJS.Timeout>();

const stream = (response: ServerResponse, total: number): void => {
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let sent = 0;
  const pump = (): void => {
    while (sent < total && !response.destroyed) {
      sent += chunk.length;
      if (!response.write(chunk)) {
        response.once('drain', pump);
        return;
      }
    }
    response.end();
  };
  pump();
};

let server: LoopbackServer;
let other: LoopbackServer;
let closedPort: number;

before(async () => {
  other = await startLoopbackServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON_BODY);
  });
  const closed = await startLoopbackServer(() => undefined);
  closedPort = closed.port;
  await closed.close();
  server = await startLoopbackServer((request, response) => {
    const path = request.url ?? '/';
    const hop = /^\/r\/(\d+)$/.exec(path)?.[1];
    if (hop !== undefined && hop !== '0') {
      response.writeHead(302, { location: `/r/${Number(hop) - 1}` }).end();
      return;
    }
    const redirects: Record<string, string> = {
      '/to-private': 'http://10.0.0.1/doc',
      '/to-metadata': 'http://169.254.169.254/latest/meta-data/',
      '/to-other-port': `${other.origin}/doc`,
      '/to-plain-http': 'http://public.example/doc',
    };
    const location = redirects[path];
    if (location !== undefined) {
      response.writeHead(301, { location }).end();
      return;
    }
    switch (path) {
      case '/html':
        response.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>');
        return;
      case '/gone':
        response.writeHead(410, { 'content-type': 'application/json' }).end('{}');
        return;
      case '/missing':
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      case '/bad-json':
        response.writeHead(200, { 'content-type': 'application/json' }).end('{nope');
        return;
      case '/did':
        response.writeHead(200, { 'content-type': 'application/did+ld+json; charset=utf-8' });
        response.end('{"id":"did:web:issuer.example"}');
        return;
      case '/cookie':
        response.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'sid=1' });
        response.end(JSON_BODY);
        return;
      case '/big-declared':
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': TEN_MB });
        stream(response, TEN_MB);
        return;
      case '/big-chunked':
        response.writeHead(200, { 'content-type': 'application/json' });
        stream(response, TEN_MB);
        return;
      case '/silent':
        return;
      case '/trickle': {
        response.writeHead(200, { 'content-type': 'application/json' });
        const timer = setInterval(() => response.write(' '), 50);
        timers.add(timer);
        response.on('close', () => {
          clearInterval(timer);
        });
        return;
      }
      default:
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON_BODY);
    }
  });
});

after(async () => {
  for (const timer of timers) clearInterval(timer);
  await Promise.all([server.close(), other.close()]);
});

/** A lookup that must not be called (the URL is refused before DNS). */
const noLookup: HostLookup = (hostname) => Promise.reject(new Error(`looked up ${hostname}`));

const allowed = (options: GuardedFetcherOptions = {}) =>
  createGuardedFetcher({ allowHosts: [server.host], cacheTtlMs: 0, ...options });

describe('address policy', () => {
  it('refuses a loopback URL unless its host:port is in allowHosts', async () => {
    const url = `${server.origin}/doc`;
    const before = server.seen.length;
    for (const allowHosts of [[], [`127.0.0.1:${other.port}`], ['localhost']]) {
      const failure = await failureOf(createGuardedFetcher({ allowHosts }).fetchDocument(url));
      assert.equal(failure.reason, 'refused-address');
      assert.equal(failure.address, '127.0.0.1');
    }
    assert.equal(server.seen.length, before, 'no request reached the server');
    for (const allowHosts of [[server.host], ['127.0.0.1']]) {
      const document = await createGuardedFetcher({ allowHosts }).fetchDocument(url);
      assert.equal(document.status, 200);
      assert.equal(new TextDecoder().decode(document.body), JSON_BODY);
    }
  });

  it('refuses loopback, private, link-local and other special literals without DNS', async () => {
    const fetcher = createGuardedFetcher({ lookup: noLookup, allowHttp: true });
    for (const url of [
      'http://[::1]/',
      'https://[::1]:8443/x',
      'http://10.0.0.1/',
      'https://192.168.1.20/',
      'http://169.254.169.254/latest/meta-data/',
      'https://172.16.0.1/',
      'https://100.64.0.1/',
      'http://0.0.0.0/',
      'http://2130706433/',
      'http://0x7f.1/',
      'https://[::ffff:127.0.0.1]/',
      'https://[::ffff:a9fe:a9fe]/',
      'https://[fd00::1]/',
      'https://[fe80::1]/',
      'https://255.255.255.255/',
      'https://224.0.0.1/',
      'https://192.0.2.1/',
    ]) {
      const failure = await failureOf(fetcher.fetchDocument(url));
      assert.equal(failure.reason, 'refused-address', url);
    }
  });

  it('refuses a public-looking name whose lookup returns a loopback or private address', async () => {
    for (const addresses of [['127.0.0.1'], ['93.184.215.14', '10.0.0.5'], ['::1']]) {
      const lookup: HostLookup = () =>
        Promise.resolve(addresses.map((address) => ({ address, family: 4 as const })));
      const fetcher = createGuardedFetcher({ lookup, allowHttp: true });
      const failure = await failureOf(
        fetcher.fetchDocument(`http://issuer.example:${server.port}/`),
      );
      assert.equal(failure.reason, 'refused-address');
      assert.equal(failure.host, 'issuer.example');
      assert.ok(addresses.includes(String(failure.address)));
    }
  });

  it('connects an allowed name to the address it checked, keeping the Host header', async () => {
    const looked: string[] = [];
    const lookup: HostLookup = (hostname) => {
      looked.push(hostname);
      return Promise.resolve([{ address: '127.0.0.1', family: 4 }]);
    };
    // issuer.example does not resolve in real DNS: success means the vetted address was used.
    const host = `issuer.example:${server.port}`;
    const fetcher = createGuardedFetcher({ lookup, allowHosts: [host], cacheTtlMs: 0 });
    const document = await fetcher.fetchDocument(`http://${host}/doc`);
    assert.equal(document.status, 200);
    assert.equal(document.url, `http://${host}/doc`);
    assert.deepEqual(looked, ['issuer.example']);
    assert.equal(server.seen.at(-1)?.headers.host, host);
  });

  it('reports a name that does not resolve as dns', async () => {
    const lookup: HostLookup = () =>
      Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }));
    const failure = await failureOf(
      createGuardedFetcher({ lookup }).fetchDocument('https://nx.example/'),
    );
    assert.equal(failure.reason, 'dns');
  });

  it('refuses plain http, other schemes, credentials and non-URLs before any lookup', async () => {
    const fetcher = createGuardedFetcher({ lookup: noLookup });
    const cases: [string, string][] = [
      ['http://public.example/doc', 'insecure'],
      ['file:///etc/passwd', 'scheme'],
      ['ftp://public.example/x', 'scheme'],
      ['https://user:secret@public.example/', 'credentials'],
      ['not a url', 'invalid'],
    ];
    for (const [url, problem] of cases) {
      const failure = await failureOf(fetcher.fetchDocument(url));
      assert.deepEqual([failure.reason, failure.problem], ['bad-url', problem], url);
    }
  });

  it('reports a TLS failure as tls and a refused connection as connection', async () => {
    const tls = await failureOf(allowed().fetchDocument(`https://${server.host}/doc`));
    assert.equal(tls.reason, 'tls');
    const fetcher = createGuardedFetcher({ allowHosts: [`127.0.0.1:${closedPort}`] });
    const refused = await failureOf(fetcher.fetchDocument(`http://127.0.0.1:${closedPort}/`));
    assert.equal(refused.reason, 'connection');
  });
});

describe('redirects', () => {
  it('follows redirects within the limit', async () => {
    const before = server.seen.length;
    const document = await allowed().fetchDocument(`${server.origin}/r/5`);
    assert.equal(document.status, 200);
    assert.equal(document.url, `${server.origin}/r/0`);
    assert.equal(server.seen.length - before, 6);
  });

  it('fails with too-many-redirects past maxRedirects', async () => {
    const failure = await failureOf(allowed().fetchDocument(`${server.origin}/r/6`));
    assert.deepEqual([failure.reason, failure.maxRedirects], ['too-many-redirects', 5]);
    const none = await failureOf(
      allowed({ maxRedirects: 0 }).fetchDocument(`${server.origin}/r/1`),
    );
    assert.equal(none.reason, 'too-many-redirects');
  });

  it('refuses a redirect from an allowed server to a refused address', async () => {
    for (const [path, address] of [
      ['/to-private', '10.0.0.1'],
      ['/to-metadata', '169.254.169.254'],
      ['/to-other-port', '127.0.0.1'],
    ] as const) {
      const failure = await failureOf(
        allowed({ allowHttp: true }).fetchDocument(`${server.origin}${path}`),
      );
      assert.deepEqual([failure.reason, failure.address], ['refused-address', address], path);
    }
    assert.equal(other.seen.length, 0, 'the non-allowed loopback server was never reached');
  });

  it('refuses a redirect to plain http on a host that is not allowed', async () => {
    const fetcher = allowed({ lookup: noLookup });
    const failure = await failureOf(fetcher.fetchDocument(`${server.origin}/to-plain-http`));
    assert.deepEqual([failure.reason, failure.problem], ['bad-url', 'insecure']);
  });
});

describe('limits', () => {
  it('stops a 10 MB body at the size cap, with and without Content-Length', async () => {
    for (const path of ['/big-declared', '/big-chunked']) {
      const started = performance.now();
      const failure = await failureOf(allowed().fetchDocument(`${server.origin}${path}`));
      assert.deepEqual([failure.reason, failure.maxBytes], ['too-large', 2 * 1024 * 1024], path);
      assert.ok(performance.now() - started < 2000);
    }
  });

  it('accepts a body of exactly maxBytes and refuses one byte more', async () => {
    const size = Buffer.byteLength(JSON_BODY);
    const exact = await allowed({ maxBytes: size }).fetchDocument(`${server.origin}/doc`);
    assert.equal(exact.body.byteLength, size);
    const over = await failureOf(
      allowed({ maxBytes: size - 1 }).fetchDocument(`${server.origin}/doc`),
    );
    assert.equal(over.reason, 'too-large');
  });

  it('times out a server that never answers, one that trickles, and a lookup that hangs', async () => {
    const hanging: HostLookup = () => new Promise(() => undefined);
    const cases: [GuardedFetcherOptions, string][] = [
      [{}, `${server.origin}/silent`],
      [{}, `${server.origin}/trickle`],
      [{ lookup: hanging }, 'https://slow.example/'],
    ];
    for (const [options, url] of cases) {
      const started = performance.now();
      const failure = await failureOf(allowed({ timeoutMs: 300, ...options }).fetchDocument(url));
      const elapsed = performance.now() - started;
      assert.deepEqual([failure.reason, failure.timeoutMs], ['timeout', 300], url);
      assert.ok(elapsed >= 250 && elapsed < 1500, `${url} took ${elapsed} ms`);
    }
  });
});

describe('statuses and JSON', () => {
  it('returns 410 and 404 as statuses; fetchJson rejects them with details.status', async () => {
    const fetcher = allowed();
    for (const [path, status] of [
      ['/gone', 410],
      ['/missing', 404],
    ] as const) {
      const document = await fetcher.fetchDocument(`${server.origin}${path}`);
      assert.equal(document.status, status);
      const failure = await failureOf(fetcher.fetchJson(`${server.origin}${path}`));
      assert.deepEqual([failure.reason, failure.status], ['http-status', status]);
    }
  });

  it('parses JSON media types and refuses text/html and malformed JSON', async () => {
    const fetcher = allowed();
    assert.deepEqual(await fetcher.fetchJson(`${server.origin}/doc`), { ok: true });
    assert.deepEqual(await fetcher.fetchJson(`${server.origin}/did`), {
      id: 'did:web:issuer.example',
    });
    const html = await failureOf(fetcher.fetchJson(`${server.origin}/html`));
    assert.deepEqual([html.reason, html.contentType], ['content-type', 'text/html']);
    const bad = await failureOf(fetcher.fetchJson(`${server.origin}/bad-json`));
    assert.equal(bad.reason, 'invalid-json');
  });

  it('sends a GET with Akashi/<version>, the Accept header and never a cookie', async () => {
    const fetcher = allowed();
    await fetcher.fetchDocument(`${server.origin}/cookie`);
    await fetcher.fetchDocument(`${server.origin}/doc`, { accept: 'application/did+json' });
    const first = server.seen.at(-2);
    const second = server.seen.at(-1);
    assert.ok(first !== undefined && second !== undefined);
    assert.equal(first.method, 'GET');
    assert.equal(first.headers['user-agent'], DEFAULT_FETCH_USER_AGENT);
    assert.equal(first.headers.accept, DEFAULT_FETCH_ACCEPT);
    assert.equal(second.headers.accept, 'application/did+json');
    assert.equal(second.headers.cookie, undefined);
    const manifest = JSON.parse(
      await readFile(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as { version: string };
    assert.equal(DEFAULT_FETCH_USER_AGENT, `Akashi/${manifest.version}`);
  });

  it('rejects only with ERR_FETCH_FAILED, in English and Japanese', async () => {
    await assert.rejects(createGuardedFetcher().fetchDocument('http://127.0.0.1/'), (error) => {
      assert.ok(isAkashiError(error));
      assert.equal(error.code, 'ERR_FETCH_FAILED');
      assert.match(error.message, /Refused to fetch http:\/\/127\.0\.0\.1\//);
      assert.match(error.ja, /拒否しました/);
      return true;
    });
  });

  it('throws a TypeError for invalid options', () => {
    assert.throws(() => createGuardedFetcher({ timeoutMs: 0 }), TypeError);
    assert.throws(() => createGuardedFetcher({ maxBytes: -1 }), TypeError);
    assert.throws(() => createGuardedFetcher({ allowHosts: ['a b'] }), TypeError);
  });
});

describe('extra request headers', () => {
  it('sends them, returns the response headers, and never caches such a request', async () => {
    let served = 0;
    const api = await startLoopbackServer((request, response) => {
      served += 1;
      response
        .writeHead(200, {
          'content-type': 'application/json',
          'cache-control': 'public, max-age=600',
          etag: '"v1"',
          link: '<https://host.example/next>; rel="next"',
          'set-cookie': 'sid=1',
        })
        .end(JSON.stringify({ authorization: request.headers.authorization ?? null }));
    });
    try {
      const fetcher = createGuardedFetcher({ allowHosts: [api.host] });
      const url = `${api.origin}/credentials`;
      const withToken = { headers: { Authorization: 'Bearer one' } };
      const first = await fetcher.fetchDocument(url, withToken);
      assert.deepEqual(JSON.parse(Buffer.from(first.body).toString('utf8')), {
        authorization: 'Bearer one',
      });
      assert.equal(first.headers?.link, '<https://host.example/next>; rel="next"');
      assert.equal(first.headers['set-cookie'], undefined);
      const second = await fetcher.fetchDocument(url, { headers: { authorization: 'Bearer two' } });
      assert.deepEqual(JSON.parse(Buffer.from(second.body).toString('utf8')), {
        authorization: 'Bearer two',
      });
      assert.equal(served, 2, 'both requests with credentials reached the host');
      assert.equal(api.seen.at(-1)?.headers['if-none-match'], undefined);
      // Nothing was stored: a plain request goes to the host, then is served from the cache.
      await fetcher.fetchDocument(url);
      assert.equal(served, 3);
      const cached = await fetcher.fetchDocument(url);
      assert.equal(served, 3);
      assert.deepEqual(JSON.parse(Buffer.from(cached.body).toString('utf8')), {
        authorization: null,
      });
      // A cached answer is never given to a request with credentials.
      await fetcher.fetchDocument(url, withToken);
      assert.equal(served, 4);
      assert.equal(api.seen.at(-1)?.headers.authorization, 'Bearer one');
      // Empty extra headers are no headers: the cache answers.
      await fetcher.fetchDocument(url, { headers: {} });
      assert.equal(served, 4);
    } finally {
      await api.close();
    }
  });

  it('refuses headers it sets itself and malformed ones with a TypeError', async () => {
    const fetcher = allowed();
    const url = `${server.origin}/doc`;
    for (const headers of [
      { 'User-Agent': 'x' },
      { accept: 'text/html' },
      { 'bad name': 'x' },
      { authorization: 'Bearer a\r\nX-Injected: 1' },
    ]) {
      await assert.rejects(fetcher.fetchDocument(url, { headers }), TypeError);
    }
  });
});
