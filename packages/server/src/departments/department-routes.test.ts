import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { insertTestOrganisation } from '../auth/test-factories.js';
import { forEachDatabase } from '../db/for-each-database.js';
import { buildTestApp } from '../http/build-test-app.js';
import type { ErrorEnvelope } from '../http/error-envelope.js';
import {
  insertTestDepartment,
  insertTestMember,
  ORGANISATION_ROUTE_MODULES,
} from '../policy/policy-test-world.js';
import type { Department } from './department-schemas.js';

/** 髙 and a compatibility ideograph (U+FA10): kept as typed, never normalised. */
const NAME = '髙\uFA10記念センター';

describe('departments', () => {
  forEachDatabase(
    'an org admin creates, renames and deletes departments; all audited',
    async (db) => {
      const { app, close } = buildTestApp({ db, routes: ORGANISATION_ROUTE_MODULES });
      try {
        const org = await insertTestOrganisation(db);
        const admin = await insertTestMember(db, org, 'org_admin');
        const url = `/api/v1/organisations/${org}/departments`;
        const headers = admin.headers;

        const created = await app.inject({ method: 'POST', url, headers, payload: { name: NAME } });
        assert.equal(created.statusCode, 201, created.body);
        const department = created.json<Department>();
        assert.equal(department.name, NAME);
        assert.equal(department.organisationId, org);

        const duplicate = await app.inject({
          method: 'POST',
          url,
          headers,
          payload: { name: NAME },
        });
        assert.equal(duplicate.statusCode, 409);
        assert.equal(duplicate.json<ErrorEnvelope>().error.code, 'ERR_ORG_DEPARTMENT_NAME_TAKEN');
        const blank = await app.inject({ method: 'POST', url, headers, payload: { name: ' \t' } });
        assert.equal(blank.json<ErrorEnvelope>().error.code, 'ERR_HTTP_VALIDATION');

        await insertTestDepartment(db, org, '工学部');
        const renamed = await app.inject({
          method: 'PATCH',
          url: `${url}/${department.id}`,
          headers,
          payload: { name: '理学部' },
        });
        assert.equal(renamed.statusCode, 200);
        assert.equal(renamed.json<Department>().name, '理学部');
        const clash = await app.inject({
          method: 'PATCH',
          url: `${url}/${department.id}`,
          headers,
          payload: { name: '工学部' },
        });
        assert.equal(clash.json<ErrorEnvelope>().error.code, 'ERR_ORG_DEPARTMENT_NAME_TAKEN');

        // An issuer of the department loses it when the department is deleted.
        const issuer = await insertTestMember(db, org, 'issuer', {
          departmentIds: [department.id],
        });
        const list = await app.inject({ url, headers: issuer.headers });
        assert.deepEqual(
          list.json<{ departments: Department[] }>().departments.map((d) => d.name),
          ['工学部', '理学部'],
        );
        const deleted = await app.inject({
          method: 'DELETE',
          url: `${url}/${department.id}`,
          headers,
        });
        assert.equal(deleted.statusCode, 204);
        const left = await db.kysely
          .selectFrom('membership_departments')
          .selectAll()
          .where('membership_id', '=', issuer.membershipId)
          .execute();
        assert.deepEqual(left, []);
        const again = await app.inject({
          method: 'DELETE',
          url: `${url}/${department.id}`,
          headers,
        });
        assert.equal(again.statusCode, 404);
        assert.equal(again.json<ErrorEnvelope>().error.code, 'ERR_ORG_DEPARTMENT_NOT_FOUND');

        const events = await db.kysely
          .selectFrom('audit_events')
          .select(['action', 'details', 'actor_user_id'])
          .where('organisation_id', '=', org)
          .orderBy('occurred_at')
          .orderBy('id')
          .execute();
        assert.deepEqual(
          events.map((e) => [e.action, JSON.parse(e.details) as unknown, e.actor_user_id]),
          [
            ['department.create', { name: NAME }, admin.userId],
            ['department.rename', { from: NAME, to: '理学部' }, admin.userId],
            ['department.delete', { name: '理学部' }, admin.userId],
          ],
        );

        const missingOrg = await app.inject({
          url: '/api/v1/organisations/00000000-0000-4000-8000-000000000000/departments',
          headers,
        });
        assert.equal(missingOrg.statusCode, 403);
      } finally {
        await close();
      }
    },
  );
});
