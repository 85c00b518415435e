/**
 * Shared data for the interop suites: unsigned OB 3.0 credentials written out by hand (not by
 * our builders, so the oracles judge JSON we did not generate), fixed seeds and dates, and the
 * did:key documents a Digital Bazaar verifier dereferences, built with
 * `@digitalbazaar/ed25519-multikey` rather than with our own `resolveDidKey`.
 */
import { createHash } from 'node:crypto';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';

export type Json = Record<string, unknown>;

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
/** Defines `1EdTechJsonSchemaValidator2019` (not in the OB 3.0.3 context; STANDARDS P1). */
export const OB_V3_EXTENSIONS_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json';
export const DID_V1_CONTEXT = 'https://www.w3.org/ns/did/v1';
export const MULTIKEY_V1_CONTEXT = 'https://w3id.org/security/multikey/v1';
export const OB_ACHIEVEMENT_SCHEMA_URL =
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';

export const VALID_FROM = '2025-01-15T00:00:00Z';
export const VALID_UNTIL = '2099-12-31T23:59:59Z';
export const CREATED = '2025-01-15T09:30:00Z';
/** The clock handed to verifiers that take one (validFrom ≤ NOW < validUntil). */
export const NOW = new Date('2026-03-01T00:00:00Z');

/** A 32-byte Ed25519 seed derived from a label, so every run signs with the same keys. */
export const seedFor = (label: string): Uint8Array =>
  new Uint8Array(createHash('sha256').update(`akashi-e2e:${label}`).digest());

/** Control characters, quotes, markup, N-Quads syntax, RTL override, combining marks, emoji. */
export const HOSTILE_TEXT =
  'He said "hi" \\o/ & it\'s <b>bold</b></script>\nline 2\r\n\ttabbed \u0007\u0008\u000B\u000C\u001F\u007F ' +
  '_:b0 <urn:x:y> "lit"@en . \u202Eevil\u202C e\u0301 \u2028\u2029 🎓👩🏽‍💻🇯🇵';

export type FixtureName = 'minimal' | 'full' | 'japanese' | 'hostile';
export const FIXTURE_NAMES: readonly FixtureName[] = ['minimal', 'full', 'japanese', 'hostile'];

const LEARNER = 'did:example:ebfeb1f712ebc6f1c276e12ec21';
const EMAIL_SALT = 'deadsea';

/** OB 2.0/3.0 IdentityObject hash: `sha256$` + hex SHA-256 of the e-mail and the salt. */
const hashedEmail = (email: string): string =>
  `sha256$${createHash('sha256')
    .update(email + EMAIL_SALT)
    .digest('hex')}`;

const minimal = (issuer: string): Json => ({
  '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
  id: 'urn:uuid:7a2f5d4e-0001-4c1e-9a7b-3c5d6e7f8a91',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: issuer, type: ['Profile'], name: 'Example Issuer' },
  validFrom: VALID_FROM,
  name: 'Minimal badge',
  credentialSubject: {
    id: LEARNER,
    type: ['AchievementSubject'],
    achievement: {
      id: 'https://issuer.example/achievements/minimal',
      type: ['Achievement'],
      name: 'Minimal badge',
      description: 'The smallest credential Akashi issues.',
      criteria: { narrative: 'Attend.' },
    },
  },
});

const alignment = {
  type: ['Alignment'],
  targetName: 'Data literacy',
  targetUrl: 'https://framework.example/competencies/data-literacy',
  targetDescription: 'Reads and interprets data.',
  targetFramework: 'Example Competency Framework',
  targetCode: 'DL-1',
  targetType: 'CFItem',
};

