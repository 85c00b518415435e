/**
 * VC-JWT interop with `jose` alone (panva/jose, an independent JOSE implementation):
 * - ours → jose: a VC-JWT we issue (EdDSA, ES256, RS256) verifies with `jwtVerify` and a public
 *   key that the test derives from the header `kid` without our code (Digital Bazaar's
 *   Multikey library for Ed25519, base58 + node:crypto for P-256, an RFC 7638 thumbprint check
 *   for RSA), and its claims follow the OB 3.0 VC-JWT profile: `iss` = issuer.id, `jti` = id,
 *   `nbf` = validFrom, `sub` = credentialSubject.id, `exp` = validUntil, the credential itself as
 *   the payload, and only the allowed header members;
 * - jose → ours: a VC-JWT assembled by hand with jose's `SignJWT` verifies in our verifier.
 */
import assert from 'node:assert/strict';
import { createPublicKey, ECDH, type JsonWebKey, type KeyObject } from 'node:crypto';
import { describe, it } from 'node:test';
import { inspect } from 'node:util';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { decode as decodeBase58 } from 'base58-universal';
import { calculateJwkThumbprint, decodeProtectedHeader, importJWK, jwtVerify, SignJWT } from 'jose';
import {
  createVerifier,
  didKeyFor,
  generateSigningKey,
  issueCredential,
  type KeyType,
  type SigningKey,
} from '../packages/core/src/index.js';
import { installOfflineNetwork } from './offline-network.js';
import { buildCredential, FIXTURE_NAMES, NOW, type Json } from './interop-fixtures.js';

const network = installOfflineNetwork();

const RSA_ISSUER = 'https://issuer.example/profiles/rsa';
const ALLOWED_HEADER_MEMBERS = new Set(['alg', 'kid', 'jwk', 'typ']);

/** The public key for a `kid`, found without Akashi's key code. */
const keyForKid = async (kid: string, type: KeyType, publicJwk: JsonWebKey): Promise<KeyObject> => {
  const fragment = kid.slice(kid.indexOf('#') + 1);
  switch (type) {
    case 'ed25519': {
      const pair = await Ed25519Multikey.from({ publicKeyMultibase: fragment });
      return createPublicKey({
        key: await Ed25519Multikey.toJwk({ keyPair: pair }),
        format: 'jwk',
      });
    }
    case 'p256': {
      const bytes = decodeBase58(fragment.slice(1));
      assert.deepEqual([...bytes.subarray(0, 2)], [0x80, 0x24], 'p256-pub multicodec');
      const point = ECDH.convertKey(
        bytes.subarray(2),
        'prime256v1',
        undefined,
        undefined,
        'uncompressed',
      );
      const raw = Buffer.from(point as unknown as Uint8Array);
      return createPublicKey({
        key: {
          kty: 'EC',
          crv: 'P-256',
          x: raw.subarray(1, 33).toString('base64url'),
          y: raw.subarray(33).toString('base64url'),
        },
        format: 'jwk',
      });
    }
    case 'rsa': {
      // The kid names the key by its RFC 7638 thumbprint, which jose recomputes.
      assert.equal(
        fragment,
        await calculateJwkThumbprint(publicJwk as Parameters<typeof calculateJwkThumbprint>[0]),
      );
      return createPublicKey({ key: publicJwk, format: 'jwk' });
    }
  }
};

const issuerFor = (key: SigningKey): string => (key.type === 'rsa' ? RSA_ISSUER : didKeyFor(key));

const seconds = (iso: string): number => Date.parse(iso) / 1000;

