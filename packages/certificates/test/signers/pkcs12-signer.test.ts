/**
 * The PKCS#12 signer against OpenSSL 3: files made by `openssl pkcs12 -export` (default and
 * `-legacy`) are read in-process; signatures over a prehashed digest verify with
 * `crypto.verify('sha256', data, cert)` on the original data and with `openssl dgst -verify`.
 */
import { createHash, verify, X509Certificate } from 'node:crypto';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createPkcs12Signer } from '../../src/signers/index.js';
import { CertificateError } from '../../src/tsa/index.js';
import { pemToDer, runOpenssl } from '../tsa/openssl-tsa.js';
import { makeTestP12, type TestKeyType } from './test-pki.js';

const cases: readonly [TestKeyType, boolean, string][] = [
  ['rsa2048', false, 'rsa-pkcs1-sha256'],
  ['rsa3072', false, 'rsa-pkcs1-sha256'],
  ['p256', false, 'ecdsa-p256-sha256'],
  ['rsa2048', true, 'rsa-pkcs1-sha256'],
  ['p256', true, 'ecdsa-p256-sha256'],
];

const codeOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof CertificateError, String(error));
    assert.ok(error.ja.length > 0);
    return error.code;
  }
  return 'no error';
};

describe('createPkcs12Signer', () => {
  for (const [keyType, legacy, algorithm] of cases) {
    it(`signs with ${keyType}${legacy ? ' (-legacy)' : ''}, verified by node:crypto and openssl`, async () => {
      const pki = await makeTestP12(keyType, { legacy, password: 'パスワード secret' });
      try {
        const signer = createPkcs12Signer(pki.p12, 'パスワード secret');
        assert.equal(signer.algorithm, algorithm);
        const chain = await signer.certificates();
        assert.equal(chain.length, 2);
        assert.deepEqual(chain[0], pemToDer(pki.leafPem));
        assert.deepEqual(chain[1], pemToDer(pki.caPem));
        const leaf = new X509Certificate(pki.leafPem);
        for (let i = 0; i < 3; i += 1) {
          const data = Buffer.from(`signed attributes ${i} ${keyType}`);
          const signature = await signer.signDigest(createHash('sha256').update(data).digest());
          assert.ok(verify('sha256', data, leaf.publicKey, signature));
          const dataPath = await pki.write(`data${i}`, data);
          const sigPath = await pki.write(`sig${i}`, signature);
          const pubPath = await pki.write(
            'pub.pem',
            leaf.publicKey.export({ format: 'pem', type: 'spki' }),
          );
          const out = await runOpenssl([
            'dgst',
            '-sha256',
            '-verify',
            pubPath,
            '-signature',
            sigPath,
            dataPath,
          ]);
          assert.match(out, /Verified OK/);
        }
      } finally {
        await pki.close();
      }
    });
  }

  it('is reusable and fast (parse once, ~1 ms a signature)', async () => {
    const pki = await makeTestP12('p256');
    try {
      const ec = createPkcs12Signer(pki.p12, 'secret');
      const digest = createHash('sha256').update('x').digest();
      await ec.signDigest(digest);
      const start = performance.now();
      for (let i = 0; i < 100; i += 1) await ec.signDigest(digest);
      const perSignature = (performance.now() - start) / 100;
      assert.ok(perSignature < 10, `${perSignature} ms per ECDSA signature`);
    } finally {
      await pki.close();
    }
  });

  it('reports a wrong password, a broken file and an unsupported key', async () => {
    const pki = await makeTestP12('p384');
    try {
      assert.equal(
        codeOf(() => createPkcs12Signer(pki.p12, 'wrong')),
        'ERR_P12_PASSWORD',
      );
      assert.equal(
        codeOf(() => createPkcs12Signer(pki.p12.subarray(0, 100), 'secret')),
        'ERR_P12_MALFORMED',
      );
      assert.equal(
        codeOf(() => createPkcs12Signer(new Uint8Array([1, 2, 3]), 'secret')),
        'ERR_P12_MALFORMED',
      );
      assert.equal(
        codeOf(() => createPkcs12Signer(pki.p12, 'secret')),
        'ERR_SIGNER_KEY_UNSUPPORTED',
      );
    } finally {
      await pki.close();
    }
    const rsa = await makeTestP12('rsa2048');
    try {
      const signer = createPkcs12Signer(rsa.p12, 'secret');
      await assert.rejects(signer.signDigest(new Uint8Array(20)), TypeError);
    } finally {
      await rsa.close();
    }
  });
});
