import assert from 'node:assert/strict';
import { createVerify, verify as verifySignature } from 'node:crypto';
import { describe, it } from 'node:test';
import { isAkashiError } from '../errors/akashi-error.js';
import { didKeyFor, verificationMethodIdFor } from '../keys/did-key.js';
import { PRIVATE_JWK_MEMBERS } from '../keys/import-public-jwk.js';
import { createVerificationMethodResolver } from '../keys/resolve-verification-method.js';
import { generateSigningKey, KEY_TYPES, type SigningKey } from '../keys/signing-key.js';
import { issueJwtCredential } from './issue-jwt-credential.js';
import { verifyJwtCredential } from './verify-jwt-credential.js';

const createCredential = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  '@context': [
    'https://www.w3.org/ns/credentials/v2',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  ],
  id: 'urn:uuid:6f2e33e5-7a29-4155-840a-59483ba10164',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: 'did:web:example.ac.jp', type: ['Profile'], name: '明石大学' },
  validFrom: '2025-04-01T09:30:15.250Z',
  validUntil: '2030-03-31T23:59:59Z',
  name: 'データサイエンス基礎',
  credentialSubject: {
    id: 'did:example:ebfeb1f712ebc6f1c276e12ec21',
    type: ['AchievementSubject'],
    achievement: {
      id: 'https://example.ac.jp/achievements/ds-101',
      type: ['Achievement'],
      name: 'データサイエンス基礎',
      description: '統計とプログラミングの基礎を修めた。',
      criteria: { narrative: '全課題に合格すること。' },
    },
  },
  ...overrides,
});

const decodePart = (part: string | undefined): Record<string, unknown> =>
  JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

const keys: Record<string, SigningKey> = Object.fromEntries(
  KEY_TYPES.map((type) => [type, generateSigningKey(type)]),
);

