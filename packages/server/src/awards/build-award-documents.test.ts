import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IssuerProfile } from '../issuers/issuer-profile.js';
import {
  buildAwardCredential,
  fillAwardCredential,
  type AwardVaryingFields,
} from './build-award-documents.js';

const PUBLIC_URL = 'https://badges.example.ac.jp';

const profile: IssuerProfile = {
  id: 'p1',
  organisationId: 'o1',
  departmentId: null,
  isDefault: true,
  name: { ja: '国立証大学', en: 'Akashi National University' },
  url: 'https://www.example.ac.jp',
  email: 'badges@example.ac.jp',
  description: { ja: '', en: '' },
  imageId: null,
  identifierMethod: 'did:web',
  identifier: 'did:web:badges.example.ac.jp:issuers:p1',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  archivedAt: null,
};

const achievement = {
  id: `${PUBLIC_URL}/achievements/a1`,
  type: ['Achievement'],
  name: '情報リテラシー',
  description: '基礎',
  criteria: { narrative: '課題を提出すること。' },
};

const status = (index: number, purpose = 'revocation') => ({
  id: `${PUBLIC_URL}/status/l1#${index}`,
  type: 'BitstringStatusListEntry',
  statusPurpose: purpose,
  statusListIndex: String(index),
  statusListCredential: `${PUBLIC_URL}/status/l1`,
});

const variants: AwardVaryingFields[] = [
  {
    awardId: '00000000-0000-4000-8000-000000000001',
    recipient: { email: 'a@example.ac.jp', salt: 'aa' },
    awardedAt: new Date('2026-03-31T00:00:00.123Z'),
    validFrom: new Date('2026-04-01T00:00:00Z'),
    validUntil: undefined,
    evidence: [],
    narrative: undefined,
    credentialStatus: [status(1)],
  },
  {
    awardId: '00000000-0000-4000-8000-000000000002',
    recipient: { email: 'b@example.ac.jp', salt: 'bb', did: 'did:example:b' },
    awardedAt: new Date('2026-03-31T00:00:00Z'),
    validFrom: new Date('2026-03-31T00:00:00Z'),
    validUntil: new Date('2029-03-31T00:00:00Z'),
    evidence: [{ url: 'https://example.ac.jp/e/1', narrative: 'レポート' }, { narrative: '発表' }],
    narrative: '全課題を提出した。',
    credentialStatus: [status(2), status(3, 'suspension')],
  },
];

describe('fillAwardCredential', () => {
  it('gives exactly what the builder gives, whichever award the base came from', () => {
    for (const baseFields of variants) {
      const base = buildAwardCredential({
        publicUrl: PUBLIC_URL,
        profile,
        achievement,
        achievementName: '情報リテラシー',
        ...baseFields,
      });
      for (const fields of variants) {
        const built = buildAwardCredential({
          publicUrl: PUBLIC_URL,
          profile,
          achievement,
          achievementName: '情報リテラシー',
          ...fields,
        });
        const filled = fillAwardCredential(base, PUBLIC_URL, fields);
        // The identity hash uses the salt, so both sides hash the same e-mail alike.
        assert.deepEqual(filled, built);
      }
    }
  });
});
