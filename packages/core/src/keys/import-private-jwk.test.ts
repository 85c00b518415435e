import assert from 'node:assert/strict';
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, it } from 'node:test';
import { isAkashiError, type AkashiErrorCode } from '../errors/akashi-error.js';
import { exportPrivateJwk, exportPublicJwk } from './export-private-jwk.js';
import { importPrivateJwk } from './import-private-jwk.js';
import { importPublicJwk, PRIVATE_JWK_MEMBERS } from './import-public-jwk.js';
import { computeJwkThumbprint, generateSigningKey, KEY_TYPES } from './signing-key.js';

const rejectsWith = (fn: () => unknown, code: AkashiErrorCode): void => {
  assert.throws(fn, (error: unknown) => isAkashiError(error) && error.code === code);
};

const hasNoPrivateMembers = (jwk: object): boolean =>
  PRIVATE_JWK_MEMBERS.every((name) => !(name in jwk));

const signAndVerify = (
  privateKey: Parameters<typeof sign>[2],
  publicKey: Parameters<typeof verify>[2],
  alg: string,
): boolean => {
  const data = Buffer.from('akashi');
  const digest = alg === 'EdDSA' ? null : 'sha256';
  return verify(digest, data, publicKey, sign(digest, data, privateKey));
};

describe('private JWK import and export', () => {
  for (const type of KEY_TYPES) {
    it(`round-trips a ${type} key through exportPrivateJwk / importPrivateJwk`, () => {
      const key = generateSigningKey(type, { kid: `key-${type}` });
      const jwk = exportPrivateJwk(key);
      assert.equal(jwk.kid, `key-${type}`);
      assert.equal(jwk.alg, key.alg);
      assert.equal(typeof jwk.d, 'string');
      const back = importPrivateJwk(JSON.parse(JSON.stringify(jwk)));
      assert.equal(back.type, type);
      assert.equal(back.kid, key.kid);
      assert.equal(back.alg, key.alg);
      assert.deepEqual(back.publicJwk, key.publicJwk);
      assert.ok(signAndVerify(back.privateKey, key.publicKey, key.alg));
    });

    it(`never puts private members in the public output of a ${type} key`, () => {
      const key = generateSigningKey(type);
      assert.ok(hasNoPrivateMembers(key.publicJwk));
      const published = exportPublicJwk(key);
      assert.ok(hasNoPrivateMembers(published));
      assert.equal(published.kid, key.kid);
      assert.equal(published.use, 'sig');
      assert.deepEqual(
        importPublicJwk(published).export({ format: 'jwk' }),
        key.publicKey.export({ format: 'jwk' }),
      );
      // And a public JWK is refused where a private one is needed.
      rejectsWith(() => importPrivateJwk(published), 'ERR_KEY_NOT_PRIVATE');
    });
  }

  it('defaults kid to the Multikey for Ed25519 and P-256 and to the RFC 7638 thumbprint for RSA', () => {
    assert.match(generateSigningKey('ed25519').kid, /^z6Mk/);
    assert.match(generateSigningKey('p256').kid, /^zDn/);
    const rsa = generateSigningKey('rsa');
    assert.equal(rsa.kid, computeJwkThumbprint(rsa.publicJwk));
    assert.equal(rsa.publicKey.asymmetricKeyDetails?.modulusLength, 2048);
  });

  it('computes the RFC 7638 §3.1 example thumbprint', () => {
    const jwk = {
      kty: 'RSA',
      n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
      e: 'AQAB',
      alg: 'RS256',
      kid: '2011-04-29',
    };
    assert.equal(computeJwkThumbprint(jwk), 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs');
  });

  it('rejects JWKs that are not objects or are malformed with ERR_KEY_INVALID', () => {
    const ed = exportPrivateJwk(generateSigningKey('ed25519'));
    rejectsWith(() => importPrivateJwk(null), 'ERR_KEY_INVALID');
    rejectsWith(() => importPrivateJwk('{"kty":"OKP"}'), 'ERR_KEY_INVALID');
    rejectsWith(() => importPrivateJwk([ed]), 'ERR_KEY_INVALID');
    rejectsWith(() => importPrivateJwk({ ...ed, kty: undefined }), 'ERR_KEY_INVALID');
    rejectsWith(() => importPrivateJwk({ ...ed, d: 42 }), 'ERR_KEY_INVALID');
    rejectsWith(() => importPrivateJwk({ ...ed, d: 'AAAA' }), 'ERR_KEY_INVALID');
    rejectsWith(() => importPrivateJwk({ ...ed, kid: '' }), 'ERR_KEY_INVALID');
    const other = generateSigningKey('ed25519').publicJwk.x;
    rejectsWith(() => importPrivateJwk({ ...ed, x: other }), 'ERR_KEY_INVALID');
    const ec = exportPrivateJwk(generateSigningKey('p256'));
    rejectsWith(
      () => importPrivateJwk({ ...ec, y: generateSigningKey('p256').publicJwk.y }),
      'ERR_KEY_INVALID',
    );
    const rsa = exportPrivateJwk(generateSigningKey('rsa'));
    rejectsWith(
      () => importPrivateJwk({ ...rsa, n: generateSigningKey('rsa').publicJwk.n }),
      'ERR_KEY_INVALID',
    );
    rejectsWith(() => importPrivateJwk({ ...rsa, q: undefined }), 'ERR_KEY_INVALID');
  });

  it('rejects unsupported key types, curves, algorithms and uses with ERR_KEY_UNSUPPORTED', () => {
    rejectsWith(() => importPrivateJwk({ kty: 'oct', k: 'c2VjcmV0' }), 'ERR_KEY_UNSUPPORTED');
    const x25519 = generateKeyPairSync('x25519').privateKey.export({ format: 'jwk' });
    rejectsWith(() => importPrivateJwk(x25519), 'ERR_KEY_UNSUPPORTED');
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey.export({
      format: 'jwk',
    });
    rejectsWith(() => importPrivateJwk(p384), 'ERR_KEY_UNSUPPORTED');
    const rsa1024 = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({
      format: 'jwk',
    });
    rejectsWith(() => importPrivateJwk(rsa1024), 'ERR_KEY_UNSUPPORTED');
    const rsa = exportPrivateJwk(generateSigningKey('rsa'));
    rejectsWith(() => importPrivateJwk({ ...rsa, alg: 'PS256' }), 'ERR_KEY_UNSUPPORTED');
    rejectsWith(() => importPrivateJwk({ ...rsa, use: 'enc' }), 'ERR_KEY_UNSUPPORTED');
  });

  it('gives messages in English and Japanese', () => {
    try {
      importPrivateJwk({ kty: 'OKP', crv: 'Ed25519', x: 'AAAA' });
      assert.fail('expected an error');
    } catch (error) {
      assert.ok(isAkashiError(error));
      assert.equal(error.code, 'ERR_KEY_NOT_PRIVATE');
      assert.match(error.message, /public key/);
      assert.match(error.ja, /公開鍵/);
    }
  });

  it('refuses public JWKs that carry private members', () => {
    rejectsWith(
      () => importPublicJwk(exportPrivateJwk(generateSigningKey('p256'))),
      'ERR_KEY_INVALID',
    );
    const rsa = exportPrivateJwk(generateSigningKey('rsa'));
    rejectsWith(
      () => importPublicJwk({ kty: 'RSA', n: rsa.n, e: rsa.e, p: rsa.p }),
      'ERR_KEY_INVALID',
    );
  });
});
