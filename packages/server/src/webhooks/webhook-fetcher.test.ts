import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createWebhookFetcher, WebhookTransportError } from './webhook-fetcher.js';
import { startTestReceiver } from './webhook-test-factories.js';

const request = (url: string) => ({
  url,
  headers: { 'content-type': 'application/json' },
  body: '{"ping":true}',
});

const reasonOf = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof WebhookTransportError, String(error));
    return error.reason;
  }
  assert.fail('expected the request to be refused');
};

describe('webhook fetcher', () => {
  test('refuses loopback and private targets unless allowed', async () => {
    const receiver = await startTestReceiver();
    try {
      const guarded = createWebhookFetcher();
      assert.equal(await reasonOf(guarded(request(`${receiver.origin}/h`))), 'refused-address');
      assert.equal(await reasonOf(guarded(request('https://10.0.0.1/h'))), 'refused-address');
      assert.equal(await reasonOf(guarded(request('https://[::1]/h'))), 'refused-address');
      // A name that resolves to a private address is refused after DNS, before connecting.
      const rebinding = createWebhookFetcher({
        lookup: () => Promise.resolve([{ address: '127.0.0.1', family: 4 }]),
      });
      assert.equal(
        await reasonOf(rebinding(request('https://hooks.example.com/h'))),
        'refused-address',
      );
      // Plain http to a public address is refused even when private targets are allowed.
      const allowing = createWebhookFetcher({
        allowPrivateTargets: true,
        lookup: () => Promise.resolve([{ address: '93.184.215.14', family: 4 }]),
      });
      assert.equal(await reasonOf(allowing(request('http://hooks.example.com/h'))), 'bad-url');
      assert.equal(await reasonOf(allowing(request('ftp://hooks.example.com/h'))), 'bad-url');
      assert.equal(receiver.received.length, 0);

      // Allowed: by the switch, or by listing the host as for the guarded fetcher.
      const response = await createWebhookFetcher({ allowPrivateTargets: true })(
        request(`${receiver.origin}/h`),
      );
      assert.equal(response.status, 200);
      const listed = await createWebhookFetcher({
        allowHosts: [receiver.origin.replace('http://', '')],
      })(request(`${receiver.origin}/h`));
      assert.equal(listed.status, 200);
      assert.equal(receiver.received.length, 2);
      assert.equal(receiver.received[0]?.method, 'POST');
      assert.equal(receiver.received.at(0)?.body, '{"ping":true}');
    } finally {
      await receiver.close();
    }
  });

  test('gives up on a receiver that does not answer in time', async () => {
    const { createServer } = await import('node:http');
    const server = createServer(() => undefined); // never answers
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    assert.ok(address !== null && typeof address === 'object');
    try {
      const fetcher = createWebhookFetcher({ allowPrivateTargets: true, timeoutMs: 200 });
      const started = Date.now();
      assert.equal(
        await reasonOf(fetcher(request(`http://127.0.0.1:${String(address.port)}/h`))),
        'timeout',
      );
      assert.ok(Date.now() - started < 2000);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
