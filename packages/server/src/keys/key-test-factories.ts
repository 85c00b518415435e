/**
 * Test support for the key store: master keys, owners and an actor for the audit log, and an
 * Open Badges credential to sign. Not for production code.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/actor.js';
import type { KeyOwner } from './issuer-key.js';
import { createMasterKey, deriveMasterKey, parseMasterKey, type MasterKey } from './master-key.js';

export const createTestMasterKey = (): MasterKey => {
  const secret = parseMasterKey(createMasterKey());
  if (secret === undefined) throw new Error('createMasterKey made an unreadable key');
  return deriveMasterKey(secret, 'environment');
};

export const testOrganisation = (): KeyOwner => ({ type: 'organisation', id: randomUUID() });

export const testIssuerProfile = (): KeyOwner => ({ type: 'issuer-profile', id: randomUUID() });

/** An operator acting through a session (the audit log keeps no foreign key to users). */
export const testActor = (): Extract<Actor, { kind: 'user' }> => ({
  kind: 'user',
  userId: randomUUID(),
  isOperator: true,
  sessionId: randomUUID(),
  secondFactor: true,
});

/** An unsigned OpenBadgeCredential from `issuerId` to the DID `subjectId`. */
export const makeTestCredential = (
  issuerId: string,
  subjectId = 'did:example:learner-1',
): Record<string, unknown> => ({
  '@context': [
    'https://www.w3.org/ns/credentials/v2',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  ],
  id: `urn:uuid:${randomUUID()}`,
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  name: '情報リテラシー修了証',
  issuer: { id: issuerId, type: ['Profile'], name: '証大学' },
  validFrom: '2026-04-01T00:00:00Z',
  credentialSubject: {
    id: subjectId,
    type: ['AchievementSubject'],
    achievement: {
      id: 'https://badges.example.ac.jp/achievements/1',
      type: ['Achievement'],
      name: '情報リテラシー',
      description: '情報の扱い方の基礎',
      criteria: { narrative: '課題を提出すること' },
    },
  },
});
