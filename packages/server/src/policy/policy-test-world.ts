/**
 * Test support: two approved organisations (A and B) with departments, and one actor of every
 * kind the policy knows, each with the headers that authenticate it. The routes of
 * organisations, departments, members and API keys are tested as each of them. Not for
 * production code.
 */
import { randomUUID } from 'node:crypto';
import type { RouteModule } from '../http/app-context.js';
import { registerApiKeyRoutes } from '../api-keys/api-key-routes.js';
import {
  insertTestApiKey,
  insertTestMembership,
  insertTestOrganisation,
  insertTestUser,
  signInForTest,
} from '../auth/test-factories.js';
import type { Database } from '../db/open-database.js';
import { registerDepartmentRoutes } from '../departments/department-routes.js';
import { registerMemberRoutes } from '../memberships/member-routes.js';
import { registerApplicationRoutes } from '../organisations/application-routes.js';
import { registerOrganisationRoutes } from '../organisations/organisation-routes.js';
import { registerPublicOrganisationRoutes } from '../organisations/public-organisation-routes.js';
import { API_KEY_SCOPES } from './api-key-scopes.js';

/** This part's routes, mounted as in `route-modules.ts`. */
export const ORGANISATION_ROUTE_MODULES: readonly RouteModule[] = [
  { prefix: '/api/v1', routes: registerApplicationRoutes },
  { prefix: '/api/v1', routes: registerOrganisationRoutes },
  { prefix: '/api/v1', routes: registerPublicOrganisationRoutes },
  { prefix: '/api/v1', routes: registerDepartmentRoutes },
  { prefix: '/api/v1', routes: registerMemberRoutes },
  { prefix: '/api/v1', routes: registerApiKeyRoutes },
];

export const ROLES = [
  'anonymous',
  'learner',
  'viewer',
  'issuer-in-department',
  'issuer-other-department',
  'org-admin',
  'operator',
  'api-key-with-scope',
  'api-key-without-scope',
  'other-org-admin',
  'other-org-api-key',
] as const;

export type Role = (typeof ROLES)[number];

export interface PolicyTestWorld {
  readonly orgA: string;
  readonly orgB: string;
  /** Departments of A: the issuer-in-department's, and another one. */
  readonly deptA1: string;
  readonly deptA2: string;
  readonly deptB1: string;
  readonly adminAUserId: string;
  readonly adminBUserId: string;
  readonly learnerUserId: string;
  /** The headers that authenticate each role (none for anonymous). */
  readonly headers: Readonly<Record<Role, Record<string, string>>>;
}

export const insertTestDepartment = async (
  db: Database,
  organisationId: string,
  name: string,
): Promise<string> => {
  const id = randomUUID();
  await db.kysely
    .insertInto('departments')
    .values({ id, organisation_id: organisationId, name, created_at: new Date().toISOString() })
    .execute();
  return id;
};

/** A user with a membership (and, for an issuer, its departments) and a signed-in session. */
export const insertTestMember = async (
  db: Database,
  organisationId: string,
  role: 'org_admin' | 'issuer' | 'viewer',
  options: { departmentIds?: readonly string[]; secondFactor?: boolean; email?: string } = {},
): Promise<{ userId: string; membershipId: string; headers: Record<string, string> }> => {
  const user = await insertTestUser(
    db,
    options.email === undefined ? {} : { email: options.email },
  );
  const membershipId = await insertTestMembership(db, organisationId, user.id, role);
  for (const departmentId of options.departmentIds ?? []) {
    await db.kysely
      .insertInto('membership_departments')
      .values({ membership_id: membershipId, department_id: departmentId })
      .execute();
  }
  const headers = await signInForTest(db, user.id, {
    secondFactor: options.secondFactor === true,
  });
  return { userId: user.id, membershipId, headers };
};

export const buildPolicyTestWorld = async (db: Database): Promise<PolicyTestWorld> => {
  const orgA = await insertTestOrganisation(db);
  const orgB = await insertTestOrganisation(db, { legalName: '証商事株式会社' });
  const deptA1 = await insertTestDepartment(db, orgA, '工学部');
  const deptA2 = await insertTestDepartment(db, orgA, '文学部');
  const deptB1 = await insertTestDepartment(db, orgB, '人事部');
  const learner = await insertTestUser(db);
  const operator = await insertTestUser(db, { isOperator: true });
  const adminA = await insertTestMember(db, orgA, 'org_admin');
  const adminB = await insertTestMember(db, orgB, 'org_admin');
  const viewer = await insertTestMember(db, orgA, 'viewer');
  const issuerIn = await insertTestMember(db, orgA, 'issuer', { departmentIds: [deptA1] });
  const issuerOther = await insertTestMember(db, orgA, 'issuer', { departmentIds: [deptA2] });
  const keyWith = await insertTestApiKey(db, orgA, ['org:read']);
  const keyWithout = await insertTestApiKey(db, orgA, ['badges:issue', 'badges:read']);
  const keyB = await insertTestApiKey(db, orgB, API_KEY_SCOPES);
  return {
    orgA,
    orgB,
    deptA1,
    deptA2,
    deptB1,
    adminAUserId: adminA.userId,
    adminBUserId: adminB.userId,
    learnerUserId: learner.id,
    headers: {
      anonymous: {},
      learner: await signInForTest(db, learner.id),
      viewer: viewer.headers,
      'issuer-in-department': issuerIn.headers,
      'issuer-other-department': issuerOther.headers,
      'org-admin': adminA.headers,
      operator: await signInForTest(db, operator.id),
      'api-key-with-scope': keyWith.headers,
      'api-key-without-scope': keyWithout.headers,
      'other-org-admin': adminB.headers,
      'other-org-api-key': keyB.headers,
    },
  };
};

let counter = 0;

/** A body for `POST /organisation-applications` with a fresh domain. */
export const sampleApplication = (overrides: Record<string, unknown> = {}) => {
  counter += 1;
  return {
    legalName: '国立大学法人 証大学',
    nameEn: 'Akashi University',
    domain: `apply-${String(counter)}-${randomUUID().slice(0, 8)}.example.ac.jp`,
    contactEmail: 'office@example.ac.jp',
    type: 'university',
    justification: '本学の授業科目の修了証としてバッジを発行します。',
    ...overrides,
  };
};