const full = (issuer: string): Json => ({
  '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT, OB_V3_EXTENSIONS_CONTEXT],
  id: 'urn:uuid:7a2f5d4e-0002-4c1e-9a7b-3c5d6e7f8a92',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: {
    id: issuer,
    type: ['Profile'],
    name: 'Akashi Interop University',
    url: 'https://university.example/',
    email: 'registrar@university.example',
    phone: '+81-3-0000-0000',
    description: 'A university that exists only in tests.',
    image: { id: 'https://university.example/logo.png', type: 'Image', caption: 'Logo' },
    address: {
      type: ['Address'],
      addressCountry: 'Japan',
      addressCountryCode: 'JP',
      addressRegion: 'Tokyo',
      addressLocality: 'Chiyoda',
      streetAddress: '1-1 Marunouchi',
      postalCode: '100-0005',
      geo: { type: 'GeoCoordinates', latitude: 35.681236, longitude: 139.767125 },
    },
    otherIdentifier: [
      { type: 'IdentifierEntry', identifier: 'JP-13-0042', identifierType: 'identifier' },
    ],
  },
  name: 'Data Science Foundations',
  description: 'Awarded for completing the Data Science Foundations course.',
  image: { id: 'https://university.example/badges/dsf.png', type: 'Image', caption: 'DSF badge' },
  validFrom: VALID_FROM,
  validUntil: VALID_UNTIL,
  awardedDate: VALID_FROM,
  credentialSchema: [{ id: OB_ACHIEVEMENT_SCHEMA_URL, type: '1EdTechJsonSchemaValidator2019' }],
  credentialSubject: {
    id: LEARNER,
    type: ['AchievementSubject'],
    activityStartDate: '2024-10-01T00:00:00Z',
    activityEndDate: '2025-01-10T00:00:00Z',
    creditsEarned: 2.5,
    licenseNumber: 'LIC-0001',
    role: 'Student',
    term: 'Fall 2024',
    narrative: 'Completed every *assignment* on time.',
    identifier: [
      {
        type: 'IdentityObject',
        hashed: true,
        identityHash: hashedEmail('learner@example.org'),
        identityType: 'emailAddress',
        salt: EMAIL_SALT,
      },
    ],
    result: [
      {
        type: ['Result'],
        resultDescription: 'https://university.example/achievements/dsf/results/grade',
        value: 'A',
        status: 'Completed',
        alignment: [alignment],
      },
    ],
    achievement: {
      id: 'https://university.example/achievements/dsf',
      type: ['Achievement'],
      achievementType: 'Course',
      name: 'Data Science Foundations',
      description: 'An introduction to statistics, Python and data visualisation.',
      criteria: {
        id: 'https://university.example/achievements/dsf/criteria',
        narrative: '1. Pass the exam.\n2. Submit the project.',
      },
      image: { id: 'https://university.example/badges/dsf.png', type: 'Image' },
      creator: {
        id: 'https://university.example/faculties/science',
        type: ['Profile'],
        name: 'Faculty of Science',
      },
      creditsAvailable: 3,
      fieldOfStudy: 'Data Science',
      humanCode: 'DSF-101',
      specialization: 'Statistics',
      inLanguage: 'en',
      version: '2.1',
      tag: ['data', 'python', 'statistics'],
      alignment: [alignment],
      otherIdentifier: [
        { type: 'IdentifierEntry', identifier: 'DSF-101', identifierType: 'sourcedId' },
      ],
      related: [
        {
          id: 'https://university.example/achievements/dsf-ja',
          type: ['Related'],
          inLanguage: 'ja',
          version: '2.1',
        },
      ],
      resultDescription: [
        {
          id: 'https://university.example/achievements/dsf/results/grade',
          type: ['ResultDescription'],
          name: 'Final grade',
          resultType: 'LetterGrade',
          allowedValue: ['D', 'C', 'B', 'A'],
          requiredValue: 'C',
        },
      ],
    },
  },
  evidence: [
    {
      id: 'https://university.example/evidence/1001',
      type: ['Evidence'],
      name: 'Final project',
      narrative: 'A notebook analysing open data.',
      description: 'Graded by two reviewers.',
      genre: 'Notebook',
      audience: 'Employers',
    },
  ],
});

