import assert from 'node:assert/strict';
import { createSecretKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { CompactSign } from 'jose';
import { AkashiError } from '../errors/akashi-error.js';
import { buildDidWebDocument, didWebToUrl } from '../keys/did-web.js';
import { createVerificationMethodResolver } from '../keys/resolve-verification-method.js';
import { generateSigningKey, type SigningKey } from '../keys/signing-key.js';
import { issueJwtCredential } from './issue-jwt-credential.js';
import { verifyJwtCredential, type VerifyJwtCredentialResult } from './verify-jwt-credential.js';

const fixtures = new URL('../../../../../shared/fixtures/', import.meta.url);

const V2 = 'https://www.w3.org/ns/credentials/v2';
const V1 = 'https://www.w3.org/2018/credentials/v1';
const ISSUER = 'https://example.ac.jp/issuers/1';
const SUBJECT = 'did:example:ebfeb1f712ebc6f1c276e12ec21';

const createCredential = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  '@context': [V2, 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  id: 'urn:uuid:0d3a4d1e-1f0e-4c1e-9d0e-1a2b3c4d5e6f',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: ISSUER, type: ['Profile'], name: 'Example' },
  validFrom: '2024-01-01T00:00:00Z',
  name: 'Badge',
  credentialSubject: { id: SUBJECT, type: ['AchievementSubject'] },
  ...overrides,
});

const encodePart = (value: unknown): string =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

/** Signs any header and payload with jose, bypassing our issuer's checks. */
const signRaw = (
  header: Record<string, unknown>,
  payload: unknown,
  key: KeyObject | Uint8Array,
): Promise<string> =>
  new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader(header as { alg: string })
    .sign(key);

const rsa = generateSigningKey('rsa');
const ed = generateSigningKey('ed25519');
const p256 = generateSigningKey('p256');

const claimsFor = (credential: Record<string, unknown>): Record<string, unknown> => ({
  iss: ISSUER,
  jti: credential.id,
  nbf: Date.parse(String(credential.validFrom ?? credential.issuanceDate)) / 1000,
  sub: SUBJECT,
});

const embedded = (key: SigningKey): Record<string, unknown> => ({
  alg: key.alg,
  typ: 'JWT',
  jwk: key.publicJwk,
});

const expectFailure = (result: VerifyJwtCredentialResult, code: string): void => {
  if (result.ok) assert.fail(`expected ${code}, but the JWT verified`);
  assert.equal(result.code, code, result.message.en);
  assert.ok(result.message.en.length > 0 && result.message.ja.length > 0);
};

const readBakedJwt = async (path: string): Promise<string> => {
  const svg = await readFile(new URL(path, fixtures), 'utf8');
  const match = /verify="([^"]+)"/.exec(svg);
  assert.ok(match?.[1]);
  return match[1];
};

