import assert from 'node:assert/strict';
import { createPublicKey, verify } from 'node:crypto';
import { describe, it } from 'node:test';
import { generateSigningKey } from '@akashi/core';
import { createLocalSigner, isLocalSigner } from './signer.js';

const data = new TextEncoder().encode('証 — signed bytes');

describe('LocalSigner', () => {
  for (const [type, digest, length] of [
    ['ed25519', null, 64],
    ['rsa', 'sha256', 256],
  ] as const) {
    it(`signs with ${type} so that the published JWK verifies it`, async () => {
      const key = generateSigningKey(type);
      const signer = createLocalSigner(key);
      assert.ok(isLocalSigner(signer));
      assert.equal(signer.algorithm, type);
      assert.equal(signer.alg, type === 'rsa' ? 'RS256' : 'EdDSA');
      assert.equal(signer.kid, key.kid);
      assert.equal(signer.signingKey(), key);
      assert.equal(signer.publicJwk.kid, key.kid);
      assert.equal(signer.publicJwk.d, undefined);
      const signature = await signer.sign(data);
      assert.ok(signature instanceof Uint8Array && !Buffer.isBuffer(signature));
      assert.equal(signature.length, length);
      const publicKey = createPublicKey({ key: signer.publicJwk, format: 'jwk' });
      assert.ok(verify(digest, data, publicKey, signature));
      assert.ok(!verify(digest, new TextEncoder().encode('other'), publicKey, signature));
    });
  }

  it('refuses a key type the store does not hold (misuse)', () => {
    assert.throws(() => createLocalSigner(generateSigningKey('p256')), TypeError);
  });
});
