/**
 * The authorisation matrix: every endpoint of organisations, vetting, departments, members and
 * API keys, called over HTTP by every kind of actor (anonymous, learner, viewer, issuer with and
 * without the department, org admin, operator, API keys with and without the scope, the admin
 * and an API key of another organisation). Each call is allowed or denied exactly as the table
 * says; a denied call changes nothing (the audit log does not grow).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe } from 'node:test';
import type { InjectOptions } from 'fastify';
import {
  insertTestApiKey,
  insertTestOrganisation,
  insertTestUser,
} from '../auth/test-factories.js';
import { forEachDatabase } from '../db/for-each-database.js';
import type { Database } from '../db/open-database.js';
import { buildTestApp } from '../http/build-test-app.js';
import type { ErrorEnvelope } from '../http/error-envelope.js';
import {
  buildPolicyTestWorld,
  insertTestDepartment,
  insertTestMember,
  ORGANISATION_ROUTE_MODULES,
  ROLES,
  sampleApplication,
  type PolicyTestWorld,
  type Role,
} from './policy-test-world.js';

type Request = Pick<InjectOptions, 'method' | 'url' | 'payload'>;

interface Endpoint {
  readonly name: string;
  /** Builds the request; creates whatever it acts on, fresh for every call. */
  readonly build: (world: PolicyTestWorld, db: Database) => Promise<Request>;
  /** The roles allowed; every other role is denied. */
  readonly allowed: readonly Role[] | 'everyone';
  readonly success: number;
  /** The action has an API key scope (org:read): the key without it gets ERR_POLICY_SCOPE_MISSING. */
  readonly scoped?: boolean;
}

const USERS: readonly Role[] = [
  'learner',
  'viewer',
  'issuer-in-department',
  'issuer-other-department',
  'org-admin',
  'operator',
  'other-org-admin',
];
const READERS: readonly Role[] = [
  'viewer',
  'issuer-in-department',
  'issuer-other-department',
  'org-admin',
  'operator',
  'api-key-with-scope',
];
const ADMIN: readonly Role[] = ['org-admin'];
const OPERATOR: readonly Role[] = ['operator'];

const pendingApplication = async (db: Database, applicant: string | null = null) => {
  const id = await insertTestOrganisation(db, { status: 'pending' });
  await db.kysely
    .updateTable('organisations')
    .set({ applicant_user_id: applicant })
    .where('id', '=', id)
    .execute();
  return id;
};

const org = (world: PolicyTestWorld) => `/api/v1/organisations/${world.orgA}`;

