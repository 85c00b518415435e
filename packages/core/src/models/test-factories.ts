// Test data for the model tests: builder inputs from minimal to every optional member, an
// independent validator over the official 1EdTech schemas, and a walker that finds nulls,
// empty arrays and undefined members.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv2019, type ValidateFunction } from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';
import { buildIdentityObject } from '../recipient/build-identity-object.js';
import type { ProfileInput } from './build-profile.js';
import { buildEndorsementCredential } from './build-endorsement-credential.js';
import type { DataIntegrityProof } from './data-integrity-proof.js';
import type { EndorsementCredential } from './endorsement-credential.js';
import type { OpenBadgeCredentialInput } from './build-open-badge-credential.js';

export const FIXTURES = new URL('../../../../../shared/fixtures/', import.meta.url);

export const readJsonFixture = (path: string): unknown =>
  JSON.parse(readFileSync(new URL(path, FIXTURES), 'utf8'));

export const fixedClock = (): Date => new Date('2025-04-01T09:30:15.123Z');

/** A syntactically valid eddsa-rdfc-2022 proof (from the 1EdTech validator's simple.json). */
export const TEST_PROOF: DataIntegrityProof = {
  type: 'DataIntegrityProof',
  created: '2010-01-01T19:23:24Z',
  verificationMethod:
    'https://example.com/issuers/876543#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi',
  cryptosuite: 'eddsa-rdfc-2022',
  proofPurpose: 'assertionMethod',
  proofValue:
    'z41ZsNkz78FHSGkAD5J4b8EN49DkywMMJSL3UdUNffbsCAWmTLPvtnJpd3JGGooYX7TNrzgsTLkXUWiGsRRZ788ML',
};

export const withProof = <T extends object>(
  credential: T,
): T & { proof: DataIntegrityProof[] } => ({
  ...credential,
  proof: [TEST_PROOF],
});

export const COMPACT_JWS =
  'eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJodHRwczovL2V4YW1wbGUuY29tIn0.c2lnbmF0dXJl';
const DID_KEY = 'did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi';

export const MINIMAL_ISSUER: ProfileInput = {
  id: 'https://example.ac.jp/issuers/1',
  name: 'Example University',
};

/** An achievement credential for a recipient known only by a hashed e-mail address. */
export const buildMinimalInput = (): OpenBadgeCredentialInput => ({
  issuer: MINIMAL_ISSUER,
  credentialSubject: {
    identifier: buildIdentityObject({ email: 'Student@Example.ac.jp', salt: 'Kosher' }),
    achievement: {
      id: 'https://example.ac.jp/achievements/teamwork',
      name: 'Teamwork',
      description: 'Collaborates within a group.',
      criteria: { narrative: 'Nominated by peers.' },
    },
  },
});

/** A signed endorsement (the proof is a syntactically valid stand-in). */
export const buildSignedEndorsement = (subjectId: string): EndorsementCredential =>
  withProof(
    buildEndorsementCredential(
      {
        name: 'Accreditation',
        issuer: { id: 'https://accreditor.example.org/issuers/1', name: '大学評価機構' },
        credentialSubject: { id: subjectId, endorsementComment: '適格と認定します。' },
        validFrom: '2024-04-01T00:00:00Z',
      },
      { clock: fixedClock },
    ),
  );

const FULL_ISSUER: ProfileInput = {
  id: 'did:web:example.ac.jp',
  name: '東京証明大学',
  url: 'https://example.ac.jp/',
  phone: '+81-3-1234-5678',
  description: '証明書を発行する大学です。',
  email: 'registrar@example.ac.jp',
  image: { id: 'https://example.ac.jp/logo.png', caption: '大学ロゴ' },
  address: {
    addressCountry: '日本',
    addressCountryCode: 'JP',
    addressRegion: '東京都',
    addressLocality: '千代田区',
    streetAddress: '丸の内1-1-1',
    postOfficeBoxNumber: '100',
    postalCode: '100-0005',
    geo: { latitude: 35.681, longitude: 139.767 },
  },
  otherIdentifier: [{ identifier: 'JP-UNIV-0001', identifierType: 'sourcedId' }],
  official: '学長 山田花子',
  parentOrg: { id: 'https://example.jp/corporation', name: '学校法人 証明学園' },
  endorsement: [buildSignedEndorsement('did:web:example.ac.jp')],
};