describe('issueJwtCredential', () => {
  for (const type of KEY_TYPES) {
    const key = keys[type]!;

    it(`issues a ${key.alg} VC-JWT with an embedded jwk that verifies`, async () => {
      const credential = createCredential();
      const jwt = await issueJwtCredential(credential, key);
      const [headerPart, payloadPart] = jwt.split('.');
      const header = decodePart(headerPart);
      assert.deepEqual(Object.keys(header).sort(), ['alg', 'jwk', 'typ']);
      assert.equal(header.alg, key.alg);
      assert.equal(header.typ, 'JWT');
      assert.deepEqual(header.jwk, key.publicJwk);
      assert.ok(PRIVATE_JWK_MEMBERS.every((name) => !(name in (header.jwk as object))));
      const payload = decodePart(payloadPart);
      assert.equal(payload.iss, 'did:web:example.ac.jp');
      assert.equal(payload.jti, credential.id);
      assert.equal(payload.nbf, Math.floor(Date.parse('2025-04-01T09:30:15.250Z') / 1000));
      assert.equal(payload.sub, 'did:example:ebfeb1f712ebc6f1c276e12ec21');
      assert.equal(payload.exp, Date.parse('2030-03-31T23:59:59Z') / 1000);
      assert.equal(payload.name, credential.name);

      const result = await verifyJwtCredential(jwt);
      assert.ok(result.ok, result.ok ? '' : result.message.en);
      assert.equal(result.vcVersion, '2.0');
      assert.equal(result.keySource, 'jwk');
      assert.deepEqual(
        result.credential,
        credential,
        'the JWT claims are not part of the credential',
      );
      assert.deepEqual(result.missingClaims, []);
    });

    it(`issues a ${key.alg} VC-JWT with a kid that verifies through a resolver`, async () => {
      if (type === 'rsa') {
        // RSA keys have no did:key; resolve the kid from a plain key table instead.
        const jwt = await issueJwtCredential(createCredential(), key, {
          kidUrl: 'https://example.ac.jp/keys/rsa-1',
        });
        assert.deepEqual(Object.keys(decodePart(jwt.split('.')[0])).sort(), ['alg', 'kid', 'typ']);
        const result = await verifyJwtCredential(jwt, {
          resolveKey: (kid) =>
            kid === 'https://example.ac.jp/keys/rsa-1'
              ? Promise.resolve(key.publicKey)
              : Promise.reject(new Error(kid)),
        });
        assert.ok(result.ok, result.ok ? '' : result.message.en);
        assert.equal(result.keySource, 'kid');
        return;
      }
      const did = didKeyFor(key);
      const credential = createCredential({ issuer: { id: did, type: ['Profile'], name: 'Test' } });
      const kidUrl = verificationMethodIdFor(did);
      const jwt = await issueJwtCredential(credential, key, { kidUrl });
      const header = decodePart(jwt.split('.')[0]);
      assert.deepEqual(header, { alg: key.alg, typ: 'JWT', kid: kidUrl });
      const resolver = createVerificationMethodResolver();
      const result = await verifyJwtCredential(jwt, {
        resolveKey: async (kid) => (await resolver.resolve(kid)).publicKey,
      });
      assert.ok(result.ok, result.ok ? '' : result.message.en);
      assert.equal(result.header.kid, kidUrl);
    });
  }

  it('can embed the jwk beside the kid', async () => {
    const key = keys.p256!;
    const jwt = await issueJwtCredential(createCredential(), key, {
      kidUrl: 'did:web:example.ac.jp#k',
      embedJwk: true,
    });
    assert.deepEqual(Object.keys(decodePart(jwt.split('.')[0])).sort(), [
      'alg',
      'jwk',
      'kid',
      'typ',
    ]);
  });

  it('produces RS256 signatures that node:crypto verifies on the signing input', async () => {
    const key = keys.rsa!;
    const jwt = await issueJwtCredential(createCredential(), key);
    const [headerPart, payloadPart, signaturePart] = jwt.split('.');
    const verifier = createVerify('RSA-SHA256');
    verifier.update(`${headerPart}.${payloadPart}`);
    assert.ok(verifier.verify(key.publicKey, Buffer.from(signaturePart ?? '', 'base64url')));
    // And a one-byte change of the signing input breaks it.
    const tampered = createVerify('RSA-SHA256');
    tampered.update(`${headerPart}.${payloadPart}x`);
    assert.equal(
      tampered.verify(key.publicKey, Buffer.from(signaturePart ?? '', 'base64url')),
      false,
    );
  });

  it('produces ES256 (raw r‖s) and EdDSA signatures that node:crypto verifies', async () => {
    for (const key of [keys.p256!, keys.ed25519!]) {
      const jwt = await issueJwtCredential(createCredential(), key);
      const [headerPart, payloadPart, signaturePart] = jwt.split('.');
      const signature = Buffer.from(signaturePart ?? '', 'base64url');
      const input = Buffer.from(`${headerPart}.${payloadPart}`);
      const ok =
        key.alg === 'EdDSA'
          ? verifySignature(null, input, key.publicKey, signature)
          : verifySignature(
              'sha256',
              input,
              { key: key.publicKey, dsaEncoding: 'ieee-p1363' },
              signature,
            );
      assert.equal(signature.length, 64);
      assert.ok(ok);
    }
  });

  it('never embeds private members, even if the key object carries them', async () => {
    const key = keys.ed25519!;
    const leaky = {
      ...key,
      publicJwk: { ...key.publicJwk, d: key.privateKey.export({ format: 'jwk' }).d ?? '' },
    };
    const jwt = await issueJwtCredential(createCredential(), leaky);
    const header = decodePart(jwt.split('.')[0]);
    assert.equal((header.jwk as Record<string, unknown>).d, undefined);
  });

  it('omits exp when the credential has no validUntil', async () => {
    const credential = createCredential();
    delete credential.validUntil;
    const jwt = await issueJwtCredential(credential, keys.ed25519!);
    assert.equal(decodePart(jwt.split('.')[1]).exp, undefined);
  });

  it('accepts an issuer given as a string', async () => {
    const jwt = await issueJwtCredential(
      createCredential({ issuer: 'https://example.ac.jp/issuer' }),
      keys.ed25519!,
    );
    assert.equal(decodePart(jwt.split('.')[1]).iss, 'https://example.ac.jp/issuer');
  });

  it('refuses a credential without credentialSubject.id and points to Data Integrity', async () => {
    const credential = createCredential({
      credentialSubject: {
        type: ['AchievementSubject'],
        identifier: [
          {
            type: 'IdentityObject',
            identityHash: 'sha256$abc',
            identityType: 'emailAddress',
            hashed: true,
          },
        ],
      },
    });
    await assert.rejects(issueJwtCredential(credential, keys.rsa!), (error: unknown) => {
      assert.ok(isAkashiError(error));
      assert.equal(error.code, 'ERR_CREDENTIAL_INVALID');
      assert.match(error.message, /credentialSubject\.id.*Data Integrity/);
      assert.match(error.ja, /Data Integrity/);
      return true;
    });
  });

  it('refuses VC 1.1 credentials and credentials missing id, issuer id or validFrom', async () => {
    const cases = [
      createCredential({ '@context': ['https://www.w3.org/2018/credentials/v1'] }),
      createCredential({ id: undefined }),
      createCredential({ issuer: { name: 'No id' } }),
      createCredential({ validFrom: 'yesterday' }),
      createCredential({ validUntil: 42 }),
      createCredential({ credentialSubject: [{ id: 'did:example:a' }, { id: 'did:example:b' }] }),
    ];
    for (const credential of cases) {
      await assert.rejects(
        issueJwtCredential(credential, keys.ed25519!),
        (error: unknown) => isAkashiError(error) && error.code === 'ERR_CREDENTIAL_INVALID',
      );
    }
  });

  it('treats a request for neither kid nor jwk as a programming error', async () => {
    await assert.rejects(
      issueJwtCredential(createCredential(), keys.ed25519!, { embedJwk: false }),
      TypeError,
    );
  });
});
