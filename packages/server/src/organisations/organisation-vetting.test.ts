/**
 * Member vetting end to end: apply → pending (not public) → approve (the applicant becomes
 * org admin; the public JSON and HTML list the organisation with its approval date) or reject
 * with a reason; only approved organisations can issue.
 */
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { insertTestUser, signInForTest } from '../auth/test-factories.js';
import { forEachDatabase } from '../db/for-each-database.js';
import { buildTestApp } from '../http/build-test-app.js';
import type { ErrorEnvelope } from '../http/error-envelope.js';
import { ORGANISATION_ROUTE_MODULES, sampleApplication } from '../policy/policy-test-world.js';
import { assertOrganisationCanIssue } from './assert-organisation-can-issue.js';
import type { OrganisationApplication, PublicOrganisation } from './organisation-schemas.js';

/** 2025-04-01 01:30 in Japan. */
const NOW = new Date('2025-03-31T16:30:00.000Z');

/** Compatibility ideograph 塚 (U+FA10) and 葛 with a variation selector: NFC would change both. */
const LEGAL_NAME = '学校法人 \uFA10本\u845B\u{E0100}学園';

const codeOf = (body: string): string => (JSON.parse(body) as ErrorEnvelope).error.code;

const rejectsCode = async (promise: Promise<unknown>, code: string) =>
  assert.rejects(promise, (error: { code?: string }) => error.code === code);