describe('verifyJwtCredential', () => {
  it('verifies the 1EdTech VC 2.0 sample (RS256, header jwk, no sub claim)', async () => {
    const result = await verifyJwtCredential(await readBakedJwt('validator/ob30/simple-jwt.svg'));
    assert.ok(result.ok, result.ok ? '' : result.message.en);
    assert.equal(result.vcVersion, '2.0');
    assert.equal(result.header.alg, 'RS256');
    assert.deepEqual(result.missingClaims, ['sub']);
    assert.equal(result.credential.id, 'http://example.com/credentials/3527');
    assert.equal(result.credential.iat, undefined);
  });

  it('verifies the 1EdTech VC 1.1 samples (credential in the vc claim)', async () => {
    for (const jwt of [
      await readBakedJwt('validator/ob30/simple-jwt_v1.svg'),
      (await readFile(new URL('validator/clr20/simple.jwt', fixtures), 'utf8')).trim(),
    ]) {
      const result = await verifyJwtCredential(jwt);
      assert.ok(result.ok, result.ok ? '' : result.message.en);
      assert.equal(result.vcVersion, '1.1');
      assert.equal((result.credential['@context'] as unknown[])[0], V1);
    }
  });

  it('reports a JWT with neither kid nor jwk (the 1EdTech parse-only sample)', async () => {
    const jwt = (await readFile(new URL('validator/ob30/simple.jwt', fixtures), 'utf8')).trim();
    expectFailure(await verifyJwtCredential(jwt), 'ERR_JWT_KEY_MISSING');
  });

  it('verifies a VC 1.1 vc-claim JWT and fills properties from its claims', async () => {
    const vc = {
      '@context': [V1, 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { type: ['Profile'], name: 'Example' },
      credentialSubject: { type: ['AchievementSubject'] },
    };
    const payload = {
      vc,
      iss: ISSUER,
      jti: 'urn:uuid:1',
      nbf: 1_262_304_000,
      exp: 1_893_456_000,
      sub: SUBJECT,
    };
    const jwt = await signRaw(embedded(ed), payload, ed.privateKey);
    const result = await verifyJwtCredential(jwt);
    assert.ok(result.ok, result.ok ? '' : result.message.en);
    assert.equal(result.vcVersion, '1.1');
    assert.equal(result.credential.id, 'urn:uuid:1');
    assert.deepEqual(result.credential.issuer, { type: ['Profile'], name: 'Example', id: ISSUER });
    assert.equal(result.credential.issuanceDate, '2010-01-01T00:00:00Z');
    assert.equal(result.credential.expirationDate, '2030-01-01T00:00:00Z');
    assert.deepEqual(result.credential.credentialSubject, {
      type: ['AchievementSubject'],
      id: SUBJECT,
    });
  });

  it('checks that @context[0] matches where the credential sits', async () => {
    const v2InVc = { vc: createCredential(), ...claimsFor(createCredential()) };
    expectFailure(
      await verifyJwtCredential(await signRaw(embedded(ed), v2InVc, ed.privateKey)),
      'ERR_JWT_CONTEXT_MISMATCH',
    );
    const v1AtRoot = {
      ...createCredential({ '@context': [V1] }),
      ...claimsFor(createCredential()),
    };
    expectFailure(
      await verifyJwtCredential(await signRaw(embedded(ed), v1AtRoot, ed.privateKey)),
      'ERR_JWT_CONTEXT_MISMATCH',
    );
    const notACredential = { iss: ISSUER, sub: SUBJECT };
    expectFailure(
      await verifyJwtCredential(await signRaw(embedded(ed), notACredential, ed.privateKey)),
      'ERR_JWT_INVALID',
    );
  });

  it('fails a tampered payload or signature with ERR_JWT_SIGNATURE_INVALID and still shows the credential', async () => {
    const jwt = await issueJwtCredential(createCredential(), rsa);
    const [header, payload, signature] = jwt.split('.') as [string, string, string];
    const forged = encodePart({
      ...(JSON.parse(Buffer.from(payload, 'base64url').toString()) as object),
      name: 'Forged',
    });
    const result = await verifyJwtCredential(`${header}.${forged}.${signature}`);
    expectFailure(result, 'ERR_JWT_SIGNATURE_INVALID');
    assert.equal(result.ok ? undefined : result.credential?.name, 'Forged');
    const bytes = Buffer.from(signature, 'base64url');
    bytes[10] = (bytes[10] ?? 0) ^ 1;
    expectFailure(
      await verifyJwtCredential(`${header}.${payload}.${bytes.toString('base64url')}`),
      'ERR_JWT_SIGNATURE_INVALID',
    );
    // Another key's jwk swapped into the header: the signature no longer fits.
    const otherHeader = encodePart({
      alg: 'RS256',
      typ: 'JWT',
      jwk: generateSigningKey('rsa').publicJwk,
    });
    expectFailure(
      await verifyJwtCredential(`${otherHeader}.${payload}.${signature}`),
      'ERR_JWT_SIGNATURE_INVALID',
    );
  });

  it('rejects alg none and HS256', async () => {
    const payload = encodePart({ ...createCredential(), ...claimsFor(createCredential()) });
    expectFailure(
      await verifyJwtCredential(`${encodePart({ alg: 'none', typ: 'JWT' })}.${payload}.`),
      'ERR_JWT_ALG_UNSUPPORTED',
    );
    const secret = createSecretKey(Buffer.alloc(32, 7));
    const hs256 = await signRaw(
      { alg: 'HS256', typ: 'JWT', kid: 'k' },
      JSON.parse(Buffer.from(payload, 'base64url').toString()),
      secret,
    );
    expectFailure(
      await verifyJwtCredential(hs256, { resolveKey: () => Promise.resolve(secret) }),
      'ERR_JWT_ALG_UNSUPPORTED',
    );
    expectFailure(
      await verifyJwtCredential(
        `${encodePart({ alg: 'PS256', jwk: rsa.publicJwk })}.${payload}.AA`,
      ),
      'ERR_JWT_ALG_UNSUPPORTED',
    );
  });

  it('rejects a header jwk with d or other private members', async () => {
    const credential = createCredential();
    const privateJwk: JsonWebKey = p256.privateKey.export({ format: 'jwk' });
    const jwt = await signRaw(
      { alg: 'ES256', jwk: privateJwk },
      { ...credential, ...claimsFor(credential) },
      p256.privateKey,
    );
    expectFailure(await verifyJwtCredential(jwt), 'ERR_JWT_JWK_PRIVATE');
    const rsaPrivate = rsa.privateKey.export({ format: 'jwk' });
    const withP = { kty: 'RSA', n: rsaPrivate.n, e: rsaPrivate.e, p: rsaPrivate.p };
    const jwt2 = await signRaw(
      { alg: 'RS256', jwk: withP },
      { ...credential, ...claimsFor(credential) },
      rsa.privateKey,
    );
    expectFailure(await verifyJwtCredential(jwt2), 'ERR_JWT_JWK_PRIVATE');
  });

  it('rejects a key that does not fit alg, and unsupported typ values', async () => {
    const credential = createCredential();
    const payload = { ...credential, ...claimsFor(credential) };
    const jwt = await signRaw({ alg: 'ES256', typ: 'JWT', kid: 'k' }, payload, p256.privateKey);
    expectFailure(
      await verifyJwtCredential(jwt, { resolveKey: () => Promise.resolve(rsa.publicKey) }),
      'ERR_JWT_KEY_MISMATCH',
    );
    const joseTyp = await signRaw(
      { alg: 'EdDSA', typ: 'JOSE', jwk: ed.publicJwk },
      payload,
      ed.privateKey,
    );
    expectFailure(await verifyJwtCredential(joseTyp), 'ERR_JWT_TYP_UNSUPPORTED');
    for (const typ of ['vc+jwt', 'application/vc+jwt', 'jwt']) {
      const accepted = await signRaw(
        { alg: 'EdDSA', typ, cty: 'vc', jwk: ed.publicJwk },
        payload,
        ed.privateKey,
      );
      assert.ok((await verifyJwtCredential(accepted)).ok, typ);
    }
    const noTyp = await signRaw({ alg: 'EdDSA', jwk: ed.publicJwk }, payload, ed.privateKey);
    assert.ok((await verifyJwtCredential(noTyp)).ok);
  });

  it('fails claims that disagree with the credential with ERR_JWT_CLAIM_MISMATCH', async () => {
    const credential = createCredential({ validUntil: '2030-01-01T00:00:00Z' });
    const good: Record<string, unknown> = {
      ...credential,
      ...claimsFor(credential),
      exp: 1_893_456_000,
    };
    const cases: Record<string, unknown>[] = [
      { ...good, jti: 'urn:uuid:other' },
      { ...good, iss: 'https://attacker.example' },
      { ...good, sub: 'did:example:mallory' },
      { ...good, nbf: (good.nbf as number) + 1 },
      { ...good, exp: 1_893_456_001 },
      { ...good, nbf: '2024-01-01T00:00:00Z' },
      { ...createCredential(), ...claimsFor(credential), exp: 1_893_456_000 }, // exp without validUntil
    ];
    for (const payload of cases) {
      const result = await verifyJwtCredential(await signRaw(embedded(ed), payload, ed.privateKey));
      expectFailure(result, 'ERR_JWT_CLAIM_MISMATCH');
      assert.ok(!result.ok && result.mismatches?.length === 1);
    }
    assert.ok((await verifyJwtCredential(await signRaw(embedded(ed), good, ed.privateKey))).ok);
  });

  it('does not judge expiry: an expired, matching JWT verifies', async () => {
    const credential = createCredential({
      validFrom: '2001-01-01T00:00:00Z',
      validUntil: '2002-01-01T00:00:00Z',
    });
    const result = await verifyJwtCredential(await issueJwtCredential(credential, p256));
    assert.ok(result.ok);
    assert.equal(result.payload.exp, Date.parse('2002-01-01T00:00:00Z') / 1000);
  });

  it('reports key resolution failures apart from signature failures', async () => {
    const jwt = await issueJwtCredential(createCredential(), ed, {
      kidUrl: 'did:web:down.example#key-1',
    });
    const offline = (): Promise<KeyObject> =>
      Promise.reject(new AkashiError('ERR_FETCH_FAILED', { en: 'offline', ja: 'オフライン' }));
    expectFailure(await verifyJwtCredential(jwt, { resolveKey: offline }), 'ERR_FETCH_FAILED');
    expectFailure(
      await verifyJwtCredential(jwt, { resolveKey: () => Promise.reject(new Error('boom')) }),
      'ERR_JWT_KEY_UNRESOLVED',
    );
    expectFailure(await verifyJwtCredential(jwt), 'ERR_JWT_KEY_UNRESOLVED');
    const resolver = createVerificationMethodResolver({
      fetchJson: () => Promise.reject(new TypeError('fetch failed')),
    });
    expectFailure(
      await verifyJwtCredential(jwt, {
        resolveKey: async (kid) => (await resolver.resolve(kid)).publicKey,
      }),
      'ERR_FETCH_FAILED',
    );
    const unsupported = await issueJwtCredential(createCredential(), ed, {
      kidUrl: 'did:example:123#k',
    });
    expectFailure(
      await verifyJwtCredential(unsupported, {
        resolveKey: async (kid) => (await resolver.resolve(kid)).publicKey,
      }),
      'ERR_DID_UNSUPPORTED',
    );
  });

  it('verifies an RS256 JWT whose kid is a did:web URL (pitfall P10)', async () => {
    const did = 'did:web:example.ac.jp';
    const key = generateSigningKey('rsa', { kid: 'jwt-rsa' });
    const document = buildDidWebDocument({ did, keys: [ed, key] });
    const resolver = createVerificationMethodResolver({
      fetchJson: (url) =>
        url === didWebToUrl(did) ? Promise.resolve(document) : Promise.reject(new Error(url)),
    });
    const jwt = await issueJwtCredential(createCredential({ issuer: { id: did } }), key, {
      kidUrl: `${did}#jwt-rsa`,
    });
    const result = await verifyJwtCredential(jwt, {
      resolveKey: async (kid) => (await resolver.resolve(kid)).publicKey,
    });
    assert.ok(result.ok, result.ok ? '' : result.message.en);
  });

  it('never throws on junk', async () => {
    for (const junk of [
      '',
      'a.b',
      'a.b.c.d',
      '!!.??.**',
      `${encodePart([1])}.${encodePart({})}.`,
      `${encodePart({ alg: 'EdDSA' })}.${encodePart('x')}.`,
    ]) {
      expectFailure(await verifyJwtCredential(junk), 'ERR_JWT_MALFORMED');
    }
    expectFailure(await verifyJwtCredential(42 as unknown as string), 'ERR_JWT_MALFORMED');
    const b64false = `${encodePart({ alg: 'EdDSA', b64: false, crit: ['b64'], jwk: ed.publicJwk })}.${encodePart({})}.AA`;
    expectFailure(await verifyJwtCredential(b64false), 'ERR_JWT_MALFORMED');
    const badJwk = `${encodePart({ alg: 'EdDSA', jwk: { kty: 'OKP', crv: 'Ed25519', x: 'AA' } })}.${encodePart({})}.AA`;
    expectFailure(await verifyJwtCredential(badJwk), 'ERR_KEY_INVALID');
    const nullJwk = `${encodePart({ alg: 'EdDSA', jwk: null })}.${encodePart({})}.AA`;
    expectFailure(await verifyJwtCredential(nullJwk), 'ERR_KEY_INVALID');
  });
});