const PERSON_SOURCE: ProfileInput = {
  id: 'https://example.ac.jp/staff/42',
  name: '佐藤 一郎',
  familyName: '佐藤',
  givenName: '一郎',
  additionalName: 'イチロー',
  patronymicName: 'N/A',
  honorificPrefix: '教授',
  honorificSuffix: '博士',
  familyNamePrefix: 'van',
  dateOfBirth: '1970-01-31',
};

/** Every optional member of every model, with Japanese text and an English twin. */
export const buildFullInput = (): OpenBadgeCredentialInput => ({
  id: 'https://example.ac.jp/credentials/3732',
  name: 'データサイエンス基礎 修了証',
  description: 'データサイエンス基礎コースの修了を証明します。',
  image: { id: 'https://example.ac.jp/credentials/3732/image.png', caption: '修了証' },
  issuer: FULL_ISSUER,
  validFrom: new Date('2025-03-31T15:00:00.999Z'),
  validUntil: '2030-03-31T15:00:00+09:00',
  awardedDate: '2025-03-25T10:00:00Z',
  evidence: [
    {
      id: 'https://example.ac.jp/evidence/1',
      narrative: '# 最終レポート\n分析結果をまとめた。',
      name: '最終レポート',
      description: 'コース最終課題のレポート。',
      genre: 'Report',
      audience: '教員',
    },
  ],
  endorsement: [buildSignedEndorsement('https://example.ac.jp/credentials/3732')],
  credentialStatus: {
    statusListCredential: 'https://example.ac.jp/status/1',
    statusListIndex: 94567,
    statusPurpose: 'revocation',
  },
  credentialSchema: [
    'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json',
  ],
  credentialSubject: {
    id: DID_KEY,
    identifier: [
      buildIdentityObject({ email: 'hanako@example.ac.jp' }),
      buildIdentityObject({ identity: 'S-2025-001', identityType: 'ext:studentNumber' }),
      buildIdentityObject({ identity: '山田 花子', identityType: 'name' }),
    ],
    activityStartDate: '2024-04-01T00:00:00+09:00',
    activityEndDate: new Date('2025-02-28T00:00:00Z'),
    creditsEarned: 2,
    image: 'https://example.ac.jp/credentials/3732/baked.png',
    licenseNumber: 'DS-0001',
    narrative: '全課題を提出した。',
    role: '受講生',
    source: PERSON_SOURCE,
    term: '2024年度 後期',
    result: [
      {
        resultDescription: 'urn:uuid:f6ab24cd-86e8-4eaf-b8c6-ded74e8fd41c',
        value: 'A',
        alignment: [
          { targetName: '最終課題', targetUrl: 'https://example.ac.jp/catalog/ds/final' },
        ],
      },
      {
        resultDescription: 'urn:uuid:a70ddc6a-4c4a-4bd8-8277-cb97c79f40c5',
        achievedLevel: 'urn:uuid:d05a0867-d0ad-4b03-bdb5-28fb5d2aab7a',
        status: 'Completed',
      },
    ],
    achievement: {
      id: 'https://example.ac.jp/achievements/data-science-basics',
      name: 'データサイエンス基礎',
      description: '統計とプログラミングの基礎を修得した。',
      criteria: {
        id: 'https://example.ac.jp/achievements/data-science-basics/criteria',
        narrative: '全8回の課題に合格すること。',
      },
      achievementType: 'Course',
      alignment: [
        {
          targetName: 'データサイエンス',
          targetUrl: 'https://example.org/frameworks/ds/1',
          targetCode: 'DS-1',
          targetDescription: 'データサイエンスの基礎',
          targetFramework: '数理・データサイエンス・AI教育プログラム',
          targetType: 'CFItem',
        },
      ],
      creator: { id: 'https://example.ac.jp/faculties/science', name: '理学部' },
      creditsAvailable: 2,
      endorsement: [
        buildSignedEndorsement('https://example.ac.jp/achievements/data-science-basics'),
      ],
      fieldOfStudy: 'データサイエンス',
      humanCode: 'DS101',
      image: { id: 'data:image/png;base64,iVBORw0KGgo=', caption: 'バッジ画像' },
      inLanguage: 'ja',
      otherIdentifier: [{ identifier: 'DS101-2024', identifierType: 'ext:courseCode' }],
      related: [
        {
          id: 'https://example.ac.jp/achievements/data-science-basics-en',
          inLanguage: 'en',
          version: '1.0',
        },
      ],
      resultDescription: [
        {
          id: 'urn:uuid:f6ab24cd-86e8-4eaf-b8c6-ded74e8fd41c',
          name: '最終課題の評定',
          resultType: 'LetterGrade',
          allowedValue: ['D', 'C', 'B', 'A'],
          requiredValue: 'C',
          valueMin: 'D',
          valueMax: 'A',
          alignment: [
            { targetName: '最終課題', targetUrl: 'https://example.ac.jp/catalog/ds/final' },
          ],
        },
        {
          id: 'urn:uuid:a70ddc6a-4c4a-4bd8-8277-cb97c79f40c5',
          name: 'ルーブリック',
          resultType: 'RubricCriterionLevel',
          requiredLevel: 'urn:uuid:d05a0867-d0ad-4b03-bdb5-28fb5d2aab7a',
          rubricCriterionLevel: [
            {
              id: 'urn:uuid:d05a0867-d0ad-4b03-bdb5-28fb5d2aab7a',
              name: '熟達',
              description: '独力で分析できる。',
              level: 'Mastered',
              points: '4',
              alignment: [
                {
                  targetName: '熟達',
                  targetUrl: 'https://example.ac.jp/rubric/mastered',
                  targetType: 'CFRubricCriterionLevel',
                },
              ],
            },
          ],
        },
      ],
      specialization: '統計解析',
      tag: ['データサイエンス', 'statistics'],
      version: '2024',
    },
  },
});

