import assert from 'node:assert/strict';
import { createVerify } from 'node:crypto';
import { describe, it } from 'node:test';
import { AkashiError } from '../errors/akashi-error.js';
import { generateSigningKey } from '../keys/signing-key.js';
import { buildTestAssertion } from './publish-test-issuer.js';
import { signAssertion } from './sign-assertion.js';

const key = generateSigningKey('rsa');
const creator = 'https://example.org/akashi/key-1.json';
const assertion = buildTestAssertion({
  id: 'urn:uuid:3f8e1c52-9d0b-4a5e-8a51-2f1f6c1d7b10',
  verification: { type: 'SignedBadge', creator },
});

describe('signAssertion', () => {
  it('returns a compact JWS, header {"alg":"RS256"}, payload the assertion, verifiable with node:crypto', async () => {
    const jws = await signAssertion(assertion, key, { creator });
    const [header = '', payload = '', signature = ''] = jws.split('.');
    assert.deepEqual(JSON.parse(Buffer.from(header, 'base64url').toString('utf8')), {
      alg: 'RS256',
    });
    assert.deepEqual(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')), assertion);
    // Independent of jose: RSASSA-PKCS1-v1_5 with SHA-256 over "header.payload".
    const verifier = createVerify('RSA-SHA256');
    verifier.update(`${header}.${payload}`);
    assert.ok(verifier.verify(key.publicKey, Buffer.from(signature, 'base64url')));
  });

  it('writes verification { type: SignedBadge, creator } when the assertion has none', async () => {
    const { verification: _verification, ...bare } = assertion;
    const jws = await signAssertion(bare as never, key, { creator });
    const payload = JSON.parse(
      Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString('utf8'),
    ) as {
      verification: unknown;
    };
    assert.deepEqual(payload.verification, { type: 'SignedBadge', creator });
  });

  it('refuses a non-RSA key, a conflicting verification, and an invalid assertion', async () => {
    await assert.rejects(
      signAssertion(assertion, generateSigningKey('ed25519'), { creator }),
      (error) => error instanceof AkashiError && error.code === 'ERR_KEY_UNSUPPORTED',
    );
    await assert.rejects(
      signAssertion({ ...assertion, verification: { type: 'HostedBadge' } }, key, { creator }),
      TypeError,
    );
    await assert.rejects(
      signAssertion(assertion, key, { creator: 'https://example.org/another-key.json' }),
      TypeError,
    );
    await assert.rejects(
      signAssertion({ ...assertion, issuedOn: 'yesterday' }, key, { creator }),
      (error) => error instanceof AkashiError && error.code === 'ERR_CREDENTIAL_INVALID',
    );
  });
});
