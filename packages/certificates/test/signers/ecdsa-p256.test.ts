/**
 * ECDSA P-256 over a prehashed digest: the RFC 6979 A.2.5 vector (deterministic k, r and s up
 * to low-s), and round trips with node:crypto's verifier and our own.
 */
import { createHash, generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeEcdsaSignature, signP256Digest, verifyP256Digest } from '../../src/signers/index.js';
import { bigIntOf, signP256Raw } from '../../src/signers/ecdsa-p256.js';

const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;

describe('ECDSA P-256 over a digest', () => {
  it('matches RFC 6979 A.2.5 (P-256, SHA-256, "sample")', () => {
    const d = 0xc9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721n;
    const { r, s } = signP256Raw(d, createHash('sha256').update('sample').digest());
    assert.equal(r, 0xefd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716n);
    const rfcS = 0xf7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8n;
    assert.ok(s === rfcS || s === N - rfcS);
  });

  it('round-trips with node:crypto both ways', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = privateKey.export({ format: 'jwk' });
    const d = bigIntOf(Buffer.from(jwk.d ?? '', 'base64url'));
    const point = {
      x: bigIntOf(Buffer.from(jwk.x ?? '', 'base64url')),
      y: bigIntOf(Buffer.from(jwk.y ?? '', 'base64url')),
    };
    for (let i = 0; i < 20; i += 1) {
      const data = Buffer.from(`message ${i}`);
      const digest = createHash('sha256').update(data).digest();
      const ours = signP256Digest(d, digest);
      assert.ok(verify('sha256', data, publicKey, ours));
      const theirs = sign('sha256', data, privateKey);
      const parsed = decodeEcdsaSignature(theirs);
      assert.ok(parsed !== undefined && verifyP256Digest(point, digest, parsed));
      const other = Buffer.from(digest);
      other[0] = (other[0] ?? 0) ^ 1;
      assert.ok(!verifyP256Digest(point, other, parsed));
    }
  });
});
