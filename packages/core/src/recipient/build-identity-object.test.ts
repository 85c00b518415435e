import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AkashiError } from '../errors/akashi-error.js';
import { getOfficialValidator } from '../models/test-factories.js';
import { validateModel } from '../models/validate-model.js';
import { buildIdentityObject, type BuildIdentityObjectInput } from './build-identity-object.js';
import { hashIdentity } from './hash-identity.js';

/** The official schema's IdentityObject definition, compiled standalone. */
const assertOfficialIdentityObject = (value: unknown): void => {
  const validate = getOfficialValidator('achievementcredential');
  const credential = {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ],
    id: 'urn:uuid:00000000-0000-4000-8000-000000000000',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: 'https://example.org/issuer',
    validFrom: '2025-01-01T00:00:00Z',
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [value],
      achievement: {
        id: 'https://example.org/a',
        type: ['Achievement'],
        name: 'a',
        description: 'a',
        criteria: { narrative: 'a' },
      },
    },
  };
  assert.ok(validate(credential), JSON.stringify(validate.errors));
};

describe('buildIdentityObject', () => {
  it('hashes a normalised e-mail address with the given salt (the OB 3.0 vector)', () => {
    const identity = buildIdentityObject({ email: '  A@Example.com ', salt: 'Kosher' });
    assert.deepEqual(identity, {
      type: 'IdentityObject',
      identityHash: 'sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399',
      identityType: 'emailAddress',
      hashed: true,
      salt: 'Kosher',
    });
    assertOfficialIdentityObject(identity);
  });

  it('uses a fresh random 16-byte hex salt by default', () => {
    const first = buildIdentityObject({ email: 'a@example.com' });
    const second = buildIdentityObject({ email: 'a@example.com' });
    assert.match(first.salt ?? '', /^[0-9a-f]{32}$/);
    assert.notEqual(first.salt, second.salt);
    assert.equal(first.identityHash, hashIdentity('a@example.com', first.salt));
    assertOfficialIdentityObject(first);
  });

  it('omits the salt when it is empty, and hashes without one', () => {
    const identity = buildIdentityObject({ identity: 'mayze', identityType: 'userName', salt: '' });
    assert.deepEqual(identity, {
      type: 'IdentityObject',
      identityHash: 'sha256$7a1a1b3f7d40552e4299180e346e3add12bf9a751a43d9c4ca4518febc2c60c6',
      identityType: 'userName',
      hashed: true,
    });
  });

  it('takes extension identity types such as ext:studentNumber', () => {
    const identity = buildIdentityObject({
      identity: 'S-2025-001',
      identityType: 'ext:studentNumber',
      hashed: false,
    });
    assert.deepEqual(identity, {
      type: 'IdentityObject',
      identityHash: 'S-2025-001',
      identityType: 'ext:studentNumber',
      hashed: false,
    });
    assertOfficialIdentityObject(identity);
    assert.deepEqual(validateModel('strict', 'IdentityObject', identity), { ok: true });
  });

  it('never normalises a Japanese name', () => {
    const name = '山田\u3000太郎';
    const identity = buildIdentityObject({ identity: name, identityType: 'name', salt: 's' });
    assert.equal(identity.identityHash, hashIdentity(name, 's'));
  });

  it('rejects an empty identity and an identity type outside the vocabulary', () => {
    for (const input of [
      { email: '   ' },
      { identity: 'x', identityType: 'studentNumber' },
    ] as BuildIdentityObjectInput[]) {
      assert.throws(
        () => buildIdentityObject(input),
        (error) => error instanceof AkashiError && error.code === 'ERR_CREDENTIAL_INVALID',
      );
    }
  });
});
