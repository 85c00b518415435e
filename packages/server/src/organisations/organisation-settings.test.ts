/**
 * Organisation settings and `require_2fa`: an org admin turns it on (audited); from then on every
 * staff action on the organisation needs a session that passed a second factor, with a code that
 * tells the user to set up two-factor authentication.
 */
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import {
  insertTestApiKey,
  insertTestMembership,
  insertTestOrganisation,
  insertTestUser,
  signInForTest,
} from '../auth/test-factories.js';
import { forEachDatabase } from '../db/for-each-database.js';
import { buildTestApp } from '../http/build-test-app.js';
import type { ErrorEnvelope } from '../http/error-envelope.js';
import {
  insertTestDepartment,
  insertTestMember,
  ORGANISATION_ROUTE_MODULES,
} from '../policy/policy-test-world.js';
import type { Organisation } from './organisation-schemas.js';

describe('organisation settings', () => {
  forEachDatabase(
    'an org admin reads and changes the settings; the change is audited',
    async (db) => {
      const { app, close } = buildTestApp({ db, routes: ORGANISATION_ROUTE_MODULES });
      try {
        const org = await insertTestOrganisation(db);
        const other = await insertTestOrganisation(db);
        const admin = await insertTestMember(db, org, 'org_admin', { secondFactor: true });
        const url = `/api/v1/organisations/${org}`;

        const read = await app.inject({ url, headers: admin.headers });
        assert.equal(read.statusCode, 200);
        assert.equal(read.json<Organisation>().require2fa, false);
        assert.equal(read.json<Organisation>().status, 'approved');

        const patched = await app.inject({
          method: 'PATCH',
          url,
          headers: admin.headers,
          payload: { require2fa: true, contactEmail: 'kyomu@example.ac.jp' },
        });
        assert.equal(patched.statusCode, 200, patched.body);
        assert.equal(patched.json<Organisation>().require2fa, true);
        assert.equal(patched.json<Organisation>().contactEmail, 'kyomu@example.ac.jp');
        const event = await db.kysely
          .selectFrom('audit_events')
          .selectAll()
          .where('action', '=', 'org.update')
          .executeTakeFirstOrThrow();
        assert.equal(event.actor_user_id, admin.userId);
        assert.deepEqual(JSON.parse(event.details), {
          changes: {
            require2fa: { from: false, to: true },
            contactEmail: { from: 'office@example.ac.jp', to: 'kyomu@example.ac.jp' },
          },
        });

        // Nothing to change, or a field that cannot change here: refused or not recorded.
        const empty = await app.inject({
          method: 'PATCH',
          url,
          headers: admin.headers,
          payload: {},
        });
        assert.equal(empty.json<ErrorEnvelope>().error.code, 'ERR_HTTP_VALIDATION');
        const renamed = await app.inject({
          method: 'PATCH',
          url,
          headers: admin.headers,
          payload: { legalName: '別名' },
        });
        assert.equal(renamed.json<ErrorEnvelope>().error.code, 'ERR_HTTP_VALIDATION');

        // The list of one's own organisations says which require 2FA.
        await insertTestMembership(db, other, admin.userId, 'viewer');
        const mine = (
          await app.inject({ url: '/api/v1/organisations', headers: admin.headers })
        ).json<{
          memberships: { organisation: Organisation; role: string; departmentIds: string[] }[];
        }>();
        assert.deepEqual(
          mine.memberships
            .map((m) => [m.organisation.id, m.role, m.organisation.require2fa])
            .sort(),
          [
            [org, 'org_admin', true],
            [other, 'viewer', false],
          ].sort(),
        );
      } finally {
        await close();
      }
    },
  );

  forEachDatabase(
    'require_2fa: staff without a second factor get ERR_POLICY_SECOND_FACTOR_REQUIRED',
    async (db) => {
      const { app, close } = buildTestApp({ db, routes: ORGANISATION_ROUTE_MODULES });
      try {
        const org = await insertTestOrganisation(db);
        const dept = await insertTestDepartment(db, org, '工学部');
        await db.kysely
          .updateTable('organisations')
          .set({ require_2fa: 1 })
          .where('id', '=', org)
          .execute();
        const admin = await insertTestMember(db, org, 'org_admin');
        const admin2fa = await insertTestMember(db, org, 'org_admin', { secondFactor: true });
        const viewer = await insertTestMember(db, org, 'viewer');
        const issuer = await insertTestMember(db, org, 'issuer', { departmentIds: [dept] });
        const key = await insertTestApiKey(db, org, ['org:read']);
        const operator = await insertTestUser(db, { isOperator: true });
        const asOperator = await signInForTest(db, operator.id);
        const outsider = await signInForTest(db, (await insertTestUser(db)).id);
        const base = `/api/v1/organisations/${org}`;
        const staffRequests = [
          { method: 'GET', url: base },
          { method: 'PATCH', url: base, payload: { require2fa: false } },
          { method: 'GET', url: `${base}/departments` },
          { method: 'POST', url: `${base}/departments`, payload: { name: '理学部' } },
          { method: 'GET', url: `${base}/members` },
          { method: 'GET', url: `${base}/api-keys` },
          { method: 'POST', url: `${base}/api-keys`, payload: { name: 'k', scopes: ['org:read'] } },
        ] as const;
        for (const request of staffRequests) {
          const response = await app.inject({ ...request, headers: admin.headers });
          assert.equal(response.statusCode, 403, `${request.method} ${request.url}`);
          const { error } = response.json<ErrorEnvelope>();
          assert.equal(error.code, 'ERR_POLICY_SECOND_FACTOR_REQUIRED');
          assert.match(error.message, /two-factor authentication/);
        }
        const inJapanese = await app.inject({
          url: base,
          headers: { ...viewer.headers, 'accept-language': 'ja' },
        });
        assert.equal(
          inJapanese.json<ErrorEnvelope>().error.code,
          'ERR_POLICY_SECOND_FACTOR_REQUIRED',
        );
        assert.match(inJapanese.json<ErrorEnvelope>().error.message, /二要素認証/);
        assert.equal(
          (
            await app.inject({ url: `${base}/departments`, headers: issuer.headers })
          ).json<ErrorEnvelope>().error.code,
          'ERR_POLICY_SECOND_FACTOR_REQUIRED',
        );
        // With a second factor, staff work as usual.
        assert.equal(
          (await app.inject({ url: `${base}/members`, headers: admin2fa.headers })).statusCode,
          200,
        );
        // An outsider learns nothing of the setting; keys and operators are not staff sessions.
        assert.equal(
          (await app.inject({ url: base, headers: outsider })).json<ErrorEnvelope>().error.code,
          'ERR_HTTP_FORBIDDEN',
        );
        assert.equal((await app.inject({ url: base, headers: key.headers })).statusCode, 200);
        assert.equal((await app.inject({ url: base, headers: asOperator })).statusCode, 200);
        // Turning it off again needs the second factor too.
        const off = await app.inject({
          method: 'PATCH',
          url: base,
          headers: admin2fa.headers,
          payload: { require2fa: false },
        });
        assert.equal(off.statusCode, 200);
        assert.equal((await app.inject({ url: base, headers: admin.headers })).statusCode, 200);
      } finally {
        await close();
      }
    },
  );
});