const japanese = (issuer: string): Json => ({
  '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
  id: 'urn:uuid:7a2f5d4e-0003-4c1e-9a7b-3c5d6e7f8a93',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: {
    id: issuer,
    type: ['Profile'],
    name: '東京明日香大学 情報学部',
    url: 'https://daigaku.example/',
  },
  validFrom: VALID_FROM,
  name: 'データサイエンス基礎 修了証',
  description: '「データサイエンス基礎」（全15回）を修了したことを証明します。',
  credentialSubject: {
    id: LEARNER,
    type: ['AchievementSubject'],
    achievement: {
      id: 'https://daigaku.example/achievements/ds-kiso',
      type: ['Achievement'],
      name: 'データサイエンス基礎',
      description:
        '統計学・Python・可視化の基礎を学ぶ科目です。半角ｶﾅ、全角ＡＢＣ、旧字體、𠮷野家も含む。',
      criteria: { narrative: '期末試験に合格し、最終課題（レポート）を提出すること。' },
      inLanguage: 'ja',
      fieldOfStudy: '情報学',
    },
  },
});

const hostile = (issuer: string): Json => ({
  '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
  id: 'urn:uuid:7a2f5d4e-0004-4c1e-9a7b-3c5d6e7f8a94',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: issuer, type: ['Profile'], name: `Issuer ${HOSTILE_TEXT}` },
  validFrom: VALID_FROM,
  name: HOSTILE_TEXT,
  description: `${HOSTILE_TEXT}\n${HOSTILE_TEXT}`,
  credentialSubject: {
    id: LEARNER,
    type: ['AchievementSubject'],
    narrative: HOSTILE_TEXT,
    achievement: {
      id: 'https://issuer.example/achievements/hostile?a=1&b=%22two%22#frag',
      type: ['Achievement'],
      name: HOSTILE_TEXT,
      description: HOSTILE_TEXT,
      criteria: { narrative: HOSTILE_TEXT },
      tag: ['"', '\\', '\n', '🎓'],
    },
  },
});

const BUILDERS: Readonly<Record<FixtureName, (issuer: string) => Json>> = {
  minimal,
  full,
  japanese,
  hostile,
};

/** A fresh unsigned credential (callers may mutate it). */
export const buildCredential = (name: FixtureName, issuer: string): Json => BUILDERS[name](issuer);

/** A deep copy whose achievement name differs by one character: the signature must break. */
export const tamper = (signed: Json): Json => {
  const copy = structuredClone(signed);
  const subject = copy.credentialSubject as Json;
  const achievement = subject.achievement as Json;
  achievement.name = `${String(achievement.name)}!`;
  return copy;
};

export interface DidKeyDocuments {
  readonly did: string;
  readonly verificationMethod: string;
  /** URL → document: the DID document and the verification method document. */
  readonly documents: ReadonlyMap<string, Json>;
}

/**
 * The did:key documents for an Ed25519 public Multikey, written by Digital Bazaar's
 * ed25519-multikey: the verification method as it exports it (`@context` multikey/v1, type
 * Multikey, controller), and a DID document listing it under `assertionMethod`.
 */
export const didKeyDocuments = async (publicKeyMultibase: string): Promise<DidKeyDocuments> => {
  const did = `did:key:${publicKeyMultibase}`;
  const verificationMethod = `${did}#${publicKeyMultibase}`;
  const key = await Ed25519Multikey.from({
    id: verificationMethod,
    controller: did,
    publicKeyMultibase,
  });
  const method = await key.export({ publicKey: true, includeContext: true });
  const embedded: Json = { ...method };
  delete embedded['@context'];
  const didDocument: Json = {
    '@context': [DID_V1_CONTEXT, MULTIKEY_V1_CONTEXT],
    id: did,
    verificationMethod: [embedded],
    authentication: [verificationMethod],
    assertionMethod: [verificationMethod],
  };
  return {
    did,
    verificationMethod,
    documents: new Map<string, Json>([
      [did, didDocument],
      [verificationMethod, method],
    ]),
  };
};
