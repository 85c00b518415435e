import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createGuardedPoster, GuardedPostError } from './create-guarded-poster.js';
import { startLoopbackServer, type LoopbackServer } from './start-loopback-server.js';

/** Answers POST /echo with the request body reversed, /big with 100 KiB, /slow never. */
const listen = (): Promise<LoopbackServer> =>
  startLoopbackServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      if (request.url === '/echo') {
        response.writeHead(200, { 'content-type': 'application/timestamp-reply' });
        response.end(Buffer.from(body).reverse());
      } else if (request.url === '/big') {
        response.writeHead(200, { 'content-type': 'application/octet-stream' });
        response.end(Buffer.alloc(100 * 1024, 7));
      } else if (request.url === '/slow') {
        // Never answers.
      } else {
        response.writeHead(404);
        response.end();
      }
    });
  });

const rejectsWith = async (promise: Promise<unknown>, reason: string): Promise<void> => {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof GuardedPostError);
    assert.equal(error.reason, reason);
    return true;
  });
};

describe('createGuardedPoster', () => {
  let server: LoopbackServer;
  before(async () => {
    server = await listen();
  });
  after(async () => {
    await server.close();
  });

  it('sends bytes and, when asked, returns the answer with its content type', async () => {
    const post = createGuardedPoster({ allowHosts: [server.host] });
    const sent = new Uint8Array([0x30, 0x82, 0x00, 0xff, 0x01]);
    const answer = await post({
      url: `${server.origin}/echo`,
      headers: { 'content-type': 'application/timestamp-query' },
      body: sent,
      maxResponseBytes: 1024,
    });
    assert.equal(answer.status, 200);
    assert.equal(answer.contentType, 'application/timestamp-reply');
    assert.deepEqual(answer.body, new Uint8Array([0x01, 0xff, 0x00, 0x82, 0x30]));
    assert.equal(server.seen.at(-1)?.headers['content-type'], 'application/timestamp-query');
    assert.equal(server.seen.at(-1)?.headers['content-length'], '5');
  });

  it('drops the answer unless asked (webhook deliveries)', async () => {
    const post = createGuardedPoster({ allowHosts: [server.host] });
    const answer = await post({ url: `${server.origin}/big`, headers: {}, body: '{}' });
    assert.equal(answer.status, 200);
    assert.equal(answer.body, undefined);
  });

  it('refuses an answer larger than asked for', async () => {
    const post = createGuardedPoster({ allowHosts: [server.host] });
    await rejectsWith(
      post({ url: `${server.origin}/big`, headers: {}, body: 'x', maxResponseBytes: 4096 }),
      'too-large',
    );
  });

  it('keeps its address policy and deadline for binary requests', async () => {
    await rejectsWith(
      createGuardedPoster()({ url: `${server.origin}/echo`, headers: {}, body: new Uint8Array(1) }),
      'refused-address',
    );
    await rejectsWith(
      createGuardedPoster({ allowHosts: [server.host], timeoutMs: 200 })({
        url: `${server.origin}/slow`,
        headers: {},
        body: new Uint8Array(1),
        maxResponseBytes: 10,
      }),
      'timeout',
    );
  });
});