/** Japanese names everywhere, recipient by hashed e-mail. */
export const buildJapaneseInput = (): OpenBadgeCredentialInput => ({
  name: '情報リテラシー',
  issuer: { id: 'https://example.ac.jp/issuers/1', name: '証明大学 情報センター' },
  credentialSubject: {
    identifier: buildIdentityObject({ email: 'tarou.yamada@example.ac.jp' }),
    achievement: {
      id: 'https://example.ac.jp/achievements/info-literacy',
      name: '情報リテラシー（初級）',
      description: 'ＩＴの基本を理解した。',
      criteria: { narrative: '講習を受講し、確認テストに合格すること。' },
      achievementType: 'Badge',
      inLanguage: 'ja',
    },
  },
});

/** A recipient known by a DID only. */
export const buildDidRecipientInput = (): OpenBadgeCredentialInput => ({
  issuer: MINIMAL_ISSUER,
  credentialSubject: {
    id: DID_KEY,
    achievement: {
      id: 'https://example.ac.jp/achievements/did',
      name: 'Decentralised',
      description: 'Received by DID.',
      criteria: { id: 'https://example.ac.jp/criteria/did' },
    },
  },
});

// ajv-formats is CommonJS; under NodeNext its default import is the module namespace.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const officialAjv = new Ajv2019({ allErrors: true, strict: false });
addFormats(officialAjv);

const officialValidators = new Map<string, ValidateFunction>();

/** The official 1EdTech OB 3.0 JSON Schema `name` (e.g. `achievementcredential`), compiled once. */
export const getOfficialValidator = (name: string): ValidateFunction => {
  let validate = officialValidators.get(name);
  if (validate === undefined) {
    validate = officialAjv.compile(readJsonFixture(`schemas/ob3/${name}.json`) as object);
    officialValidators.set(name, validate);
  }
  return validate;
};

export const assertOfficiallyValid = (name: string, value: unknown): void => {
  const validate = getOfficialValidator(name);
  assert.ok(validate(value), `${name}: ${JSON.stringify(validate.errors, null, 2)}`);
};

/** Paths of every `null`, `undefined` member and empty array in `value`. */
export const findEmptyValues = (value: unknown, path = ''): string[] => {
  if (value === null || value === undefined) return [path];
  if (Array.isArray(value)) {
    if (value.length === 0) return [path];
    return value.flatMap((item, index) => findEmptyValues(item, `${path}/${String(index)}`));
  }
  if (typeof value === 'object') {
    return Object.entries(value).flatMap(([key, member]) =>
      findEmptyValues(member, `${path}/${key}`),
    );
  }
  return [];
};
