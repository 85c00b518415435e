/**
 * The RFC 3161 client against a real TSA (`openssl ts -reply` on loopback); `openssl ts -verify`
 * is the oracle for the tokens it returns. Tampered, replayed, refused and unreachable replies
 * give distinct `CertificateError` codes.
 */
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CertificateError, createTsaClient, verifyTimestampToken } from '../../src/tsa/index.js';
import { nodeHttpPost } from './node-http-post.js';
import { runOpenssl, startOpensslTsa, type OpensslTsa, type TsaReply } from './openssl-tsa.js';

const digestOf = (text: string): Uint8Array =>
  new Uint8Array(createHash('sha256').update(text).digest());

const rejectsWith = async (promise: Promise<unknown>, code: string): Promise<CertificateError> => {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof CertificateError, `expected CertificateError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    assert.ok(error.ja.length > 0);
    return error;
  }
  assert.fail(`expected ${code}`);
};

describe('createTsaClient with openssl ts -reply', () => {
  let tsa: OpensslTsa;
  let other: OpensslTsa;
  let replay: TsaReply | undefined;
  let mode: 'pass' | 'flip' | 'replay' | 'status' | 'type' = 'pass';
  let tampering: OpensslTsa;

  before(async () => {
    [tsa, other, tampering] = await Promise.all([
      startOpensslTsa(),
      startOpensslTsa({ keyType: 'ec' }),
      startOpensslTsa({
        mutate: (reply) => {
          if (mode === 'flip') {
            const body = new Uint8Array(reply.body);
            body[body.length - 1] = (body[body.length - 1] ?? 0) ^ 0x01;
            return { ...reply, body };
          }
          if (mode === 'replay') return replay ?? reply;
          if (mode === 'status') return { ...reply, status: 503 };
          if (mode === 'type') return { ...reply, contentType: 'text/html' };
          replay = reply;
          return reply;
        },
      }),
    ]);
  });
  after(async () => {
    await Promise.all([tsa.close(), other.close(), tampering.close()]);
  });

  it('returns a token that openssl ts -verify accepts (RSA TSA, trust given)', async () => {
    const client = createTsaClient({ url: tsa.url, post: nodeHttpPost(), trust: [tsa.caDer] });
    const digest = digestOf('signature value');
    const token = await client.timestamp(digest);
    const info = verifyTimestampToken(token, digest, { trust: [tsa.caDer] });
    assert.equal(info.policy, '1.3.6.1.4.1.99999.1.1');
    assert.ok(Math.abs(info.genTime.getTime() - Date.now()) < 60_000);
    await writeFile(join(tsa.dir, 'token.der'), token);
    const out = await runOpenssl(
      ['ts', '-verify', '-digest', Buffer.from(digest).toString('hex'), '-in', 'token.der'].concat([
        '-token_in',
        '-CAfile',
        'ca.pem',
      ]),
      tsa.dir,
    );
    assert.match(out, /Verification: OK/);
  });

  it('verifies ECDSA tokens and a requested policy', async () => {
    const client = createTsaClient({
      url: other.url,
      post: nodeHttpPost(),
      trust: [other.caDer],
      policy: '1.3.6.1.4.1.99999.1.2',
    });
    const digest = digestOf('ec');
    const token = await client.timestamp(digest);
    assert.equal(verifyTimestampToken(token, digest).policy, '1.3.6.1.4.1.99999.1.2');
    await writeFile(join(other.dir, 'token.der'), token);
    const out = await runOpenssl(
      ['ts', '-verify', '-digest', Buffer.from(digest).toString('hex'), '-in', 'token.der'].concat([
        '-token_in',
        '-CAfile',
        'ca.pem',
      ]),
      other.dir,
    );
    assert.match(out, /Verification: OK/);
  });

  it('rejects a TSA that does not chain to the trust list', async () => {
    const client = createTsaClient({ url: tsa.url, post: nodeHttpPost(), trust: [other.caDer] });
    await rejectsWith(client.timestamp(digestOf('x')), 'ERR_TSA_UNTRUSTED');
  });

  it('rejects a token checked against another digest', async () => {
    const client = createTsaClient({ url: tsa.url, post: nodeHttpPost() });
    const token = await client.timestamp(digestOf('a'));
    assert.throws(
      () => verifyTimestampToken(token, digestOf('b')),
      (error) => error instanceof CertificateError && error.code === 'ERR_TSA_IMPRINT_MISMATCH',
    );
  });

  it('reports a refused request (unsupported policy)', async () => {
    const client = createTsaClient({ url: tsa.url, post: nodeHttpPost(), policy: '1.2.3.4' });
    const error = await rejectsWith(client.timestamp(digestOf('x')), 'ERR_TSA_REJECTED');
    assert.match(error.message, /rejection/);
  });

  it('detects a tampered, replayed or mislabelled reply', async () => {
    const client = createTsaClient({ url: tampering.url, post: nodeHttpPost() });
    mode = 'pass';
    const digest = digestOf('first');
    await client.timestamp(digest);
    mode = 'replay';
    await rejectsWith(client.timestamp(digest), 'ERR_TSA_NONCE_MISMATCH');
    await rejectsWith(client.timestamp(digestOf('second')), 'ERR_TSA_IMPRINT_MISMATCH');
    mode = 'flip';
    await rejectsWith(client.timestamp(digest), 'ERR_TSA_SIGNATURE_INVALID');
    mode = 'status';
    await rejectsWith(client.timestamp(digest), 'ERR_TSA_HTTP_STATUS');
    mode = 'type';
    await rejectsWith(client.timestamp(digest), 'ERR_TSA_CONTENT_TYPE');
  });

  it('reports an unreachable TSA and one that does not answer in time', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const slow = createTsaClient({
        url: `http://127.0.0.1:${port}/`,
        post: nodeHttpPost(),
        timeoutMs: 200,
      });
      await rejectsWith(slow.timestamp(digestOf('x')), 'ERR_TSA_TIMEOUT');
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) =>
        silent.close(() => {
          resolve();
        }),
      );
    }
    const closed = createTsaClient({ url: `http://127.0.0.1:${port}/`, post: nodeHttpPost() });
    await rejectsWith(closed.timestamp(digestOf('x')), 'ERR_TSA_UNREACHABLE');
  });
});
