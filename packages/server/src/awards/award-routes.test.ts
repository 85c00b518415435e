import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { extractBaked } from '@akashi/core';
import { insertTestApiKey } from '../auth/test-factories.js';
import { forEachDatabase } from '../db/for-each-database.js';
import type { ErrorEnvelope } from '../http/error-envelope.js';
import { insertTestDepartment, insertTestMember } from '../policy/policy-test-world.js';
import type { AwardView } from './award-schemas.js';
import { buildAwardTestWorld } from './award-test-world.js';

interface Issued {
  award: AwardView;
  created: boolean;
  credential: Record<string, unknown>;
}

describe('award routes', () => {
  forEachDatabase(
    'issue only where the policy allows: department, role, scope, organisation',
    async (db) => {
      const world = await buildAwardTestWorld(db);
      try {
        const { app } = world.test;
        const org = world.organisationId;
        const engineering = await insertTestDepartment(db, org, '工学部');
        const letters = await insertTestDepartment(db, org, '文学部');
        const departmental = await world.createAchievement({ departmentId: engineering });
        const issuerHere = await insertTestMember(db, org, 'issuer', {
          departmentIds: [engineering],
        });
        const issuerThere = await insertTestMember(db, org, 'issuer', { departmentIds: [letters] });
        const viewer = await insertTestMember(db, org, 'viewer');
        const admin = await insertTestMember(db, org, 'org_admin');
        const otherOrg = await buildAwardTestWorld(db);
        const outsider = await insertTestApiKey(db, otherOrg.organisationId, ['badges:issue']);
        const readOnly = await insertTestApiKey(db, org, ['badges:read']);
        const issuing = await insertTestApiKey(db, org, ['badges:issue']);
        const post = (
          achievementId: string,
          headers: Record<string, string>,
          email = 'x@example.ac.jp',
        ) =>
          app.inject({
            method: 'POST',
            url: `/api/v1/organisations/${org}/achievements/${achievementId}/awards`,
            headers,
            payload: { recipient: { email }, notify: false },
          });

        assert.equal(
          (await post(departmental.id, issuerHere.headers, 'a@example.ac.jp')).statusCode,
          201,
        );
        assert.equal((await post(departmental.id, issuerThere.headers)).statusCode, 403);
        assert.equal((await post(departmental.id, viewer.headers)).statusCode, 403);
        assert.equal((await post(departmental.id, {})).statusCode, 401);
        // Organisation-wide achievements: org admins and API keys, not department issuers.
        assert.equal(
          (await post(world.achievement.id, admin.headers, 'b@example.ac.jp')).statusCode,
          201,
        );
        assert.equal((await post(world.achievement.id, issuerHere.headers)).statusCode, 403);
        assert.equal(
          (await post(world.achievement.id, issuing.headers, 'c@example.ac.jp')).statusCode,
          201,
        );
        const noScope = await post(world.achievement.id, readOnly.headers);
        assert.equal(noScope.statusCode, 403);
        assert.equal(noScope.json<ErrorEnvelope>().error.code, 'ERR_POLICY_SCOPE_MISSING');
        assert.equal((await post(world.achievement.id, outsider.headers)).statusCode, 403);
        // Another organisation's achievement is not found under this organisation.
        assert.equal((await post(otherOrg.achievement.id, admin.headers)).statusCode, 404);
        await otherOrg.test.close();
      } finally {
        await world.test.close();
      }
    },
  );

  forEachDatabase(
    'issue is idempotent over HTTP; list pages and filters; revoke needs a reason',
    async (db) => {
      const world = await buildAwardTestWorld(db);
      try {
        const { app } = world.test;
        const org = world.organisationId;
        const headers = await world.apiKey(['badges:issue', 'badges:read', 'badges:revoke']);
        const url = `/api/v1/organisations/${org}/achievements/${world.achievement.id}/awards`;
        const payload = {
          recipient: {
            email: 'hanako@example.ac.jp',
            name: '山田 花子',
            nameKana: 'ヤマダ ハナコ',
          },
          externalId: '0012345',
          notify: false,
        };
        const first = await app.inject({ method: 'POST', url, headers, payload });
        assert.equal(first.statusCode, 201, first.body);
        const again = await app.inject({ method: 'POST', url, headers, payload });
        assert.equal(again.statusCode, 200);
        assert.equal(again.json<Issued>().created, false);
        assert.equal(again.json<Issued>().award.id, first.json<Issued>().award.id);
        assert.equal(first.json<Issued>().award.recipient.nameKana, 'ヤマダ ハナコ');

        for (let i = 0; i < 4; i += 1) {
          const response = await app.inject({
            method: 'POST',
            url,
            headers,
            payload: { recipient: { email: `s${i}@example.ac.jp` }, notify: false },
          });
          assert.equal(response.statusCode, 201);
        }
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page: Awaited<ReturnType<typeof app.inject>> = await app.inject({
            method: 'GET',
            url: `/api/v1/organisations/${org}/awards?limit=2${cursor === null ? '' : `&cursor=${cursor}`}`,
            headers,
          });
          assert.equal(page.statusCode, 200, page.body);
          const body = page.json<{ awards: AwardView[]; nextCursor: string | null }>();
          seen.push(...body.awards.map((award) => award.id));
          cursor = body.nextCursor;
        } while (cursor !== null);
        assert.equal(seen.length, 5);
        assert.equal(new Set(seen).size, 5);
        const filtered = await app.inject({
          method: 'GET',
          url: `/api/v1/organisations/${org}/awards?externalId=0012345`,
          headers,
        });
        assert.equal(filtered.json<{ awards: AwardView[] }>().awards.length, 1);
        const badCursor = await app.inject({
          method: 'GET',
          url: `/api/v1/organisations/${org}/awards?cursor=nonsense`,
          headers,
        });
        assert.equal(badCursor.statusCode, 400);

        const id = first.json<Issued>().award.id;
        const noReason = await app.inject({
          method: 'POST',
          url: `/api/v1/organisations/${org}/awards/${id}/revoke`,
          headers,
          payload: {},
        });
        assert.equal(noReason.statusCode, 400);
        const revoked = await app.inject({
          method: 'POST',
          url: `/api/v1/organisations/${org}/awards/${id}/revoke`,
          headers,
          payload: { reason: '誤発行' },
        });
        assert.equal(revoked.statusCode, 200);
        assert.equal(revoked.json<AwardView>().state, 'revoked');
        const audit = await db.kysely
          .selectFrom('audit_events')
          .select('action')
          .where('target_id', '=', id)
          .execute();
        assert.deepEqual(audit.map((row) => row.action).sort(), ['award.issue', 'award.revoke']);
      } finally {
        await world.test.close();
      }
    },
  );

  forEachDatabase(
    'public documents: credential, baked images, OB 2.0 assertion and 410 Gone',
    async (db) => {
      const world = await buildAwardTestWorld(db);
      try {
        const { app } = world.test;
        const headers = await world.apiKey(['badges:issue', 'badges:revoke']);
        const issued = await app.inject({
          method: 'POST',
          url: `/api/v1/organisations/${world.organisationId}/achievements/${world.achievement.id}/awards`,
          headers,
          payload: {
            recipient: { email: 'ken@example.ac.jp', did: 'did:example:ken' },
            notify: false,
          },
        });
        assert.equal(issued.statusCode, 201, issued.body);
        const { award, credential } = issued.json<Issued>();
        const path = (url: string) => url.slice(world.context.config.publicUrl.length);

        const json = await app.inject({ method: 'GET', url: path(award.links.credential) });
        assert.equal(json.statusCode, 200);
        assert.match(String(json.headers['content-type']), /^application\/ld\+json/);
        assert.equal(json.headers['access-control-allow-origin'], '*');
        assert.deepEqual(json.json(), credential);

        assert.ok(award.links.credentialJwt !== null);
        const jwt = await app.inject({ method: 'GET', url: path(award.links.credentialJwt) });
        assert.equal(jwt.statusCode, 200);
        assert.equal((await world.verifier.verify(jwt.body)).status, 'valid');

        const image = await app.inject({ method: 'GET', url: path(award.links.bakedImage) });
        assert.equal(image.statusCode, 200);
        const baked = extractBaked(new Uint8Array(image.rawPayload));
        assert.equal(baked.generation, 'ob3');
        assert.deepEqual(JSON.parse(baked.payload), credential);
        const ob2Image = await app.inject({ method: 'GET', url: path(award.links.ob2BakedImage) });
        assert.equal(ob2Image.statusCode, 200);
        assert.equal(extractBaked(new Uint8Array(ob2Image.rawPayload)).generation, 'ob2');

        const assertion = await app.inject({ method: 'GET', url: path(award.links.ob2Assertion) });
        assert.equal(assertion.statusCode, 200);
        assert.equal(
          assertion.json<{ verification: { type: string } }>().verification.type,
          'HostedBadge',
        );
        await app.inject({
          method: 'POST',
          url: `/api/v1/organisations/${world.organisationId}/awards/${award.id}/revoke`,
          headers,
          payload: { reason: 'withdrawn' },
        });
        const gone = await app.inject({ method: 'GET', url: path(award.links.ob2Assertion) });
        assert.equal(gone.statusCode, 410);
        assert.deepEqual(
          [
            gone.json<{ revoked: boolean }>().revoked,
            gone.json<{ revocationReason: string }>().revocationReason,
          ],
          [true, 'withdrawn'],
        );
        assert.equal(
          (await app.inject({ method: 'GET', url: '/badges/not-an-id/credential.json' }))
            .statusCode,
          404,
        );
      } finally {
        await world.test.close();
      }
    },
  );
});
