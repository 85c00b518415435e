import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  buildIdentityObject,
  buildOpenBadgeCredential,
  validateModel,
  validateOb2Model,
} from '@akashi/core';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';
import { toDefinition, type Achievement } from './achievement.js';
import { PUBLIC_URL, sampleAchievementBody } from './achievement-test-factories.js';
import { buildOb2BadgeClass } from './build-ob2-badge-class.js';
import { buildOb3Achievement } from './build-ob3-achievement.js';
import { DEFAULT_ACHIEVEMENT_IMAGE } from './default-achievement-image.js';

const FIXTURES = new URL('../../../../../shared/fixtures/', import.meta.url);
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const ajv = new Ajv2019({ allErrors: true, strict: false });
addFormats(ajv);
const officialCredentialSchema = ajv.compile(
  JSON.parse(
    readFileSync(new URL('schemas/ob3/achievementcredential.json', FIXTURES), 'utf8'),
  ) as object,
);

const ID = '0b6f2c1e-3a4d-4e5f-8a9b-0c1d2e3f4a5b';
const IMAGE = 'a'.repeat(64);

const achievementOf = (overrides: Partial<Achievement> = {}): Achievement => ({
  ...toDefinition({
    ...sampleAchievementBody(),
    alignments: sampleAchievementBody().alignments ?? [],
    tags: sampleAchievementBody().tags ?? [],
    skills: sampleAchievementBody().skills ?? [],
  }),
  id: ID,
  organisationId: 'org',
  departmentId: null,
  issuerProfileId: 'profile-1',
  status: 'active',
  version: 3,
  imageId: IMAGE,
  imageMediaType: 'image/png',
  createdAt: '2025-04-01T00:00:00.000Z',
  updatedAt: '2025-04-02T00:00:00.000Z',
  archivedAt: null,
  ...overrides,
});

const MINIMAL = achievementOf({
  name: { ja: '最小' },
  description: { ja: '説明' },
  criteria: { narrative: { ja: '出席' } },
  alignments: [],
  tags: [],
  skills: [],
  imageId: null,
  imageMediaType: null,
});
delete (MINIMAL as Partial<Achievement>).achievementType;
delete (MINIMAL as Partial<Achievement>).validity;

/** The achievement inside a credential, to check it with the official 1EdTech schema. */
const assertOfficiallyValid = (achievement: Record<string, unknown>) => {
  const credential = buildOpenBadgeCredential({
    issuer: { id: `${PUBLIC_URL}/issuers/profile-1`, name: '国立証大学' },
    validFrom: '2025-04-01T00:00:00Z',
    credentialSubject: {
      identifier: [buildIdentityObject({ email: 'student@example.ac.jp', salt: 'salt' })],
      achievement: achievement as never,
    },
  });
  const signed = {
    ...credential,
    proof: [
      {
        type: 'DataIntegrityProof',
        created: '2025-04-01T00:00:00Z',
        verificationMethod: `${PUBLIC_URL}/issuers/profile-1#key`,
        cryptosuite: 'eddsa-rdfc-2022',
        proofPurpose: 'assertionMethod',
        proofValue: 'z3FXQjecWufY46yg5abdVZsXqLhxhueuSoZgNSARiKBk',
      },
    ],
  };
  assert.ok(
    officialCredentialSchema(signed),
    JSON.stringify(officialCredentialSchema.errors, null, 2),
  );
};

