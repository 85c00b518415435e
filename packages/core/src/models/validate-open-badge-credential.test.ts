import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildOpenBadgeCredential } from './build-open-badge-credential.js';
import {
  buildMinimalInput,
  COMPACT_JWS,
  fixedClock,
  readJsonFixture,
  TEST_PROOF,
} from './test-factories.js';
import { validateOpenBadgeCredential } from './validate-open-badge-credential.js';

type Json = Record<string, unknown>;

const simple = (): Json => readJsonFixture('validator/ob30/simple.json') as Json;

/** A deep copy of simple.json with `edit` applied. */
const editSimple = (edit: (credential: Json, subject: Json, achievement: Json) => void): Json => {
  const credential = simple();
  const subject = credential.credentialSubject as Json;
  edit(credential, subject, subject.achievement as Json);
  return credential;
};

const errorsOf = (value: unknown): { path: string; message: string }[] => {
  const result = validateOpenBadgeCredential(value);
  if (result.ok) assert.fail('expected the schema check to fail');
  return result.errors;
};

describe('validateOpenBadgeCredential', () => {
  it('accepts the 1EdTech validator fixtures simple.json and complete.json', () => {
    assert.deepEqual(validateOpenBadgeCredential(simple()), { ok: true });
    assert.deepEqual(validateOpenBadgeCredential(readJsonFixture('validator/ob30/complete.json')), {
      ok: true,
    });
  });

  it('accepts the forms JSON-LD compaction produces', () => {
    const compacted = editSimple((credential, subject, achievement) => {
      credential.proof = TEST_PROOF;
      credential.credentialSchema = {
        id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json',
        type: '1EdTechJsonSchemaValidator2019',
      };
      credential.termsOfUse = { type: 'TrustFrameworkPolicy' };
      subject.type = 'AchievementSubject';
      achievement.type = 'Achievement';
      (credential.issuer as Json).type = 'Profile';
    });
    assert.deepEqual(validateOpenBadgeCredential(compacted), { ok: true });
  });

  it('accepts an issuer URI, a 1EdTechRevocationList status, endorsementJwt and extra members', () => {
    const credential = editSimple((credential) => {
      credential.issuer = 'https://example.com/issuers/876543';
      credential.credentialStatus = {
        id: 'https://example.com/revocations',
        type: '1EdTechRevocationList',
      };
      credential.extensionMember = { anything: true };
      credential.endorsementJwt = [COMPACT_JWS];
    });
    assert.deepEqual(validateOpenBadgeCredential(credential), { ok: true });
  });

  it('accepts what buildOpenBadgeCredential emits, signed', () => {
    const credential = buildOpenBadgeCredential(buildMinimalInput(), { clock: fixedClock });
    assert.deepEqual(validateOpenBadgeCredential({ ...credential, proof: [TEST_PROOF] }), {
      ok: true,
    });
  });

  it('reports a wrong Image.type with its path', () => {
    const credential = editSimple((_credential, _subject, achievement) => {
      achievement.image = { id: 'https://example.com/badge.png', type: 'Picture' };
    });
    assert.deepEqual(errorsOf(credential), [
      { path: '/credentialSubject/achievement/image/type', message: 'must be "Image"' },
    ]);
  });

  it('reports an IdentityObject with an extra property with its path', () => {
    const credential = editSimple((_credential, subject) => {
      subject.identifier = [
        {
          type: 'IdentityObject',
          identityHash: 'sha256$7a1a1b3f7d40552e4299180e346e3add12bf9a751a43d9c4ca4518febc2c60c6',
          identityType: 'emailAddress',
          hashed: true,
          email: 'mayze@example.com',
        },
      ];
    });
    assert.deepEqual(errorsOf(credential), [
      { path: '/credentialSubject/identifier/0/email', message: 'is not allowed here' },
    ]);
  });

  it('reports a missing achievement with its path', () => {
    const credential = editSimple((_credential, subject) => {
      delete subject.achievement;
    });
    assert.deepEqual(errorsOf(credential), [
      { path: '/credentialSubject/achievement', message: 'is required' },
    ]);
  });

  it('reports every bad field at once', () => {
    const credential = editSimple((credential, subject, achievement) => {
      credential['@context'] = ['https://www.w3.org/2018/credentials/v1', 'https://example.org/ob'];
      credential.validFrom = '2010-01-01T00:00:00';
      delete subject.id;
      achievement.criteria = {};
      achievement.achievementType = 'Diploma Mill';
    });
    assert.deepEqual(
      new Set(errorsOf(credential).map((error) => error.path)),
      new Set([
        '/@context/0',
        '/@context/1',
        '/validFrom',
        '/credentialSubject',
        '/credentialSubject/achievement/criteria',
        '/credentialSubject/achievement/achievementType',
      ]),
    );
  });

  it('says what a context entry must be', () => {
    const credential = editSimple((credential) => {
      credential['@context'] = [...(credential['@context'] as string[]), 42];
    });
    assert.deepEqual(errorsOf(credential), [
      { path: '/@context/2', message: 'must be string or object' },
    ]);
  });

  it('accepts extension vocabulary terms and rejects malformed ones', () => {
    const good = editSimple((_credential, _subject, achievement) => {
      achievement.achievementType = 'ext:Micro-Credential_v2';
    });
    assert.deepEqual(validateOpenBadgeCredential(good), { ok: true });
    const bad = editSimple((_credential, _subject, achievement) => {
      achievement.achievementType = 'ext:with space';
    });
    assert.equal(errorsOf(bad)[0]?.path, '/credentialSubject/achievement/achievementType');
  });

  const negatives: [string, string][] = [
    ['simple-err-type.json', '/type'],
    ['simple-err-issuer.json', '/issuer'],
    ['simple-err-credential-subject-type.json', '/credentialSubject/type'],
    ['simple-err-credential-subject-identifier-type.json', '/credentialSubject/identifier/0/type'],
    ['simple-err-credential-subject-profile-type.json', '/credentialSubject/source/type'],
    ['simple-err-credential-subject-result-type.json', '/credentialSubject/result/1/type'],
    [
      'simple-err-credential-subject-achievement-result-description-type.json',
      '/credentialSubject/achievement/resultDescription/2/type',
    ],
    ['simple-err-evidence-type.json', '/evidence/1/type'],
    ['simple-err-issuer-type.json', '/issuer/type'],
    ['simple-err-issuer-parentorg-type.json', '/issuer/parentOrg/type'],
    ['simple-err-issuer-otheridentifier-type.json', '/issuer/otherIdentifier/1/type'],
    ['simple-err-context.json', '/@context/0'],
  ];
  for (const [file, path] of negatives) {
    it(`rejects the reference validator's ${file} at ${path}`, () => {
      const paths = errorsOf(readJsonFixture(`validator/ob30/${file}`)).map((error) => error.path);
      assert.ok(paths.includes(path), `${path} not in ${JSON.stringify(paths)}`);
    });
  }

  it('never throws, whatever it is given', () => {
    for (const value of [undefined, null, 42, 'credential', [], {}, { type: 5 }]) {
      assert.equal(validateOpenBadgeCredential(value).ok, false);
    }
  });
});