const ENDPOINTS: readonly Endpoint[] = [
  {
    name: 'GET /api/v1/public/organisations',
    build: () => Promise.resolve({ method: 'GET', url: '/api/v1/public/organisations' }),
    allowed: 'everyone',
    success: 200,
  },
  {
    name: 'POST /api/v1/organisation-applications',
    build: () =>
      Promise.resolve({
        method: 'POST',
        url: '/api/v1/organisation-applications',
        payload: sampleApplication(),
      }),
    allowed: USERS,
    success: 201,
  },
  {
    name: 'GET /api/v1/organisation-applications',
    build: () => Promise.resolve({ method: 'GET', url: '/api/v1/organisation-applications' }),
    allowed: OPERATOR,
    success: 200,
  },
  {
    name: "GET /api/v1/organisation-applications/:id (the learner's own)",
    build: async (world, db) => ({
      method: 'GET',
      url: `/api/v1/organisation-applications/${await pendingApplication(db, world.learnerUserId)}`,
    }),
    allowed: ['learner', 'operator'],
    success: 200,
  },
  {
    name: 'POST /api/v1/organisation-applications/:id/approve',
    build: async (world, db) => ({
      method: 'POST',
      url: `/api/v1/organisation-applications/${await pendingApplication(db, world.learnerUserId)}/approve`,
      payload: {},
    }),
    allowed: OPERATOR,
    success: 200,
  },
  {
    name: 'POST /api/v1/organisation-applications/:id/reject',
    build: async (_world, db) => ({
      method: 'POST',
      url: `/api/v1/organisation-applications/${await pendingApplication(db)}/reject`,
      payload: { reason: '所在が確認できません。' },
    }),
    allowed: OPERATOR,
    success: 200,
  },
  {
    name: 'GET /api/v1/organisations',
    build: () => Promise.resolve({ method: 'GET', url: '/api/v1/organisations' }),
    allowed: USERS,
    success: 200,
  },
  {
    name: 'GET /api/v1/organisations/:id',
    build: (world) => Promise.resolve({ method: 'GET', url: org(world) }),
    allowed: READERS,
    success: 200,
    scoped: true,
  },
  {
    name: 'PATCH /api/v1/organisations/:id',
    build: (world) =>
      Promise.resolve({
        method: 'PATCH',
        url: org(world),
        payload: { contactEmail: `office-${randomUUID().slice(0, 8)}@example.ac.jp` },
      }),
    allowed: ADMIN,
    success: 200,
  },
  {
    name: 'GET …/departments',
    build: (world) => Promise.resolve({ method: 'GET', url: `${org(world)}/departments` }),
    allowed: READERS,
    success: 200,
    scoped: true,
  },
  {
    name: 'POST …/departments',
    build: (world) =>
      Promise.resolve({
        method: 'POST',
        url: `${org(world)}/departments`,
        payload: { name: `学部 ${randomUUID().slice(0, 8)}` },
      }),
    allowed: ADMIN,
    success: 201,
  },
  {
    name: 'PATCH …/departments/:id',
    build: async (world, db) => ({
      method: 'PATCH',
      url: `${org(world)}/departments/${await insertTestDepartment(db, world.orgA, randomUUID())}`,
      payload: { name: `研究科 ${randomUUID().slice(0, 8)}` },
    }),
    allowed: ADMIN,
    success: 200,
  },
  {
    name: 'DELETE …/departments/:id',
    build: async (world, db) => ({
      method: 'DELETE',
      url: `${org(world)}/departments/${await insertTestDepartment(db, world.orgA, randomUUID())}`,
    }),
    allowed: ADMIN,
    success: 204,
  },
  {
    name: 'GET …/members',
    build: (world) => Promise.resolve({ method: 'GET', url: `${org(world)}/members` }),
    allowed: ADMIN,
    success: 200,
  },
  {
    name: 'POST …/members',
    build: async (world, db) => ({
      method: 'POST',
      url: `${org(world)}/members`,
      payload: { email: (await insertTestUser(db)).email, role: 'viewer' },
    }),
    allowed: ADMIN,
    success: 201,
  },
  {
    name: 'PUT …/members/:userId/role',
    build: async (world, db) => ({
      method: 'PUT',
      url: `${org(world)}/members/${(await insertTestMember(db, world.orgA, 'viewer')).userId}/role`,
      payload: { role: 'issuer', departmentIds: [world.deptA1] },
    }),
    allowed: ADMIN,
    success: 200,
  },
  {
    name: 'DELETE …/members/:userId',
    build: async (world, db) => ({
      method: 'DELETE',
      url: `${org(world)}/members/${(await insertTestMember(db, world.orgA, 'viewer')).userId}`,
    }),
    allowed: ADMIN,
    success: 204,
  },
  {
    name: 'GET …/api-keys',
    build: (world) => Promise.resolve({ method: 'GET', url: `${org(world)}/api-keys` }),
    allowed: ADMIN,
    success: 200,
  },
  {
    name: 'POST …/api-keys',
    build: (world) =>
      Promise.resolve({
        method: 'POST',
        url: `${org(world)}/api-keys`,
        payload: { name: 'LMS 連携', scopes: ['badges:read'] },
      }),
    allowed: ADMIN,
    success: 201,
  },
  {
    name: 'DELETE …/api-keys/:id',
    build: async (world, db) => ({
      method: 'DELETE',
      url: `${org(world)}/api-keys/${(await insertTestApiKey(db, world.orgA, ['org:read'])).id}`,
    }),
    allowed: ADMIN,
    success: 200,
  },
];

const countAuditEvents = async (db: Database): Promise<number> => {
  const row = await db.kysely
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
};

const expectedDenial = (endpoint: Endpoint, role: Role): string => {
  if (role === 'anonymous') return 'ERR_HTTP_UNAUTHENTICATED';
  if (role === 'api-key-without-scope' && endpoint.scoped === true) {
    return 'ERR_POLICY_SCOPE_MISSING';
  }
  return 'ERR_HTTP_FORBIDDEN';
};