describe('ours → jose jwtVerify (OB 3.0 VC-JWT profile)', () => {
  const keys: Record<KeyType, SigningKey> = {
    ed25519: generateSigningKey('ed25519'),
    p256: generateSigningKey('p256'),
    rsa: generateSigningKey('rsa'),
  };
  const expectedAlg: Record<KeyType, string> = { ed25519: 'EdDSA', p256: 'ES256', rsa: 'RS256' };

  for (const type of ['ed25519', 'p256', 'rsa'] as const) {
    for (const name of FIXTURE_NAMES) {
      it(`${expectedAlg[type]}: jose verifies our ${name} VC-JWT and its claims match the credential`, async () => {
        const key = keys[type];
        const credential = buildCredential(name, issuerFor(key));
        const issued = await issueCredential(structuredClone(credential), { key, format: 'jwt' });
        assert.equal(issued.format, 'jwt');
        const { jwt } = issued;

        const header = decodeProtectedHeader(jwt);
        assert.equal(header.alg, expectedAlg[type]);
        assert.ok(header.typ === undefined || header.typ === 'JWT', `typ ${String(header.typ)}`);
        for (const member of Object.keys(header))
          assert.ok(ALLOWED_HEADER_MEMBERS.has(member), member);
        assert.ok(header.jwk === undefined || !('d' in header.jwk), 'no private key in the header');
        assert.equal(typeof header.kid, 'string');
        const kid = String(header.kid);
        assert.ok(kid.startsWith(`${issuerFor(key)}#`), kid);

        const publicKey = await keyForKid(kid, type, key.publicJwk);
        const { payload } = await jwtVerify(jwt, publicKey, {
          algorithms: [expectedAlg[type]],
          currentDate: NOW,
        });

        const subject = credential.credentialSubject as Json;
        assert.equal(payload.iss, (credential.issuer as Json).id);
        assert.equal(payload.jti, credential.id);
        assert.equal(payload.nbf, seconds(String(credential.validFrom)));
        assert.equal(payload.sub, subject.id);
        const { validUntil } = credential;
        assert.equal(payload.exp, typeof validUntil === 'string' ? seconds(validUntil) : undefined);
        // VC 2.0 JWT: the credential itself is the payload (no `vc` claim), unchanged.
        assert.equal(payload.vc, undefined);
        for (const [member, value] of Object.entries(credential)) {
          assert.deepEqual(payload[member], value, member);
        }
      });
    }
  }

  it('jose rejects our VC-JWT once a payload byte changes', async () => {
    const key = keys.ed25519;
    const { jwt } = (await issueCredential(buildCredential('minimal', didKeyFor(key)), {
      key,
      format: 'jwt',
    })) as { jwt: string };
    const [head, body, signature] = jwt.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Json;
    claims.name = 'Forged badge';
    const forged = [
      head,
      Buffer.from(JSON.stringify(claims)).toString('base64url'),
      signature,
    ].join('.');
    await assert.rejects(jwtVerify(forged, key.publicKey, { currentDate: NOW }), {
      code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
    });
  });
});

describe('jose SignJWT → our verifier', () => {
  for (const type of ['ed25519', 'p256'] as const) {
    it(`accepts a ${type} VC-JWT assembled with jose and rejects one signed by another key`, async () => {
      const key = generateSigningKey(type);
      const did = didKeyFor(key);
      const credential = buildCredential('japanese', did);
      const subject = credential.credentialSubject as Json;
      const privateJwk = key.privateKey.export({ format: 'jwk' });
      const alg = type === 'ed25519' ? 'EdDSA' : 'ES256';
      const sign = async (signingJwk: JsonWebKey) =>
        new SignJWT(credential)
          .setProtectedHeader({ alg, typ: 'JWT', kid: `${did}#${did.slice('did:key:'.length)}` })
          .setIssuer(did)
          .setJti(String(credential.id))
          .setNotBefore(seconds(String(credential.validFrom)))
          .setSubject(String(subject.id))
          .sign(await importJWK(signingJwk as Parameters<typeof importJWK>[0], alg));

      const verifier = createVerifier({ now: () => NOW });
      const report = await verifier.verifyCredential(await sign(privateJwk));
      assert.equal(report.status, 'valid', inspect(report.checks, { depth: 4 }));
      assert.equal(report.proofFormat, 'jwt');
      assert.equal(report.checks.find((c) => c.name === 'proof')?.outcome, 'passed');

      const other = generateSigningKey(type).privateKey.export({ format: 'jwk' });
      const forged = await verifier.verifyCredential(await sign(other));
      assert.equal(forged.status, 'invalid', inspect(forged.checks, { depth: 4 }));
      assert.equal(forged.checks.find((c) => c.name === 'proof')?.outcome, 'failed');
    });
  }
});

describe('offline', () => {
  it('fetched nothing', () => {
    assert.deepEqual(network.refused, []);
    assert.deepEqual(network.served, []);
  });
});
