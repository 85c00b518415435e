import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { generateSigningKey } from '../keys/signing-key.js';
import { decodeJwtCredential } from './decode-jwt-credential.js';
import { issueJwtCredential } from './issue-jwt-credential.js';

const fixtures = new URL('../../../../../shared/fixtures/', import.meta.url);
const encodePart = (value: unknown): string =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

describe('decodeJwtCredential', () => {
  it('reads the header and the VC 1.1 credential of the 1EdTech parse-only sample', async () => {
    const jwt = await readFile(new URL('validator/ob30/simple.jwt', fixtures), 'utf8');
    const result = decodeJwtCredential(jwt);
    assert.ok(result.ok);
    assert.deepEqual(result.header, { alg: 'RS256', typ: 'JWT' });
    assert.equal(result.vcVersion, '1.1');
    assert.equal(result.credential.id, 'http://example.edu/credentials/3732');
    assert.equal(result.payload.sub, 'did:example:ebfeb1f712ebc6f1c276e12ec21');
  });

  it('returns a VC 2.0 credential without the JWT claims', async () => {
    const credential = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: 'urn:uuid:1',
      type: ['VerifiableCredential'],
      issuer: 'https://example.org',
      validFrom: '2024-01-01T00:00:00Z',
      credentialSubject: { id: 'did:example:a' },
    };
    const result = decodeJwtCredential(
      await issueJwtCredential(credential, generateSigningKey('ed25519')),
    );
    assert.ok(result.ok);
    assert.equal(result.vcVersion, '2.0');
    assert.deepEqual(result.credential, credential);
    assert.equal(result.payload.jti, 'urn:uuid:1');
  });

  it('does not check signatures (a tampered token still decodes)', () => {
    const jwt = `${encodePart({ alg: 'RS256' })}.${encodePart({ '@context': ['https://www.w3.org/ns/credentials/v2'] })}.AAAA`;
    assert.ok(decodeJwtCredential(jwt).ok);
  });

  it('names parse errors', () => {
    const malformed = decodeJwtCredential('not a jwt');
    assert.equal(malformed.ok ? '' : malformed.code, 'ERR_JWT_MALFORMED');
    const noAlg = decodeJwtCredential(`${encodePart({ typ: 'JWT' })}.${encodePart({})}.`);
    assert.equal(noAlg.ok ? '' : noAlg.code, 'ERR_JWT_MALFORMED');
    const notCredential = decodeJwtCredential(
      `${encodePart({ alg: 'RS256' })}.${encodePart({ iss: 'x' })}.`,
    );
    assert.equal(notCredential.ok ? '' : notCredential.code, 'ERR_JWT_INVALID');
    assert.equal(notCredential.ok ? undefined : notCredential.payload?.iss, 'x');
    const wrongPlace = decodeJwtCredential(
      `${encodePart({ alg: 'RS256' })}.${encodePart({ vc: { '@context': ['https://www.w3.org/ns/credentials/v2'] } })}.`,
    );
    assert.equal(wrongPlace.ok ? '' : wrongPlace.code, 'ERR_JWT_CONTEXT_MISMATCH');
  });
});