describe('the authorisation matrix', () => {
  forEachDatabase(
    'every role × every endpoint is allowed or denied as the table says',
    async (db) => {
      const { app, close } = buildTestApp({ db, routes: ORGANISATION_ROUTE_MODULES });
      try {
        const world = await buildPolicyTestWorld(db);
        const failures: string[] = [];
        for (const endpoint of ENDPOINTS) {
          for (const role of ROLES) {
            const request = await endpoint.build(world, db);
            const before = await countAuditEvents(db);
            const response = await app.inject({ ...request, headers: world.headers[role] });
            const allowed = endpoint.allowed === 'everyone' || endpoint.allowed.includes(role);
            const where = `${endpoint.name} as ${role}`;
            if (allowed) {
              if (response.statusCode !== endpoint.success) {
                failures.push(`${where}: ${String(response.statusCode)} ${response.body}`);
              }
              continue;
            }
            const expected = expectedDenial(endpoint, role);
            if (response.statusCode < 400) {
              failures.push(
                `${where}: allowed (${String(response.statusCode)}), expected ${expected}`,
              );
              continue;
            }
            const code = response.json<ErrorEnvelope>().error.code;
            if (code !== expected) failures.push(`${where}: ${code}, expected ${expected}`);
            if ((await countAuditEvents(db)) !== before) failures.push(`${where}: audit log grew`);
          }
        }
        assert.deepEqual(failures, []);
      } finally {
        await close();
      }
    },
  );
});

describe('resources of another organisation', () => {
  forEachDatabase(
    "are not reachable through one's own organisation's paths (404, nothing changes)",
    async (db) => {
      const { app, close } = buildTestApp({ db, routes: ORGANISATION_ROUTE_MODULES });
      try {
        const world = await buildPolicyTestWorld(db);
        const keyB = await insertTestApiKey(db, world.orgB, ['org:read']);
        const viewerB = await insertTestMember(db, world.orgB, 'viewer');
        const headers = world.headers['org-admin'];
        const before = await countAuditEvents(db);
        const attempts: [Request, string][] = [
          [
            {
              method: 'PATCH',
              url: `${org(world)}/departments/${world.deptB1}`,
              payload: { name: 'x' },
            },
            'ERR_ORG_DEPARTMENT_NOT_FOUND',
          ],
          [
            { method: 'DELETE', url: `${org(world)}/departments/${world.deptB1}` },
            'ERR_ORG_DEPARTMENT_NOT_FOUND',
          ],
          [{ method: 'DELETE', url: `${org(world)}/api-keys/${keyB.id}` }, 'ERR_API_KEY_NOT_FOUND'],
          [
            {
              method: 'PUT',
              url: `${org(world)}/members/${viewerB.userId}/role`,
              payload: { role: 'org_admin' },
            },
            'ERR_MEMBER_NOT_FOUND',
          ],
          [
            { method: 'DELETE', url: `${org(world)}/members/${world.adminBUserId}` },
            'ERR_MEMBER_NOT_FOUND',
          ],
          [
            {
              method: 'POST',
              url: `${org(world)}/members`,
              payload: {
                email: (await insertTestUser(db)).email,
                role: 'issuer',
                departmentIds: [world.deptB1],
              },
            },
            'ERR_ORG_DEPARTMENT_NOT_FOUND',
          ],
        ];
        for (const [request, code] of attempts) {
          const response = await app.inject({ ...request, headers });
          assert.equal(
            response.statusCode,
            404,
            `${String(request.method)} ${request.url as string}`,
          );
          assert.equal(response.json<ErrorEnvelope>().error.code, code);
        }
        assert.equal(await countAuditEvents(db), before);
        const department = await db.kysely
          .selectFrom('departments')
          .select('name')
          .where('id', '=', world.deptB1)
          .executeTakeFirstOrThrow();
        assert.equal(department.name, '人事部');
        const key = await db.kysely
          .selectFrom('api_keys')
          .select('revoked_at')
          .where('id', '=', keyB.id)
          .executeTakeFirstOrThrow();
        assert.equal(key.revoked_at, null);
        // The key of B still works in B, and only in B.
        const inB = await app.inject({
          url: `/api/v1/organisations/${world.orgB}`,
          headers: keyB.headers,
        });
        assert.equal(inB.statusCode, 200);
        const inA = await app.inject({ url: org(world), headers: keyB.headers });
        assert.equal(inA.statusCode, 403);
      } finally {
        await close();
      }
    },
  );
});
