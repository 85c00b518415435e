/**
 * The CSC API v2 signer against a loopback stand-in holding a test key: only a 32-byte hash is
 * sent, signatures verify with node:crypto and `openssl dgst -verify` on the original data, and
 * 401, 5xx, unreachable, malformed JSON and a wrong signature give distinct errors.
 */
import { createHash, verify, X509Certificate } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createCscSigner } from '../../src/signers/index.js';
import { CertificateError } from '../../src/tsa/index.js';
import { nodeHttpPost } from '../tsa/node-http-post.js';
import { pemToDer, runOpenssl } from '../tsa/openssl-tsa.js';
import { startMockCsc, type MockCsc } from './mock-csc-server.js';
import { makeTestP12, type TestP12 } from './test-pki.js';

const rejectsWith = async (promise: Promise<unknown>, code: string): Promise<void> => {
  await assert.rejects(promise, (error) => {
    assert.ok(error instanceof CertificateError, String(error));
    assert.equal(error.code, code, error.message);
    return true;
  });
};

describe('createCscSigner', () => {
  let ec: TestP12;
  let rsa: TestP12;
  let ecServer: MockCsc;
  let rsaServer: MockCsc;
  const post = nodeHttpPost();

  before(async () => {
    [ec, rsa] = await Promise.all([makeTestP12('p256'), makeTestP12('rsa2048')]);
    [ecServer, rsaServer] = await Promise.all([
      startMockCsc({ p12: ec.p12, password: 'secret', token: 'tok-ec', credentialID: 'seal-1' }),
      startMockCsc({
        p12: rsa.p12,
        password: 'secret',
        token: 'tok-rsa',
        credentialID: 'seal-2',
        authMode: 'explicit',
        pin: '1234',
      }),
    ]);
  });
  after(async () => {
    await Promise.all([ecServer.close(), rsaServer.close(), ec.close(), rsa.close()]);
  });

  for (const which of ['ec', 'rsa'] as const) {
    it(`signs a hash remotely (${which}); openssl accepts the signature`, async () => {
      const pki = which === 'ec' ? ec : rsa;
      const server = which === 'ec' ? ecServer : rsaServer;
      server.mode = 'ok';
      const signer = await createCscSigner({
        baseUrl: `${server.baseUrl}/`,
        credentialID: which === 'ec' ? 'seal-1' : 'seal-2',
        accessToken: () => Promise.resolve(which === 'ec' ? 'tok-ec' : 'tok-rsa'),
        post,
        pin: '1234',
      });
      assert.equal(signer.algorithm, which === 'ec' ? 'ecdsa-p256-sha256' : 'rsa-pkcs1-sha256');
      const chain = await signer.certificates();
      assert.deepEqual(chain[0], pemToDer(pki.leafPem));
      const data = Buffer.from(`signed attributes of a certificate PDF (${which})`);
      const digest = createHash('sha256').update(data).digest();
      const signature = await signer.signDigest(digest);
      assert.ok(verify('sha256', data, new X509Certificate(pki.leafPem).publicKey, signature));
      const pub = await pki.write(
        'pub.pem',
        new X509Certificate(pki.leafPem).publicKey.export({ format: 'pem', type: 'spki' }),
      );
      const out = await runOpenssl([
        'dgst',
        '-sha256',
        '-verify',
        pub,
        '-signature',
        await pki.write('sig', signature),
        await pki.write('data', data),
      ]);
      assert.match(out, /Verified OK/);
      const signHash = server.seen
        .filter((request) => request.path === '/csc/v2/signatures/signHash')
        .at(-1);
      assert.deepEqual(signHash?.body.hashes, [digest.toString('base64')]);
      assert.ok(signHash.bytes < 400, 'only the hash travels');
      if (which === 'rsa') {
        assert.ok(server.seen.some((request) => request.path === '/csc/v2/credentials/authorize'));
      }
    });
  }

  it('re-encodes raw r‖s ECDSA answers as DER and rejects a wrong signature', async () => {
    const signer = await createCscSigner({
      baseUrl: ecServer.baseUrl,
      credentialID: 'seal-1',
      accessToken: 'tok-ec',
      post,
    });
    const data = Buffer.from('raw');
    const digest = createHash('sha256').update(data).digest();
    ecServer.mode = 'raw-ecdsa';
    const signature = await signer.signDigest(digest);
    assert.equal(signature[0], 0x30);
    assert.ok(verify('sha256', data, new X509Certificate(ec.leafPem).publicKey, signature));
    ecServer.mode = 'wrong-signature';
    await rejectsWith(signer.signDigest(digest), 'ERR_CSC_SIGNATURE_INVALID');
    ecServer.mode = 'ok';
  });

  it('reports a bad token, a server error, malformed JSON, a missing PIN and an unreachable service', async () => {
    await rejectsWith(
      createCscSigner({
        baseUrl: ecServer.baseUrl,
        credentialID: 'seal-1',
        accessToken: 'nope',
        post,
      }),
      'ERR_CSC_UNAUTHORIZED',
    );
    const signer = await createCscSigner({
      baseUrl: ecServer.baseUrl,
      credentialID: 'seal-1',
      accessToken: 'tok-ec',
      post,
    });
    const digest = new Uint8Array(32);
    ecServer.mode = 'server-error';
    await rejectsWith(signer.signDigest(digest), 'ERR_CSC_HTTP_STATUS');
    ecServer.mode = 'malformed-json';
    await rejectsWith(signer.signDigest(digest), 'ERR_CSC_MALFORMED');
    ecServer.mode = 'ok';
    await assert.rejects(signer.signDigest(new Uint8Array(48)), TypeError);
    const noPin = await createCscSigner({
      baseUrl: rsaServer.baseUrl,
      credentialID: 'seal-2',
      accessToken: 'tok-rsa',
      post,
    });
    await rejectsWith(noPin.signDigest(digest), 'ERR_CSC_AUTH_REQUIRED');
    await rejectsWith(
      createCscSigner({ baseUrl: 'http://127.0.0.1:9', credentialID: 'x', accessToken: 't', post }),
      'ERR_CSC_UNREACHABLE',
    );
  });
});
