import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { insertTestOrganisation } from '../auth/test-factories.js';
import { forEachDatabase } from '../db/for-each-database.js';
import type { RouteModule } from '../http/app-context.js';
import { buildTestApp } from '../http/build-test-app.js';
import type { ErrorEnvelope } from '../http/error-envelope.js';
import { buildPolicyTestWorld, insertTestMember } from '../policy/policy-test-world.js';
import { registerIssuerRoutes } from './issuer-routes.js';
import { registerPublicIssuerRoutes } from './public-issuer-routes.js';

const ROUTES: readonly RouteModule[] = [
  { prefix: '/api/v1', routes: registerIssuerRoutes },
  { prefix: '', routes: registerPublicIssuerRoutes },
];

interface WireProfile {
  id: string;
  departmentId: string | null;
  isDefault: boolean;
  name: { ja: string; en: string };
  url: string;
  identifierMethod: string;
  identifier: string;
  profileUrl: string;
  archivedAt: string | null;
}
interface WireKey {
  kid: string;
  algorithm: string;
  status: string;
  version: number;
  documentUrl: string;
}

const BODY = {
  name: { ja: '国立証大学 髙\uFA10記念センター', en: 'Akashi National University' },
  url: 'https://www.example.ac.jp',
  email: 'badges@example.ac.jp',
  description: { ja: '証大学のバッジ発行者です。' },
};

const codeOf = (body: string): string => (JSON.parse(body) as ErrorEnvelope).error.code;

