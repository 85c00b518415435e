import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect, type AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { Type } from '@sinclair/typebox';
import type { RoutePlugin } from './app-context.js';
import { buildTestApp } from './build-test-app.js';
import type { ErrorEnvelope } from './error-envelope.js';
import { ROUTE_MODULES } from './route-modules.js';
import { DEFAULT_CONTENT_SECURITY_POLICY, HSTS_VALUE } from './security-headers.js';
import { ServerError } from './server-error.js';

const SECRET = 'postgres://akashi:hunter2@db.internal/akashi';

const testRoutes: RoutePlugin = (app) => {
  app.get('/boom', () => {
    throw new Error(`query failed on ${SECRET}`);
  });
  app.get('/reject-async', async () => Promise.reject(new TypeError(SECRET)));
  app.get('/forbidden', () => {
    throw new ServerError('ERR_HTTP_FORBIDDEN');
  });
  app.post('/echo', { schema: { body: Type.Object({ text: Type.String() }) } }, (request) => ({
    text: request.body.text,
  }));
  app.get('/framed', (_request, reply) =>
    reply.header('content-security-policy', "default-src 'self'").send({ ok: true }),
  );
};

const readError = (body: string): ErrorEnvelope['error'] =>
  (JSON.parse(body) as ErrorEnvelope).error;

describe('createApp', () => {
  const test = buildTestApp({ routes: [{ prefix: '/test', routes: testRoutes }] });
  after(test.close);
  const { app } = test;

  it('answers an unknown address with the 404 envelope and a request id', async () => {
    const response = await app.inject({ method: 'GET', url: '/no/such/thing' });
    assert.equal(response.statusCode, 404);
    const error = readError(response.body);
    assert.equal(error.code, 'ERR_HTTP_NOT_FOUND');
    assert.equal(error.message, 'There is nothing at this address.');
    assert.match(error.requestId, /^[0-9a-f-]{36}$/);
    assert.equal(response.headers['x-request-id'], error.requestId);
    assert.equal(response.headers['content-language'], 'en');
    assert.match(String(response.headers['content-type']), /^application\/json/);
  });

  it('speaks Japanese when Accept-Language prefers it', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/no/such/thing',
      headers: { 'accept-language': 'ja-JP,ja;q=0.9,en;q=0.5' },
    });
    assert.equal(readError(response.body).message, 'このアドレスには何もありません。');
    assert.equal(response.headers['content-language'], 'ja');
  });

  it('turns an unknown error into a generic 500 that leaks nothing, and logs it in full', async () => {
    for (const url of ['/test/boom', '/test/reject-async']) {
      const response = await app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 500);
      const error = readError(response.body);
      assert.deepEqual(Object.keys(error).sort(), ['code', 'message', 'requestId']);
      assert.equal(error.code, 'ERR_SERVER_INTERNAL');
      assert.doesNotMatch(response.body, /hunter2|db\.internal|Error|stack|at /);
      const logged = test
        .logs()
        .find((line) => line.requestId === error.requestId && line.level === 'error');
      assert.ok(logged, 'the error is logged with the request id');
      const err = logged.err as { message: string; stack: string };
      assert.match(err.message, /hunter2/);
      assert.match(err.stack, /create-app\.test\.ts/);
    }
  });

  it('answers a ServerError with its own code and status', async () => {
    const response = await app.inject({ method: 'GET', url: '/test/forbidden' });
    assert.equal(response.statusCode, 403);
    assert.equal(readError(response.body).code, 'ERR_HTTP_FORBIDDEN');
  });

  it('sends the security headers on every response, success or error', async () => {
    for (const url of ['/healthz', '/no/such/thing', '/test/boom']) {
      const response = await app.inject({ method: 'GET', url });
      assert.equal(response.headers['content-security-policy'], DEFAULT_CONTENT_SECURITY_POLICY);
      assert.equal(response.headers['x-content-type-options'], 'nosniff');
      assert.equal(response.headers['x-frame-options'], 'DENY');
      assert.equal(response.headers['referrer-policy'], 'no-referrer');
      assert.equal(response.headers['cross-origin-opener-policy'], 'same-origin');
      assert.equal(response.headers['cache-control'], 'no-store');
      // The test configuration's PUBLIC_URL is https.
      assert.equal(response.headers['strict-transport-security'], HSTS_VALUE);
      assert.equal(response.headers['x-powered-by'], undefined);
    }
  });

  it('keeps a security header a route set itself', async () => {
    const response = await app.inject({ method: 'GET', url: '/test/framed' });
    assert.equal(response.headers['content-security-policy'], "default-src 'self'");
    assert.equal(response.headers['x-frame-options'], 'DENY');
  });

  it('refuses a body over the limit with 413 and the envelope', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/test/echo',
      payload: { text: 'x'.repeat(1024 * 1024) },
    });
    assert.equal(response.statusCode, 413);
    const error = readError(response.body);
    assert.equal(error.code, 'ERR_HTTP_BODY_TOO_LARGE');
    assert.match(error.message, /1048576 bytes/);
  });

  it('refuses malformed JSON, prototype poisoning and non-JSON bodies with the envelope', async () => {
    const post = (payload: string, contentType = 'application/json') =>
      app.inject({
        method: 'POST',
        url: '/test/echo',
        payload,
        headers: { 'content-type': contentType },
      });
    const malformed = await post('{"text": ');
    assert.equal(malformed.statusCode, 400);
    assert.equal(readError(malformed.body).code, 'ERR_HTTP_MALFORMED_BODY');
    const empty = await post('');
    assert.equal(readError(empty.body).code, 'ERR_HTTP_MALFORMED_BODY');
    const poisoned = await post('{"text": "a", "__proto__": {"admin": true}}');
    assert.equal(poisoned.statusCode, 400);
    assert.equal(readError(poisoned.body).code, 'ERR_HTTP_MALFORMED_BODY');
    const text = await post('text=a', 'text/plain');
    assert.equal(text.statusCode, 415);
    assert.equal(readError(text.body).code, 'ERR_HTTP_UNSUPPORTED_MEDIA_TYPE');
    const ok = await post('{"text": "a"}');
    assert.equal(ok.statusCode, 200);
    assert.deepEqual(ok.json(), { text: 'a' });
  });

  it('ignores an incoming x-request-id when no proxy is trusted', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'from-the-client' },
    });
    assert.notEqual(response.headers['x-request-id'], 'from-the-client');
  });

  it('logs JSON lines with the request id, and the path without its query string', async () => {
    const response = await app.inject({ method: 'GET', url: '/no/such/thing?token=s3cr3t' });
    const id = response.headers['x-request-id'];
    const lines = test.logs().filter((line) => line.requestId === id);
    assert.ok(lines.length >= 2);
    const incoming = lines.find((line) => line.msg === 'incoming request');
    assert.deepEqual((incoming?.req as { url: string }).url, '/no/such/thing');
    assert.doesNotMatch(JSON.stringify(lines), /s3cr3t/);
    assert.ok(lines.every((line) => typeof line.time === 'string' && line.level === 'info'));
  });
});

