/**
 * Test support for the audit-log routes: two organisations and one person (or key) in every
 * position the policy distinguishes, and an app that mounts only the audit routes. Not for
 * production code.
 */
import type { Database } from '../db/open-database.js';
import {
  insertTestApiKey,
  insertTestMembership,
  insertTestOrganisation,
  insertTestUser,
  signInForTest,
} from '../auth/test-factories.js';
import { buildTestApp, type TestApp } from '../http/build-test-app.js';
import { createAuditRoutes, type AuditRoutesOptions } from './audit-routes.js';

/**
 * A name that must survive byte for byte: 髙 (an IBM extension kanji), the CJK compatibility
 * ideograph U+FA19 (which NFC would turn into U+795E) and 葛 with an ideographic variation selector.
 */
export const ADMIN_A_NAME = '\u9AD9\u6A4B \uFA19\u845B\u{E0100}';

/** The time the test app's clock shows. */
export const TEST_NOW = new Date('2025-06-01T03:00:00.000Z');

export interface TestPerson {
  readonly id: string;
  readonly email: string;
  readonly headers: Record<string, string>;
}

export interface AuditFixture {
  readonly orgA: string;
  readonly orgB: string;
  readonly operator: TestPerson;
  readonly adminA: TestPerson;
  readonly adminB: TestPerson;
  readonly issuerA: TestPerson;
  readonly viewerA: TestPerson;
  /** A user with no membership (a learner). */
  readonly learner: TestPerson;
  /** A key of organisation A holding every scope there is. */
  readonly keyA: { readonly id: string; readonly headers: Record<string, string> };
}

const person = async (
  db: Database,
  options: { isOperator?: boolean; displayName?: string; email?: string } = {},
): Promise<TestPerson> => {
  const user = await insertTestUser(db, options);
  return { ...user, headers: await signInForTest(db, user.id) };
};

export const seedAuditFixture = async (db: Database): Promise<AuditFixture> => {
  const orgA = await insertTestOrganisation(db, { domain: 'akashi-u.example.ac.jp' });
  const orgB = await insertTestOrganisation(db, { legalName: '証商事株式会社' });
  const operator = await person(db, { isOperator: true, displayName: 'Operator' });
  const adminA = await person(db, { displayName: ADMIN_A_NAME, email: 'admin-a@example.ac.jp' });
  const adminB = await person(db);
  const issuerA = await person(db);
  const viewerA = await person(db);
  const learner = await person(db);
  await insertTestMembership(db, orgA, adminA.id, 'org_admin');
  await insertTestMembership(db, orgB, adminB.id, 'org_admin');
  await insertTestMembership(db, orgA, issuerA.id, 'issuer');
  await insertTestMembership(db, orgA, viewerA.id, 'viewer');
  const keyA = await insertTestApiKey(db, orgA, [
    'org:read',
    'badges:read',
    'badges:issue',
    'badges:revoke',
    'achievements:read',
    'achievements:write',
  ]);
  return { orgA, orgB, operator, adminA, adminB, issuerA, viewerA, learner, keyA };
};

export const buildAuditTestApp = (db: Database, options: AuditRoutesOptions = {}): TestApp =>
  buildTestApp({
    db,
    routes: [{ prefix: '/api/v1', routes: createAuditRoutes(options) }],
    clock: () => TEST_NOW,
  });

/** `2025-04-0<day>T<hour>:00:00.000Z` */
export const at = (day: number, hour = 0): Date => new Date(Date.UTC(2025, 3, day, hour, 0, 0, 0));
