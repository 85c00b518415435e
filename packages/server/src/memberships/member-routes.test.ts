import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { insertTestOrganisation, insertTestUser } from '../auth/test-factories.js';
import { forEachDatabase } from '../db/for-each-database.js';
import type { Database } from '../db/open-database.js';
import { buildTestApp } from '../http/build-test-app.js';
import type { ErrorEnvelope } from '../http/error-envelope.js';
import {
  insertTestDepartment,
  insertTestMember,
  ORGANISATION_ROUTE_MODULES,
} from '../policy/policy-test-world.js';
import type { Member } from './member-schemas.js';

const auditActions = async (db: Database, organisationId: string) =>
  (
    await db.kysely
      .selectFrom('audit_events')
      .select(['action', 'target_id', 'details', 'actor_user_id'])
      .where('organisation_id', '=', organisationId)
      .orderBy('occurred_at')
      .orderBy('id')
      .execute()
  ).map((event) => ({ ...event, details: JSON.parse(event.details) as Record<string, unknown> }));

describe('members of an organisation', () => {
  forEachDatabase(
    'an org admin adds, re-roles and removes members; each change is audited',
    async (db) => {
      const { app, close } = buildTestApp({ db, routes: ORGANISATION_ROUTE_MODULES });
      try {
        const org = await insertTestOrganisation(db);
        const dept = await insertTestDepartment(db, org, '情報基盤センター');
        const admin = await insertTestMember(db, org, 'org_admin');
        const person = await insertTestUser(db, { email: 'sato@example.ac.jp' });
        const url = `/api/v1/organisations/${org}/members`;
        const send = (method: 'POST' | 'PUT' | 'DELETE', path: string, payload?: object) =>
          app.inject({
            method,
            url: `${url}${path}`,
            headers: admin.headers,
            ...(payload ? { payload } : {}),
          });

        // Added by e-mail (any case) as an issuer of one department.
        const added = await send('POST', '', {
          email: 'Sato@Example.AC.JP',
          role: 'issuer',
          departmentIds: [dept],
        });
        assert.equal(added.statusCode, 201, added.body);
        assert.deepEqual((({ memberSince: _since, ...rest }) => rest)(added.json<Member>()), {
          userId: person.id,
          email: 'sato@example.ac.jp',
          displayName: '山田 花子',
          role: 'issuer',
          departmentIds: [dept],
        });
        const listed = (await app.inject({ url, headers: admin.headers })).json<{
          members: Member[];
        }>();
        assert.deepEqual(listed.members.map((m) => m.role).sort(), ['issuer', 'org_admin']);

        // Refusals: twice, unknown account, departments that do not fit the role.
        const cases: [object, number, string][] = [
          [{ email: 'sato@example.ac.jp', role: 'viewer' }, 409, 'ERR_MEMBER_ALREADY_EXISTS'],
          [{ email: 'nobody@example.ac.jp', role: 'viewer' }, 404, 'ERR_MEMBER_USER_NOT_FOUND'],
          [
            { email: (await insertTestUser(db)).email, role: 'issuer' },
            400,
            'ERR_MEMBER_DEPARTMENTS_INVALID',
          ],
          [
            { email: (await insertTestUser(db)).email, role: 'viewer', departmentIds: [dept] },
            400,
            'ERR_MEMBER_DEPARTMENTS_INVALID',
          ],
          [
            {
              email: (await insertTestUser(db)).email,
              role: 'issuer',
              departmentIds: ['00000000-0000-4000-8000-000000000000'],
            },
            404,
            'ERR_ORG_DEPARTMENT_NOT_FOUND',
          ],
        ];
        for (const [payload, status, code] of cases) {
          const response = await send('POST', '', payload);
          assert.equal(response.statusCode, status, JSON.stringify(payload));
          assert.equal(response.json<ErrorEnvelope>().error.code, code);
        }

        // Role change: issuer → viewer (departments dropped).
        const changed = await send('PUT', `/${person.id}/role`, { role: 'viewer' });
        assert.equal(changed.statusCode, 200, changed.body);
        assert.deepEqual(
          [changed.json<Member>().role, changed.json<Member>().departmentIds],
          ['viewer', []],
        );
        // The same role again changes nothing and records nothing.
        assert.equal((await send('PUT', `/${person.id}/role`, { role: 'viewer' })).statusCode, 200);

        const removed = await send('DELETE', `/${person.id}`);
        assert.equal(removed.statusCode, 204);
        const gone = await send('DELETE', `/${person.id}`);
        assert.equal(gone.json<ErrorEnvelope>().error.code, 'ERR_MEMBER_NOT_FOUND');

        const events = await auditActions(db, org);
        assert.deepEqual(
          events.map((e) => [e.action, e.target_id, e.actor_user_id]),
          [
            ['member.add', person.id, admin.userId],
            ['member.role-change', person.id, admin.userId],
            ['member.remove', person.id, admin.userId],
          ],
        );
        assert.deepEqual(events[1]?.details, {
          from: { role: 'issuer', departmentIds: [dept] },
          to: { role: 'viewer', departmentIds: [] },
        });
      } finally {
        await close();
      }
    },
  );

  forEachDatabase('the last org admin cannot be removed or demoted', async (db) => {
    const { app, close } = buildTestApp({ db, routes: ORGANISATION_ROUTE_MODULES });
    try {
      const org = await insertTestOrganisation(db);
      const first = await insertTestMember(db, org, 'org_admin');
      const url = `/api/v1/organisations/${org}/members`;
      const expectLastAdmin = (response: { statusCode: number; body: string }) => {
        assert.equal(response.statusCode, 409, response.body);
        assert.equal(
          (JSON.parse(response.body) as ErrorEnvelope).error.code,
          'ERR_MEMBER_LAST_ADMIN',
        );
      };
      expectLastAdmin(
        await app.inject({
          method: 'DELETE',
          url: `${url}/${first.userId}`,
          headers: first.headers,
        }),
      );
      expectLastAdmin(
        await app.inject({
          method: 'PUT',
          url: `${url}/${first.userId}/role`,
          headers: first.headers,
          payload: { role: 'viewer' },
        }),
      );

      // With a second admin, the first may step down; then the second is the last one.
      const second = await insertTestMember(db, org, 'org_admin');
      const stepDown = await app.inject({
        method: 'PUT',
        url: `${url}/${first.userId}/role`,
        headers: first.headers,
        payload: { role: 'viewer' },
      });
      assert.equal(stepDown.statusCode, 200, stepDown.body);
      expectLastAdmin(
        await app.inject({
          method: 'DELETE',
          url: `${url}/${second.userId}`,
          headers: second.headers,
        }),
      );
      const admins = await db.kysely
        .selectFrom('memberships')
        .select('user_id')
        .where('organisation_id', '=', org)
        .where('role', '=', 'org_admin')
        .execute();
      assert.deepEqual(admins, [{ user_id: second.userId }]);
    } finally {
      await close();
    }
  });

  forEachDatabase('two admins removing each other at once leave one admin', async (db) => {
    const { app, close } = buildTestApp({ db, routes: ORGANISATION_ROUTE_MODULES });
    try {
      const org = await insertTestOrganisation(db);
      const a = await insertTestMember(db, org, 'org_admin');
      const b = await insertTestMember(db, org, 'org_admin');
      const url = `/api/v1/organisations/${org}/members`;
      const results = await Promise.all([
        app.inject({ method: 'DELETE', url: `${url}/${b.userId}`, headers: a.headers }),
        app.inject({ method: 'DELETE', url: `${url}/${a.userId}`, headers: b.headers }),
      ]);
      const statuses = results.map((r) => r.statusCode).sort();
      // One wins; the other is refused (last admin, or its own membership is already gone).
      assert.equal(statuses[0], 204);
      assert.ok([403, 409].includes(statuses[1] ?? 0), String(statuses[1]));
      const admins = await db.kysely
        .selectFrom('memberships')
        .select('user_id')
        .where('organisation_id', '=', org)
        .where('role', '=', 'org_admin')
        .execute();
      assert.equal(admins.length, 1);
    } finally {
      await close();
    }
  });
});