describe('member vetting', () => {
  forEachDatabase('apply, approve, list publicly; reject with a reason', async (db) => {
    const { app, close } = buildTestApp({
      db,
      routes: ORGANISATION_ROUTE_MODULES,
      clock: () => NOW,
    });
    try {
      const applicant = await insertTestUser(db, { email: 'kyomu@tsuka.example.ac.jp' });
      const asApplicant = await signInForTest(db, applicant.id);
      const operator = await insertTestUser(db, { isOperator: true });
      const asOperator = await signInForTest(db, operator.id);

      // Apply: pending, the legal name kept exactly, the domain lower-cased.
      const applied = await app.inject({
        method: 'POST',
        url: '/api/v1/organisation-applications',
        headers: asApplicant,
        payload: sampleApplication({ legalName: LEGAL_NAME, domain: 'Tsuka.Example.AC.JP' }),
      });
      assert.equal(applied.statusCode, 201, applied.body);
      const application = applied.json<OrganisationApplication>();
      assert.equal(application.status, 'pending');
      assert.equal(application.legalName, LEGAL_NAME);
      assert.notEqual(application.legalName, LEGAL_NAME.normalize('NFC'));
      assert.equal(application.domain, 'tsuka.example.ac.jp');
      assert.equal(application.applicant?.email, 'kyomu@tsuka.example.ac.jp');
      const stored = await db.kysely
        .selectFrom('organisations')
        .select('legal_name')
        .where('id', '=', application.id)
        .executeTakeFirstOrThrow();
      assert.equal(stored.legal_name, LEGAL_NAME);

      // The domain is taken while the application is pending, whatever its case.
      const again = await app.inject({
        method: 'POST',
        url: '/api/v1/organisation-applications',
        headers: asApplicant,
        payload: sampleApplication({ domain: 'TSUKA.example.ac.jp' }),
      });
      assert.equal(again.statusCode, 409);
      assert.equal(codeOf(again.body), 'ERR_ORG_DOMAIN_TAKEN');

      // Pending: not public, cannot issue, nobody is a member yet.
      const publicBefore = await app.inject('/api/v1/public/organisations');
      assert.deepEqual(publicBefore.json(), { organisations: [] });
      await rejectsCode(assertOrganisationCanIssue(db, application.id), 'ERR_ORG_NOT_APPROVED');
      const mine = await app.inject({ url: '/api/v1/organisations', headers: asApplicant });
      assert.deepEqual(mine.json(), { memberships: [] });

      // The operator's queue lists it, with who applied.
      const queue = await app.inject({
        url: '/api/v1/organisation-applications',
        headers: asOperator,
      });
      const queued = queue.json<{ applications: OrganisationApplication[] }>().applications;
      assert.deepEqual(
        queued.map((a) => [a.id, a.applicant?.userId]),
        [[application.id, applicant.id]],
      );

      // Approve: the applicant becomes org admin; the decision is audited.
      const approved = await app.inject({
        method: 'POST',
        url: `/api/v1/organisation-applications/${application.id}/approve`,
        headers: asOperator,
        payload: { note: '文部科学省の大学一覧で確認' },
      });
      assert.equal(approved.statusCode, 200, approved.body);
      assert.equal(approved.json<OrganisationApplication>().status, 'approved');
      assert.equal(approved.json<OrganisationApplication>().decidedAt, NOW.toISOString());
      // It can issue at once: its default issuer profile, with keys, exists.
      const profile = await db.kysely
        .selectFrom('issuer_profiles')
        .select(['id', 'is_default', 'name_ja'])
        .where('organisation_id', '=', application.id)
        .executeTakeFirst();
      assert.equal(profile?.is_default, 1);
      const keyCount = await db.kysely
        .selectFrom('issuer_keys')
        .select(db.kysely.fn.countAll<number | string>().as('n'))
        .where('owner_id', '=', profile.id)
        .executeTakeFirstOrThrow();
      assert.equal(Number(keyCount.n), 2);
      const memberships = (
        await app.inject({ url: '/api/v1/organisations', headers: asApplicant })
      ).json<{
        memberships: { role: string; organisation: { id: string; approvedAt: string } }[];
      }>().memberships;
      assert.deepEqual(
        memberships.map((m) => [m.organisation.id, m.role, m.organisation.approvedAt]),
        [[application.id, 'org_admin', NOW.toISOString()]],
      );
      const audit = await db.kysely
        .selectFrom('audit_events')
        .selectAll()
        .where('action', '=', 'org.approve')
        .executeTakeFirstOrThrow();
      assert.equal(audit.actor_user_id, operator.id);
      assert.equal(audit.organisation_id, application.id);
      assert.equal(audit.occurred_at, NOW.toISOString());
      assert.deepEqual(JSON.parse(audit.details), {
        domain: 'tsuka.example.ac.jp',
        adminUserId: applicant.id,
        note: '文部科学省の大学一覧で確認',
      });
      await assertOrganisationCanIssue(db, application.id);

      // Public: the JSON and the HTML page list it, with the date it was approved.
      const listed = (await app.inject('/api/v1/public/organisations')).json<{
        organisations: PublicOrganisation[];
      }>();
      assert.deepEqual(listed.organisations, [
        {
          id: application.id,
          legalName: LEGAL_NAME,
          nameEn: 'Akashi University',
          domain: 'tsuka.example.ac.jp',
          type: 'university',
          approvedAt: NOW.toISOString(),
        },
      ]);

      // Decided once only.
      const twice = await app.inject({
        method: 'POST',
        url: `/api/v1/organisation-applications/${application.id}/reject`,
        headers: asOperator,
        payload: { reason: 'x' },
      });
      assert.equal(twice.statusCode, 409);
      assert.equal(codeOf(twice.body), 'ERR_ORG_NOT_PENDING');

      // Reject another application with a reason the applicant can read.
      const other = (
        await app.inject({
          method: 'POST',
          url: '/api/v1/organisation-applications',
          headers: asApplicant,
          payload: sampleApplication({ domain: 'squat.example.jp', type: 'company' }),
        })
      ).json<OrganisationApplication>();
      const rejected = await app.inject({
        method: 'POST',
        url: `/api/v1/organisation-applications/${other.id}/reject`,
        headers: asOperator,
        payload: { reason: 'ドメインの管理者であることを確認できませんでした。' },
      });
      assert.equal(rejected.statusCode, 200, rejected.body);
      const seen = (
        await app.inject({
          url: `/api/v1/organisation-applications/${other.id}`,
          headers: asApplicant,
        })
      ).json<OrganisationApplication>();
      assert.equal(seen.status, 'rejected');
      assert.equal(seen.decisionReason, 'ドメインの管理者であることを確認できませんでした。');
      const rejectEvent = await db.kysely
        .selectFrom('audit_events')
        .select(['details', 'actor_user_id'])
        .where('action', '=', 'org.reject')
        .executeTakeFirstOrThrow();
      assert.equal(rejectEvent.actor_user_id, operator.id);
      assert.equal(
        (JSON.parse(rejectEvent.details) as { reason: string }).reason,
        'ドメインの管理者であることを確認できませんでした。',
      );
      await rejectsCode(assertOrganisationCanIssue(db, other.id), 'ERR_ORG_NOT_APPROVED');
      await rejectsCode(
        assertOrganisationCanIssue(db, '00000000-0000-4000-8000-000000000000'),
        'ERR_ORG_NOT_FOUND',
      );
      assert.equal(
        (await app.inject('/api/v1/public/organisations')).json<{ organisations: unknown[] }>()
          .organisations.length,
        1,
      );

      // A rejected application does not keep the domain: the real organisation can apply.
      const reapplied = await app.inject({
        method: 'POST',
        url: '/api/v1/organisation-applications',
        headers: asApplicant,
        payload: sampleApplication({ domain: 'squat.example.jp' }),
      });
      assert.equal(reapplied.statusCode, 201, reapplied.body);
      const old = (
        await app.inject({
          url: `/api/v1/organisation-applications/${other.id}`,
          headers: asOperator,
        })
      ).json<OrganisationApplication>();
      assert.equal(old.domain, 'squat.example.jp');
      assert.equal(old.status, 'rejected');
      const rejectedQueue = (
        await app.inject({
          url: '/api/v1/organisation-applications?status=rejected',
          headers: asOperator,
        })
      ).json<{ applications: OrganisationApplication[] }>();
      assert.deepEqual(
        rejectedQueue.applications.map((a) => a.id),
        [other.id],
      );
    } finally {
      await close();
    }
  });

  forEachDatabase('refuses an application with bad fields, listing every one', async (db) => {
    const { app, close } = buildTestApp({ db, routes: ORGANISATION_ROUTE_MODULES });
    try {
      const user = await insertTestUser(db);
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/organisation-applications',
        headers: await signInForTest(db, user.id),
        payload: {
          legalName: '   ',
          nameEn: 'Akashi\nUniversity',
          domain: 'https://example.ac.jp/',
          contactEmail: 'not an address',
          type: 'temple',
        },
      });
      assert.equal(response.statusCode, 400);
      const { error } = response.json<ErrorEnvelope>();
      assert.equal(error.code, 'ERR_HTTP_VALIDATION');
      assert.deepEqual((error.fields ?? []).map((field) => field.path).sort(), [
        '/contactEmail',
        '/domain',
        '/justification',
        '/legalName',
        '/nameEn',
        '/type',
      ]);
      const count = await db.kysely
        .selectFrom('organisations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(count.n, 0);
    } finally {
      await close();
    }
  });
});
