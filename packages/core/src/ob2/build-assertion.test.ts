import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import jsonld from 'jsonld';
import { AkashiError } from '../errors/akashi-error.js';
import { createDocumentLoader } from '../contexts/document-loader.js';
import { generateSigningKey } from '../keys/signing-key.js';
import { buildAssertion } from './build-assertion.js';
import { buildBadgeClass } from './build-badge-class.js';
import { buildCryptographicKey } from './build-cryptographic-key.js';
import { buildOb2Endorsement } from './build-ob2-endorsement.js';
import { buildOb2IdentityObject } from './build-ob2-identity-object.js';
import { buildOb2Profile } from './build-ob2-profile.js';
import { buildRevocationList } from './build-revocation-list.js';
import { OB_V2_CONTEXT_URL, ob2Contexts } from './ob2-contexts.js';
import { validateOb2Model } from './validate-ob2-model.js';

const isInvalid = (error: unknown) =>
  error instanceof AkashiError && error.code === 'ERR_CREDENTIAL_INVALID';

const profile = buildOb2Profile({
  id: 'https://badges.example.ac.jp/issuer.json',
  name: '証大学',
  url: 'https://www.example.ac.jp/',
  email: 'badges@example.ac.jp',
  publicKey: ['https://badges.example.ac.jp/keys/1.json'],
  revocationList: 'https://badges.example.ac.jp/revocations.json',
});
const badgeClass = buildBadgeClass({
  id: 'https://badges.example.ac.jp/badges/robotics.json',
  name: 'ロボット工学入門',
  description: '基礎課程の修了',
  image: 'https://badges.example.ac.jp/badges/robotics.png',
  criteria: { narrative: '全課題の提出' },
  issuer: profile.id,
  alignment: [{ targetName: 'JIS X 0001', targetUrl: 'https://example.org/jis' }],
  tags: ['ロボット'],
});
const assertion = buildAssertion({
  id: 'https://badges.example.ac.jp/assertions/1.json',
  recipient: buildOb2IdentityObject({ email: 'A@Example.com', salt: 'Kosher' }),
  badge: badgeClass.id,
  verification: { type: 'HostedBadge' },
  issuedOn: new Date('2025-01-15T09:00:00.123Z'),
  evidence: [{ narrative: '作品を提出した' }],
});

/** Independent check: JSON-LD safe mode with the published 1EdTech context defines every term. */
const expandSafely = (value: unknown) =>
  jsonld.expand(value, {
    documentLoader: createDocumentLoader({ documents: ob2Contexts }),
    safe: true,
  });

describe('OB 2.0 builders', () => {
  it('build an Assertion with the v2 context, a hashed recipient and a whole-second date', () => {
    assert.equal(assertion['@context'], OB_V2_CONTEXT_URL);
    assert.equal(assertion.type, 'Assertion');
    assert.deepEqual(assertion.recipient, {
      type: 'email',
      hashed: true,
      identity: 'sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399',
      salt: 'Kosher',
    });
    assert.equal(assertion.issuedOn, '2025-01-15T09:00:00Z');
  });

  it('emit only terms the OB 2.0 context defines (JSON-LD safe mode)', async () => {
    const key = buildCryptographicKey({
      id: 'https://badges.example.ac.jp/keys/1.json',
      owner: profile.id,
      key: generateSigningKey('rsa'),
    });
    const list = buildRevocationList({
      id: 'https://badges.example.ac.jp/revocations.json',
      issuer: profile.id,
      revokedAssertions: ['urn:uuid:1', { id: 'urn:uuid:2', revocationReason: '誤発行' }],
    });
    const endorsement = buildOb2Endorsement({
      id: 'https://other.example.org/endorsements/1.json',
      claim: { id: badgeClass.id, endorsementComment: '推薦します' },
      issuer: 'https://other.example.org/issuer.json',
      issuedOn: '2025-02-01T00:00:00Z',
      verification: { type: 'HostedBadge' },
    });
    for (const value of [profile, badgeClass, assertion, key, list, endorsement]) {
      await expandSafely(value);
    }
    assert.match(key.publicKeyPem, /^-----BEGIN PUBLIC KEY-----\n/);
    assert.equal(validateOb2Model('lenient', 'Assertion', assertion).ok, true);
  });

  it('embed a BadgeClass and its issuer without their own @context', () => {
    const embedded = buildAssertion({
      ...assertion,
      badge: buildBadgeClass({ ...badgeClass, issuer: profile }),
    });
    const badge = embedded.badge as Record<string, unknown>;
    assert.equal(badge['@context'], undefined);
    assert.equal((badge.issuer as Record<string, unknown>)['@context'], undefined);
  });

  it('reject what OB 2.0 forbids, listing the field', () => {
    assert.throws(
      () => buildAssertion({ ...assertion, image: 'data:image/png;base64,AAAA' }),
      (error) => isInvalid(error) && /\/image/.test((error as Error).message),
    );
    assert.throws(() => buildAssertion({ ...assertion, issuedOn: '2025-01-15' }), isInvalid);
    assert.throws(() => buildOb2Profile({ ...profile, email: undefined } as never), isInvalid);
    assert.throws(() => buildBadgeClass({ ...badgeClass, criteria: {} }), isInvalid);
    assert.throws(() => buildOb2IdentityObject({ email: '  ' }), isInvalid);
    assert.throws(() => buildAssertion({ ...assertion, unknownMember: 1 } as never), isInvalid);
    assert.throws(() => buildAssertion(null as never), TypeError);
  });

  it('keep extension properties named by a compact or absolute IRI', () => {
    const extended = buildAssertion({
      ...assertion,
      'extensions:applyLink': { url: 'https://example.org/apply' },
    } as never);
    assert.deepEqual((extended as Record<string, unknown>)['extensions:applyLink'], {
      url: 'https://example.org/apply',
    });
  });

  it('build plaintext and URL identity objects on request', () => {
    assert.deepEqual(buildOb2IdentityObject({ email: 'Taro@Example.ac.jp ', hashed: false }), {
      type: 'email',
      hashed: false,
      identity: 'taro@example.ac.jp',
    });
    const url = buildOb2IdentityObject({
      identity: 'https://taro.example.jp/',
      type: 'url',
      salt: '',
    });
    assert.equal(url.type, 'url');
    assert.equal(url.salt, undefined);
    assert.match(url.identity, /^sha256\$[0-9a-f]{64}$/);
  });
});
