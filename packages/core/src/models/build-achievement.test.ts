import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AkashiError } from '../errors/akashi-error.js';
import { buildIdentityObject } from '../recipient/build-identity-object.js';
import { buildAchievement, type AchievementInput } from './build-achievement.js';
import {
  buildAchievementSubject,
  type AchievementSubjectInput,
} from './build-achievement-subject.js';
import { buildProfile, type ProfileInput } from './build-profile.js';
import { findEmptyValues, getOfficialValidator } from './test-factories.js';

const errorPaths = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof AkashiError);
    assert.equal(error.code, 'ERR_CREDENTIAL_INVALID');
    return ((error.details?.errors ?? []) as { path: string }[]).map((e) => e.path);
  }
  assert.fail('expected ERR_CREDENTIAL_INVALID');
};

const achievement: AchievementInput = {
  id: 'https://example.ac.jp/achievements/1',
  name: '基礎',
  description: '説明',
  criteria: { narrative: '条件' },
};

describe('buildAchievement', () => {
  it('emits the strict shape, dropping undefined members and empty lists', () => {
    const built = buildAchievement({
      ...achievement,
      type: 'Achievement',
      tag: [],
      alignment: undefined,
      image: 'https://example.ac.jp/a.png',
      related: [{ id: 'https://example.ac.jp/achievements/1-en', inLanguage: 'en' }],
    });
    assert.deepEqual(built, {
      id: 'https://example.ac.jp/achievements/1',
      type: ['Achievement'],
      name: '基礎',
      description: '説明',
      criteria: { narrative: '条件' },
      image: { id: 'https://example.ac.jp/a.png', type: 'Image' },
      related: [
        { id: 'https://example.ac.jp/achievements/1-en', type: ['Related'], inLanguage: 'en' },
      ],
    });
  });

  it('keeps further types after Achievement, without duplicates', () => {
    const built = buildAchievement({ ...achievement, type: ['Achievement', 'ext:Course'] });
    assert.deepEqual(built.type, ['Achievement', 'ext:Course']);
  });

  it('rejects a missing name, criteria without id or narrative and a non-URI id together', () => {
    const paths = errorPaths(() =>
      buildAchievement({
        id: 'achievement-1',
        description: 'x',
        criteria: { narrative: undefined },
        inLanguage: 'Japanese',
        achievementType: 'Nanodegree',
      } as unknown as AchievementInput),
    );
    assert.deepEqual(
      new Set(paths),
      new Set(['/id', '/name', '/criteria', '/inLanguage', '/achievementType']),
    );
  });

  it('rejects an empty string where text is required', () => {
    assert.deepEqual(
      errorPaths(() => buildAchievement({ ...achievement, name: '' })),
      ['/name'],
    );
  });
});

describe('buildProfile', () => {
  it('emits a profile valid against the official profile.json', () => {
    const profile = buildProfile({
      id: 'https://example.ac.jp/issuers/1',
      name: '証明大学',
      image: { id: 'https://example.ac.jp/logo.png' },
      otherIdentifier: [{ identifier: '123', identifierType: 'ext:gakkouCode' }],
    });
    const validate = getOfficialValidator('profile');
    assert.ok(validate(profile), JSON.stringify(validate.errors));
    assert.deepEqual(profile.otherIdentifier, [
      { identifier: '123', identifierType: 'ext:gakkouCode', type: 'IdentifierEntry' },
    ]);
    assert.deepEqual(findEmptyValues(profile), []);
  });

  it('requires a name (displayers show the issuer name)', () => {
    assert.deepEqual(
      errorPaths(() => buildProfile({ id: 'https://example.ac.jp/issuers/1' } as ProfileInput)),
      ['/name'],
    );
  });
});

describe('buildAchievementSubject', () => {
  it('accepts a subject with a DID id only, or with an identifier only', () => {
    const byDid = buildAchievementSubject({ id: 'did:example:123', achievement });
    assert.equal(byDid.identifier, undefined);
    const byEmail = buildAchievementSubject({
      identifier: buildIdentityObject({ email: 'a@example.com', salt: 'Kosher' }),
      achievement,
    });
    assert.deepEqual(byEmail.identifier, [
      {
        type: 'IdentityObject',
        identityHash: 'sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399',
        identityType: 'emailAddress',
        hashed: true,
        salt: 'Kosher',
      },
    ]);
  });

  it('rejects a subject with neither id nor identifier', () => {
    assert.deepEqual(
      errorPaths(() => buildAchievementSubject({ achievement })),
      [''],
    );
  });

  it('rejects an identity object that is not hashed with sha256', () => {
    const input: AchievementSubjectInput = {
      achievement,
      identifier: {
        type: 'IdentityObject',
        hashed: true,
        identityHash: 'md5$0cc175b9c0f1b6a831c399e269772661',
        identityType: 'emailAddress',
      },
    };
    assert.deepEqual(
      errorPaths(() => buildAchievementSubject(input)),
      ['/identifier/0/identityHash'],
    );
  });
});
