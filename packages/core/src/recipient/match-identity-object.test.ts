import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildIdentityObject } from './build-identity-object.js';
import { readJsonFixture } from '../models/test-factories.js';
import { matchIdentityObject, type MatchableIdentityObject } from './match-identity-object.js';

const KOSHER = {
  type: 'IdentityObject',
  identityHash: 'sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399',
  identityType: 'emailAddress',
  hashed: true,
  salt: 'Kosher',
} as const;

describe('matchIdentityObject', () => {
  it('matches the hashed OB 3.0 example against its e-mail address', () => {
    assert.equal(matchIdentityObject(KOSHER, 'a@example.com'), true);
    assert.equal(matchIdentityObject(KOSHER, 'b@example.com'), false);
  });

  it('compares the hex case-insensitively', () => {
    const upper = {
      ...KOSHER,
      identityHash: `sha256$${KOSHER.identityHash.slice(7).toUpperCase()}`,
    };
    assert.equal(matchIdentityObject(upper, 'a@example.com'), true);
    assert.equal(
      matchIdentityObject(
        { ...KOSHER, identityHash: KOSHER.identityHash.replace('sha256', 'SHA256') },
        'a@example.com',
      ),
      true,
    );
  });

  it('tries the normalised e-mail address and the raw input', () => {
    assert.equal(matchIdentityObject(KOSHER, '  A@Example.COM '), true);
    const rawHashed = buildIdentityObject({
      identity: 'A@Example.com',
      identityType: 'emailAddress',
    });
    assert.equal(matchIdentityObject(rawHashed, 'A@Example.com'), true);
  });

  it('normalises only e-mail addresses', () => {
    const user = buildIdentityObject({ identity: 'mayze', identityType: 'userName', salt: '' });
    assert.equal(matchIdentityObject(user, 'mayze'), true);
    assert.equal(matchIdentityObject(user, 'Mayze'), false);
  });

  it('accepts md5 identity hashes on input', () => {
    const md5 = {
      ...KOSHER,
      identityHash: 'md5$0CC175B9C0F1B6A831C399E269772661',
      salt: undefined,
    };
    assert.equal(matchIdentityObject(md5, 'a'), true);
  });

  it('matches a Japanese name exactly, without normalisation', () => {
    const name = buildIdentityObject({ identity: '山田太郎', identityType: 'name' });
    assert.equal(matchIdentityObject(name, '山田太郎'), true);
    assert.equal(matchIdentityObject(name, '山田 太郎'), false);
  });

  it('compares plaintext identities exactly, e-mail addresses after normalisation', () => {
    const plainEmail = {
      type: 'IdentityObject',
      identityHash: 'Student@Example.edu',
      identityType: 'emailAddress',
      hashed: false,
    } as const;
    assert.equal(matchIdentityObject(plainEmail, 'student@example.edu'), true);
    const plainId = { ...plainEmail, identityHash: 'S-1', identityType: 'ext:studentNumber' };
    assert.equal(matchIdentityObject(plainId, 'S-1'), true);
    assert.equal(matchIdentityObject(plainId, 's-1'), false);
  });

  it('reads an OB 2.0 recipient (identity, type email), as in the 1EdTech fixtures', () => {
    const assertion = readJsonFixture('validator/ob20/basic-assertion.json') as {
      recipient: MatchableIdentityObject;
    };
    assert.equal(matchIdentityObject(assertion.recipient, 'Nobody@Example.org'), true);
    assert.equal(matchIdentityObject(assertion.recipient, 'somebody@example.org'), false);
  });

  it('returns false for malformed identity objects instead of throwing', () => {
    for (const value of [
      {},
      { hashed: true, identityHash: 'not-a-hash' },
      { hashed: true, identityHash: 'sha1$abcdef' },
      { hashed: 'yes', identityHash: 'a' },
    ]) {
      assert.equal(matchIdentityObject(value as never, 'a'), false);
    }
  });
});