describe('createApp with other settings', () => {
  it('keeps a safe incoming x-request-id behind a trusted proxy, and replaces an unsafe one', async () => {
    const test = buildTestApp({ config: { trustProxy: true } });
    after(test.close);
    const kept = await test.app.inject({
      method: 'GET',
      url: '/nowhere',
      headers: { 'x-request-id': 'lb-4f2a:17' },
    });
    assert.equal(kept.headers['x-request-id'], 'lb-4f2a:17');
    assert.equal(readError(kept.body).requestId, 'lb-4f2a:17');
    const replaced = await test.app.inject({
      method: 'GET',
      url: '/nowhere',
      headers: { 'x-request-id': 'a b\u0000<script>' },
    });
    assert.match(String(replaced.headers['x-request-id']), /^[0-9a-f-]{36}$/);
  });

  it('believes X-Forwarded-For only from as many proxies as configured', async () => {
    const addresses: unknown[] = [];
    for (const trustProxy of [1, false] as const) {
      const test = buildTestApp({ config: { trustProxy } });
      const response = await test.app.inject({
        method: 'GET',
        url: '/nowhere',
        remoteAddress: '10.0.0.2',
        headers: { 'x-forwarded-for': '203.0.113.7' },
      });
      const incoming = test
        .logs()
        .find((line) => line.requestId === response.headers['x-request-id'] && line.req);
      addresses.push((incoming?.req as { remoteAddress?: string } | undefined)?.remoteAddress);
      await test.close();
    }
    assert.deepEqual(addresses, ['203.0.113.7', '10.0.0.2']);
  });

  it('sends no HSTS when the public URL is plain http, and applies the configured body limit', async () => {
    const test = buildTestApp({
      config: { publicUrl: 'http://localhost:3000', bodyLimit: 2048 },
      routes: [{ prefix: '', routes: testRoutes }],
    });
    after(test.close);
    const health = await test.app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(health.headers['strict-transport-security'], undefined);
    const big = await test.app.inject({
      method: 'POST',
      url: '/echo',
      payload: { text: 'x'.repeat(3000) },
    });
    assert.equal(big.statusCode, 413);
    assert.match(readError(big.body).message, /2048 bytes/);
  });

  it('answers 503 ERR_SERVER_SHUTTING_DOWN to a request that arrives while it closes', async () => {
    let release: () => void = () => undefined;
    let markStarted: () => void = () => undefined;
    const started = new Promise<void>((resolve) => {
      markStarted = resolve;
    });
    const slow: RoutePlugin = (app) => {
      app.get('/slow', async () => {
        markStarted();
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return { done: true };
      });
    };
    const test = buildTestApp({ routes: [...ROUTE_MODULES, { prefix: '', routes: slow }] });
    await test.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = test.app.server.address() as AddressInfo;
    // A keep-alive connection busy with a slow request when the shutdown starts.
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => {
      received += chunk;
    });
    const ended = once(socket, 'close');
    socket.write('GET /slow HTTP/1.1\r\nHost: x\r\n\r\n');
    await started;
    const closing = test.app.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The connection is busy, so it is still open: a request can still arrive on it.
    socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await closing;
    await ended;
    await test.db.close();
    assert.match(received, /^HTTP\/1\.1 200 /);
    assert.match(received, /\{"done":true\}/);
    assert.match(received, /HTTP\/1\.1 503 /);
    assert.match(received, /"code":"ERR_SERVER_SHUTTING_DOWN"/);
  });
});
