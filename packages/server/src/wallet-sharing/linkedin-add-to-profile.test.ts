import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildLinkedInAddToProfileUrl,
  japanYearMonth,
  linkedInFieldsOf,
} from './linkedin-add-to-profile.js';
import { HIDDEN, hideClearEmails } from './present-shared-credential.js';

const BASE = {
  name: '研究 & 開発 入門 #1',
  organizationId: null,
  issuerName: '国立大学法人 証大学 & 研究所',
  issuedAt: '2026-03-31T15:00:00.000Z',
  validUntil: null,
  certUrl: 'https://badges.example.ac.jp/s/AbC-_123',
  certId: 'urn:uuid:7f1c7c0e-6f0b-4e7e-9d3c-2b1f3c4d5e6f',
};

const paramsOf = (href: string): Map<string, string> => {
  const url = new URL(href);
  assert.equal(`${url.origin}${url.pathname}`, 'https://www.linkedin.com/profile/add');
  return new Map(url.searchParams.entries());
};

describe('buildLinkedInAddToProfileUrl', () => {
  it('carries Japanese names and & intact, with the organisation name when no page id is set', () => {
    const params = paramsOf(buildLinkedInAddToProfileUrl(linkedInFieldsOf(BASE)));
    assert.deepEqual(
      [...params.entries()],
      [
        ['startTask', 'CERTIFICATION_NAME'],
        ['name', '研究 & 開発 入門 #1'],
        ['organizationName', '国立大学法人 証大学 & 研究所'],
        // 2026-03-31T15:00Z is 1 April in Japan: months are 1–12 in Japan time.
        ['issueYear', '2026'],
        ['issueMonth', '4'],
        ['certUrl', 'https://badges.example.ac.jp/s/AbC-_123'],
        ['certId', 'urn:uuid:7f1c7c0e-6f0b-4e7e-9d3c-2b1f3c4d5e6f'],
      ],
    );
  });

  it('sends the organisation id instead of its name when the organisation set one', () => {
    const params = paramsOf(
      buildLinkedInAddToProfileUrl(linkedInFieldsOf({ ...BASE, organizationId: '1234567' })),
    );
    assert.equal(params.get('organizationId'), '1234567');
    assert.equal(params.has('organizationName'), false);
  });

  it('adds the expiry month only when the badge has an end of validity', () => {
    const without = paramsOf(buildLinkedInAddToProfileUrl(linkedInFieldsOf(BASE)));
    assert.equal(without.has('expirationYear'), false);
    assert.equal(without.has('expirationMonth'), false);
    const fields = linkedInFieldsOf({ ...BASE, validUntil: '2028-12-31T14:59:59.000Z' });
    assert.equal(fields.expirationYear, 2028);
    assert.equal(fields.expirationMonth, 12);
    const withExpiry = paramsOf(buildLinkedInAddToProfileUrl(fields));
    assert.equal(withExpiry.get('expirationYear'), '2028');
    assert.equal(withExpiry.get('expirationMonth'), '12');
  });

  it('leaves the issue date out when the badge has none', () => {
    const params = paramsOf(
      buildLinkedInAddToProfileUrl(linkedInFieldsOf({ ...BASE, issuedAt: null })),
    );
    assert.equal(params.has('issueYear'), false);
    assert.equal(params.has('issueMonth'), false);
  });
});

describe('japanYearMonth', () => {
  it('gives January as 1 and December as 12, in Japan time', () => {
    assert.deepEqual(japanYearMonth('2025-12-31T15:00:00Z'), { year: 2026, month: 1 });
    assert.deepEqual(japanYearMonth('2025-12-31T14:59:59Z'), { year: 2025, month: 12 });
    assert.equal(japanYearMonth('not a date'), undefined);
    assert.equal(japanYearMonth(null), undefined);
  });
});

describe('hideClearEmails', () => {
  it('hides e-mail addresses given in clear as recipients, and keeps hashed ones', () => {
    const ob2 = {
      recipient: { type: 'email', hashed: false, identity: 'hanako@example.ac.jp' },
      badge: { name: 'x' },
    };
    assert.deepEqual(hideClearEmails(ob2), {
      recipient: { type: 'email', hashed: false, identity: HIDDEN },
      badge: { name: 'x' },
    });
    const ob3 = {
      credentialSubject: {
        identifier: [
          { identityType: 'emailAddress', hashed: false, identityHash: 'hanako@example.ac.jp' },
          { identityType: 'emailAddress', hashed: true, identityHash: 'sha256$abc' },
        ],
      },
    };
    assert.deepEqual(hideClearEmails(ob3), {
      credentialSubject: {
        identifier: [
          { identityType: 'emailAddress', hashed: false, identityHash: HIDDEN },
          { identityType: 'emailAddress', hashed: true, identityHash: 'sha256$abc' },
        ],
      },
    });
  });
});