describe('OB 3.0 Achievement', () => {
  it('maps every field and passes the strict and the official schema', () => {
    const document = buildOb3Achievement(achievementOf(), PUBLIC_URL);
    assert.deepEqual(validateModel('strict', 'Achievement', document), { ok: true });
    assertOfficiallyValid(document);
    assert.deepEqual(document, {
      id: `${PUBLIC_URL}/achievements/${ID}`,
      type: ['Achievement'],
      name: 'データサイエンス基礎',
      description: 'データの収集・分析・可視化の基礎を修得したことを証明します。',
      criteria: {
        id: 'https://www.example.ac.jp/courses/ds101',
        narrative: '全15回の授業に出席し、**最終課題**に合格すること。',
      },
      image: {
        id: `${PUBLIC_URL}/images/${IMAGE}`,
        type: 'Image',
        caption: 'データサイエンス基礎',
      },
      achievementType: 'MicroCredential',
      alignment: [
        {
          type: ['Alignment'],
          targetName: '数理・データサイエンス・AI教育プログラム',
          targetUrl: 'https://www.mext.go.jp/a_menu/koutou/suuri_datascience_ai/',
          targetFramework: 'MDASH',
          targetCode: 'literacy',
          targetDescription: 'リテラシーレベル',
        },
        {
          type: ['Alignment'],
          targetName: 'データ分析',
          targetUrl: 'https://esco.ec.europa.eu/skill/data-analysis',
          targetFramework: 'ESCO',
          targetCode: 'S1.2',
          targetType: 'ceasn:Competency',
        },
      ],
      tag: ['データサイエンス', 'Python', '統計的思考'],
      creditsAvailable: 2,
      fieldOfStudy: '情報学',
      specialization: 'データサイエンス',
      humanCode: 'DS101',
      inLanguage: 'ja',
      related: [
        {
          id: `${PUBLIC_URL}/achievements/${ID}?lang=en`,
          type: ['Related'],
          inLanguage: 'en',
          version: '3',
        },
      ],
      version: '3',
    });
  });

  it('has an English twin that links back', () => {
    const english = buildOb3Achievement(achievementOf(), PUBLIC_URL, 'en');
    assert.deepEqual(validateModel('strict', 'Achievement', english), { ok: true });
    assertOfficiallyValid(english);
    assert.equal(english.id, `${PUBLIC_URL}/achievements/${ID}?lang=en`);
    assert.equal(english.name, 'Foundations of Data Science');
    assert.equal(english.inLanguage, 'en');
    assert.deepEqual(english.criteria, {
      id: 'https://www.example.ac.jp/courses/ds101',
      narrative: 'Attend all 15 classes and pass the **final project**.',
    });
    assert.deepEqual(english.related, [
      { id: `${PUBLIC_URL}/achievements/${ID}`, type: ['Related'], inLanguage: 'ja', version: '3' },
    ]);
  });

  it('is minimal without optional fields: the Japanese edition, the default image, no related', () => {
    for (const lang of ['ja', 'en'] as const) {
      const document = buildOb3Achievement(MINIMAL, PUBLIC_URL, lang);
      assert.deepEqual(validateModel('strict', 'Achievement', document), { ok: true });
      assertOfficiallyValid(document);
      assert.deepEqual(document, {
        id: `${PUBLIC_URL}/achievements/${ID}`,
        type: ['Achievement'],
        name: '最小',
        description: '説明',
        criteria: { narrative: '出席' },
        image: {
          id: `${PUBLIC_URL}/images/${DEFAULT_ACHIEVEMENT_IMAGE.id}`,
          type: 'Image',
          caption: '最小',
        },
        creditsAvailable: 2,
        fieldOfStudy: '情報学',
        specialization: 'データサイエンス',
        humanCode: 'DS101',
        inLanguage: 'ja',
        version: '3',
      });
    }
  });

  it('takes extension achievement types', () => {
    const document = buildOb3Achievement(
      achievementOf({ achievementType: 'ext:Seminar' }),
      PUBLIC_URL,
    );
    assert.equal(document.achievementType, 'ext:Seminar');
    assertOfficiallyValid(document);
  });
});

describe('OB 2.0 BadgeClass', () => {
  it('is strictly valid, with the issuer profile URL, criteria, alignments and tags', () => {
    const badgeClass = buildOb2BadgeClass(achievementOf(), `${PUBLIC_URL}/`);
    assert.deepEqual(validateOb2Model('strict', 'BadgeClass', badgeClass), { ok: true });
    assert.deepEqual(badgeClass, {
      '@context': 'https://w3id.org/openbadges/v2',
      type: 'BadgeClass',
      id: `${PUBLIC_URL}/achievements/${ID}/badgeclass`,
      name: 'データサイエンス基礎',
      description: 'データの収集・分析・可視化の基礎を修得したことを証明します。',
      image: `${PUBLIC_URL}/images/${IMAGE}`,
      criteria: {
        id: 'https://www.example.ac.jp/courses/ds101',
        narrative: '全15回の授業に出席し、**最終課題**に合格すること。',
      },
      issuer: `${PUBLIC_URL}/issuers/profile-1`,
      alignment: [
        {
          targetName: '数理・データサイエンス・AI教育プログラム',
          targetUrl: 'https://www.mext.go.jp/a_menu/koutou/suuri_datascience_ai/',
          targetDescription: 'リテラシーレベル',
          targetFramework: 'MDASH',
          targetCode: 'literacy',
        },
        {
          targetName: 'データ分析',
          targetUrl: 'https://esco.ec.europa.eu/skill/data-analysis',
          targetFramework: 'ESCO',
          targetCode: 'S1.2',
        },
      ],
      tags: ['データサイエンス', 'Python', '統計的思考'],
    });
  });

  it('uses the default image and a narrative-only criteria when that is all there is', () => {
    const badgeClass = buildOb2BadgeClass(MINIMAL, PUBLIC_URL);
    assert.deepEqual(validateOb2Model('strict', 'BadgeClass', badgeClass), { ok: true });
    assert.equal(badgeClass.image, `${PUBLIC_URL}/images/${DEFAULT_ACHIEVEMENT_IMAGE.id}`);
    assert.deepEqual(badgeClass.criteria, { narrative: '出席' });
    assert.equal(badgeClass.alignment, undefined);
    assert.equal(badgeClass.tags, undefined);
  });
});
