// The credential the benchmark issues: a realistic OB 3.0 badge (hashed e-mail recipient,
// achievement with criteria, image and alignment), varied per credential.
import { createHash } from 'node:crypto';

export const makeBenchCredential = (issuerDid, i) => ({
  '@context': [
    'https://www.w3.org/ns/credentials/v2',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  ],
  id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  name: `データサイエンス基礎 修了証 #${i}`,
  issuer: {
    id: issuerDid,
    type: ['Profile'],
    name: '証大学 Akashi University',
    url: 'https://akashi.example.ac.jp/',
  },
  validFrom: '2026-04-01T00:00:00Z',
  credentialSubject: {
    type: ['AchievementSubject'],
    identifier: [
      {
        type: 'IdentityObject',
        identityHash:
          'sha256$' +
          createHash('sha256')
            .update(`student${i}@example.ac.jp` + 'salt' + i)
            .digest('hex'),
        identityType: 'emailAddress',
        hashed: true,
        salt: 'salt' + i,
      },
    ],
    achievement: {
      id: 'https://akashi.example.ac.jp/achievements/data-science-101',
      type: ['Achievement'],
      achievementType: 'Certificate',
      name: 'データサイエンス基礎',
      description: '統計とプログラミングの基礎を修めた者に授与する。',
      criteria: { narrative: '全 15 回の講義に出席し、最終課題に合格すること。' },
      image: { id: 'https://akashi.example.ac.jp/badges/ds101.png', type: 'Image' },
      alignment: [
        {
          type: ['Alignment'],
          targetName: 'Data literacy',
          targetUrl: 'https://example.org/frameworks/data-literacy',
        },
      ],
    },
  },
});