describe('issuer profile routes', () => {
  forEachDatabase(
    'org admins create, change, archive and rotate; members and org:read keys read; other orgs are refused; audited',
    async (db) => {
      const { app, close } = buildTestApp({ db, routes: ROUTES });
      try {
        const world = await buildPolicyTestWorld(db);
        const { headers } = world;
        const url = `/api/v1/organisations/${world.orgA}/issuers`;
        const post = (payload: unknown, as = headers['org-admin']) =>
          app.inject({ method: 'POST', url, headers: as, payload: payload as object });

        // Only org admins create.
        for (const role of ['viewer', 'issuer-in-department', 'api-key-with-scope'] as const) {
          assert.equal((await post(BODY, headers[role])).statusCode, 403, role);
        }
        assert.equal((await post(BODY, headers['other-org-admin'])).statusCode, 403);
        assert.equal((await post(BODY, headers.anonymous)).statusCode, 401);

        const created = await post(BODY);
        assert.equal(created.statusCode, 201, created.body);
        const profile = created.json<WireProfile>();
        assert.equal(profile.isDefault, true);
        assert.equal(profile.departmentId, null);
        assert.equal(profile.name.ja, BODY.name.ja, 'kept exactly as typed');
        assert.equal(profile.identifierMethod, 'did:web');
        assert.equal(profile.identifier, `did:web:badges.example.ac.jp:issuers:${profile.id}`);
        assert.equal(profile.profileUrl, `https://badges.example.ac.jp/issuers/${profile.id}`);

        // One default per organisation.
        const again = await post(BODY);
        assert.equal(again.statusCode, 409);
        assert.equal(codeOf(again.body), 'ERR_ISSUER_DEFAULT_EXISTS');

        // A department's profile; the department must be the organisation's.
        const foreign = await post({ ...BODY, departmentId: world.deptB1 });
        assert.equal(codeOf(foreign.body), 'ERR_ORG_DEPARTMENT_NOT_FOUND');
        const dept = await post({ ...BODY, departmentId: world.deptA1, identifierMethod: 'https' });
        assert.equal(dept.statusCode, 201, dept.body);
        const deptProfile = dept.json<WireProfile>();
        assert.equal(deptProfile.isDefault, false);
        assert.equal(deptProfile.identifier, deptProfile.profileUrl);
        const deptAgain = await post({ ...BODY, departmentId: world.deptA1 });
        assert.equal(codeOf(deptAgain.body), 'ERR_ISSUER_DEPARTMENT_PROFILE_EXISTS');

        // Validation: both names, an https web site, an e-mail address.
        const noEnglish = await post({ ...BODY, name: { ja: '証大学' } });
        assert.equal(codeOf(noEnglish.body), 'ERR_HTTP_VALIDATION');
        const http = await post({
          ...BODY,
          departmentId: world.deptA2,
          url: 'http://x.example.jp',
        });
        assert.equal(codeOf(http.body), 'ERR_ISSUER_URL_NOT_HTTPS');
        const badEmail = await post({ ...BODY, departmentId: world.deptA2, email: 'nobody' });
        assert.equal(codeOf(badEmail.body), 'ERR_HTTP_VALIDATION');
        const keysBefore = await db.kysely.selectFrom('issuer_keys').select('id').execute();
        assert.equal(keysBefore.length, 4, 'failed requests made no keys');

        // Reading: members, operators and keys with org:read; not other organisations.
        for (const role of [
          'viewer',
          'issuer-in-department',
          'operator',
          'api-key-with-scope',
        ] as const) {
          const list = await app.inject({ url, headers: headers[role] });
          assert.equal(list.statusCode, 200, `${role}: ${list.body}`);
          assert.equal(list.json<{ issuers: WireProfile[] }>().issuers.length, 2);
        }
        for (const role of [
          'other-org-admin',
          'other-org-api-key',
          'api-key-without-scope',
          'learner',
        ] as const) {
          assert.equal((await app.inject({ url, headers: headers[role] })).statusCode, 403, role);
        }
        const one = await app.inject({ url: `${url}/${profile.id}`, headers: headers.viewer });
        assert.equal(one.json<WireProfile>().id, profile.id);
        const otherOrgsProfile = await app.inject({
          url: `/api/v1/organisations/${world.orgB}/issuers/${profile.id}`,
          headers: headers['other-org-admin'],
        });
        assert.equal(codeOf(otherOrgsProfile.body), 'ERR_ISSUER_NOT_FOUND');

        // Changing.
        const patched = await app.inject({
          method: 'PATCH',
          url: `${url}/${profile.id}`,
          headers: headers['org-admin'],
          payload: { name: { ja: '証大学', en: 'Akashi University' }, imageId: null },
        });
        assert.equal(patched.statusCode, 200, patched.body);
        assert.equal(patched.json<WireProfile>().name.en, 'Akashi University');
        const viewerPatch = await app.inject({
          method: 'PATCH',
          url: `${url}/${profile.id}`,
          headers: headers.viewer,
          payload: { email: 'x@example.jp' },
        });
        assert.equal(viewerPatch.statusCode, 403);

        // Keys and rotation.
        const keysUrl = `${url}/${profile.id}/keys`;
        const keys = (
          await app.inject({ url: keysUrl, headers: headers['api-key-with-scope'] })
        ).json<{
          keys: WireKey[];
        }>().keys;
        assert.deepEqual(
          keys.map((k) => [k.algorithm, k.status, k.version]),
          [
            ['ed25519', 'current', 1],
            ['rsa', 'current', 1],
          ],
        );
        const rotated = await app.inject({
          method: 'POST',
          url: `${url}/${profile.id}/rotate-keys`,
          headers: headers['org-admin'],
          payload: { algorithms: ['ed25519'] },
        });
        assert.equal(rotated.statusCode, 200, rotated.body);
        const after = (await app.inject({ url: keysUrl, headers: headers.viewer })).json<{
          keys: WireKey[];
        }>().keys;
        assert.deepEqual(
          after.map((k) => [k.algorithm, k.status, k.version]),
          [
            ['ed25519', 'retired', 1],
            ['ed25519', 'current', 2],
            ['rsa', 'current', 1],
          ],
        );
        const viewerRotate = await app.inject({
          method: 'POST',
          url: `${url}/${profile.id}/rotate-keys`,
          headers: headers.viewer,
          payload: {},
        });
        assert.equal(viewerRotate.statusCode, 403);

        // Archiving: departments' profiles only; archived ones are not changed any more.
        const archiveDefault = await app.inject({
          method: 'POST',
          url: `${url}/${profile.id}/archive`,
          headers: headers['org-admin'],
        });
        assert.equal(codeOf(archiveDefault.body), 'ERR_ISSUER_DEFAULT_NOT_ARCHIVABLE');
        const archived = await app.inject({
          method: 'POST',
          url: `${url}/${deptProfile.id}/archive`,
          headers: headers['org-admin'],
        });
        assert.equal(archived.statusCode, 200, archived.body);
        assert.notEqual(archived.json<WireProfile>().archivedAt, null);
        const rotateArchived = await app.inject({
          method: 'POST',
          url: `${url}/${deptProfile.id}/rotate-keys`,
          headers: headers['org-admin'],
          payload: {},
        });
        assert.equal(codeOf(rotateArchived.body), 'ERR_ISSUER_ARCHIVED');
        const live = await app.inject({ url, headers: headers.viewer });
        assert.equal(live.json<{ issuers: WireProfile[] }>().issuers.length, 1);
        const all = await app.inject({
          url: `${url}?includeArchived=true`,
          headers: headers.viewer,
        });
        assert.equal(all.json<{ issuers: WireProfile[] }>().issuers.length, 2);
        // The department may have a new profile once the old one is archived.
        const replacement = await post({ ...BODY, departmentId: world.deptA1 });
        assert.equal(replacement.statusCode, 201, replacement.body);
        // An archived profile's documents stay published.
        const served = await app.inject({ url: `/issuers/${deptProfile.id}` });
        assert.equal(served.statusCode, 200);

        const events = await db.kysely
          .selectFrom('audit_events')
          .select(['action', 'target_id'])
          .where('organisation_id', '=', world.orgA)
          .where('action', 'like', 'issuer.%')
          .orderBy('occurred_at')
          .orderBy('action')
          .execute();
        assert.deepEqual(events.map((e) => e.action).sort(), [
          'issuer.archive',
          'issuer.create',
          'issuer.create',
          'issuer.create',
          'issuer.rotate-keys',
          'issuer.update',
        ]);
        const keyEvents = await db.kysely
          .selectFrom('audit_events')
          .select('action')
          .where('organisation_id', '=', world.orgA)
          .where('action', 'like', 'key.%')
          .execute();
        assert.equal(keyEvents.filter((e) => e.action === 'key.create').length, 6);
        assert.equal(keyEvents.filter((e) => e.action === 'key.rotate').length, 1);
      } finally {
        await close();
      }
    },
  );

  forEachDatabase('only approved organisations get issuer profiles', async (db) => {
    const { app, close } = buildTestApp({ db, routes: ROUTES });
    try {
      const pending = await insertTestOrganisation(db, { status: 'pending' });
      const admin = await insertTestMember(db, pending, 'org_admin');
      const response = await app.inject({
        method: 'POST',
        url: `/api/v1/organisations/${pending}/issuers`,
        headers: admin.headers,
        payload: BODY,
      });
      assert.equal(response.statusCode, 403);
      assert.equal(codeOf(response.body), 'ERR_ORG_NOT_APPROVED');
      assert.deepEqual(await db.kysely.selectFrom('issuer_keys').select('id').execute(), []);
    } finally {
      await close();
    }
  });

  forEachDatabase(
    'did:web needs an https PUBLIC_URL; did:key is the default on http',
    async (db) => {
      const { app, close } = buildTestApp({
        db,
        routes: ROUTES,
        config: { publicUrl: 'http://localhost:3000' },
      });
      try {
        const org = await insertTestOrganisation(db);
        const admin = await insertTestMember(db, org, 'org_admin');
        const url = `/api/v1/organisations/${org}/issuers`;
        const didWeb = await app.inject({
          method: 'POST',
          url,
          headers: admin.headers,
          payload: { ...BODY, identifierMethod: 'did:web' },
        });
        assert.equal(codeOf(didWeb.body), 'ERR_ISSUER_DID_WEB_NEEDS_HTTPS');
        const created = await app.inject({
          method: 'POST',
          url,
          headers: admin.headers,
          payload: BODY,
        });
        assert.equal(created.statusCode, 201, created.body);
        const profile = created.json<WireProfile>();
        assert.equal(profile.identifierMethod, 'did:key');
        assert.match(profile.identifier, /^did:key:z6Mk/);
        // A did:key profile's Ed25519 key is its identity: not rotated; its RSA key is.
        const refused = await app.inject({
          method: 'POST',
          url: `${url}/${profile.id}/rotate-keys`,
          headers: admin.headers,
          payload: {},
        });
        assert.equal(refused.statusCode, 409);
        assert.equal(refused.json<ErrorEnvelope>().error.code, 'ERR_ISSUER_DID_KEY_NOT_ROTATABLE');
        const rsaOnly = await app.inject({
          method: 'POST',
          url: `${url}/${profile.id}/rotate-keys`,
          headers: admin.headers,
          payload: { algorithms: ['rsa'] },
        });
        assert.equal(rsaOnly.statusCode, 200, rsaOnly.body);
        const next = rsaOnly.json<{ issuer: WireProfile; rotated: WireKey[] }>();
        assert.deepEqual(
          next.rotated.map((k) => k.algorithm),
          ['rsa'],
        );
        assert.equal(next.issuer.identifier, profile.identifier);
      } finally {
        await close();
      }
    },
  );
});
