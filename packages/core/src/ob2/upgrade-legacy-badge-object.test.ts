import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { upgradeLegacyBadgeObject } from './upgrade-legacy-badge-object.js';

describe('upgradeLegacyBadgeObject', () => {
  it('returns an OB 2.0 object unchanged', () => {
    const node = { '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion' };
    const result = upgradeLegacyBadgeObject(node);
    assert.equal(result.node, node);
    assert.equal(result.version, '2.0');
    assert.deepEqual(result.changes, []);
  });

  it('maps an OB 1.1 assertion to OB 2.0 shapes without changing the input', () => {
    const v11 = {
      '@context': 'https://w3id.org/openbadges/v1',
      type: 'Assertion',
      id: 'https://example.org/a',
      issuedOn: '1430352000',
      expires: '2030-01-01',
      verify: { type: 'hosted', url: 'https://example.org/a' },
    };
    const { node, version, changes } = upgradeLegacyBadgeObject(v11);
    assert.equal(version, '1.1');
    assert.deepEqual(node, {
      '@context': 'https://w3id.org/openbadges/v2',
      type: 'Assertion',
      id: 'https://example.org/a',
      issuedOn: '2015-04-30T00:00:00Z',
      expires: '2030-01-01T00:00:00Z',
      verification: { type: 'hosted', url: 'https://example.org/a' },
    });
    assert.ok(changes.includes('verify → verification'));
    assert.equal(v11.verify.type, 'hosted');
  });

  it('renames IssuerOrg and 1.1 alignment terms', () => {
    const issuer = upgradeLegacyBadgeObject({
      '@context': 'https://w3id.org/openbadges/v1',
      type: 'IssuerOrg',
    });
    assert.equal(issuer.node.type, 'Issuer');
    const badge = upgradeLegacyBadgeObject({
      '@context': ['https://w3id.org/openbadges/v1'],
      type: 'BadgeClass',
      criteria: 'https://example.org/c',
      alignment: [{ name: 'CCSS', url: 'https://example.org/ccss', description: 'd' }],
    });
    assert.deepEqual(badge.node['@context'], ['https://w3id.org/openbadges/v2']);
    assert.deepEqual(badge.node.alignment, [
      { targetName: 'CCSS', targetUrl: 'https://example.org/ccss', targetDescription: 'd' },
    ]);
  });

  it('gives an OB 1.0 assertion its id from verify.url (hosted) or uid (signed), and its type', () => {
    const hosted = upgradeLegacyBadgeObject({
      uid: 'u1',
      recipient: { type: 'email', hashed: false, identity: 'a@example.org' },
      badge: 'https://example.org/b',
      issuedOn: '2015-04-30',
      verify: { type: 'hosted', url: 'https://example.org/assertions/u1' },
    });
    assert.equal(hosted.version, '1.0');
    assert.equal(hosted.node.id, 'https://example.org/assertions/u1');
    assert.equal(hosted.node.type, 'Assertion');
    assert.equal(hosted.node['@context'], 'https://w3id.org/openbadges/v2');
    assert.equal(hosted.node.issuedOn, '2015-04-30T00:00:00Z');
    const signed = upgradeLegacyBadgeObject({
      uid: 'u2',
      recipient: { type: 'email', hashed: false, identity: 'a@example.org' },
      badge: 'https://example.org/b',
      verify: { type: 'signed', url: 'https://example.org/public-key.pem' },
    });
    assert.equal(signed.node.id, 'uid:u2');
  });

  it('gives a fetched OB 1.0 BadgeClass or issuer its URL as id', () => {
    const badge = upgradeLegacyBadgeObject(
      { name: 'b', criteria: 'https://example.org/c', issuer: 'https://example.org/i' },
      { url: 'https://example.org/b', expected: 'BadgeClass' },
    );
    assert.equal(badge.node.id, 'https://example.org/b');
    assert.equal(badge.node.type, 'BadgeClass');
    const issuer = upgradeLegacyBadgeObject(
      { name: 'i', url: 'https://example.org' },
      { url: 'https://example.org/i', expected: 'Profile' },
    );
    assert.equal(issuer.node.type, 'Issuer');
  });
});
