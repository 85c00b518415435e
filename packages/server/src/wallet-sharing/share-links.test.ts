import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { forEachDatabase } from '../db/for-each-database.js';
import { MAX_ACTIVE_SHARE_LINKS } from './manage-share-links.js';
import { HIDDEN } from './present-shared-credential.js';
import { buildSharingTestWorld, PUBLIC_URL } from './wallet-sharing-test-world.js';

interface ShareLinkAnswer {
  readonly id: string;
  readonly credentialId: string;
  readonly url: string;
  readonly linkedinUrl: string;
  readonly createdAt: string;
}
interface PublicAnswer {
  readonly shareLink: { readonly id: string; readonly url: string };
  readonly owner: { readonly displayName: string | null; readonly profileUrl: string | null };
  readonly credential: {
    readonly id: string;
    readonly name: string | null;
    readonly status: string;
    readonly verdict: string | null;
    readonly credential: Record<string, unknown>;
  };
  readonly verification: {
    readonly verdict: string;
    readonly report: { readonly checks: readonly { name: string; outcome: string }[] };
  };
  readonly linkedin: {
    readonly url: string;
    readonly addToProfileUrl: string;
    readonly fields: Record<string, unknown>;
  };
}
interface ErrorAnswer {
  readonly error: { readonly code: string };
}

const shareLinksOf = (credentialId: string) =>
  `/api/v1/wallet/credentials/${credentialId}/share-links`;

describe('share links', () => {
  forEachDatabase(
    'shares an award with its live verification, counts views and LinkedIn clicks, and stops at once when revoked',
    async (db) => {
      const world = await buildSharingTestWorld(db);
      try {
        const me = world.headers.learner;
        const { awardId, row } = await world.insertAward(world.learnerUserId, {
          awardedDate: '2026-03-31T15:00:00.000Z',
          validUntil: '2030-06-30',
        });
        await db.kysely
          .updateTable('organisations')
          .set({ linkedin_organization_id: '9876543' })
          .where('id', '=', world.orgA)
          .execute();

        const credentialId = (JSON.parse(row.credential) as { id: string }).id;
        const created = await world.call('POST', shareLinksOf(row.id), me);
        assert.equal(created.statusCode, 201, created.body);
        const link = created.json<ShareLinkAnswer>();
        assert.match(link.id, /^[A-Za-z0-9_-]{22}$/, '128 random bits in base64url');
        assert.equal(link.url, `${PUBLIC_URL}/s/${link.id}`);
        assert.equal(link.linkedinUrl, `${PUBLIC_URL}/s/${link.id}/linkedin`);
        assert.equal(link.credentialId, row.id);

        // Anyone (no session) reads it, with the verification run now.
        const read = await world.call('GET', `/api/v1/public/share-links/${link.id}`);
        assert.equal(read.statusCode, 200, read.body);
        const shared = read.json<PublicAnswer>();
        assert.equal(shared.shareLink.url, link.url);
        assert.equal(shared.credential.id, row.id);
        assert.equal(shared.credential.name, '研究 & 開発 入門');
        assert.equal(shared.verification.verdict, 'valid');
        assert.equal(shared.credential.status, 'valid');
        assert.ok(shared.verification.report.checks.some((c) => c.name === 'proof'));
        assert.equal(shared.credential.credential.id, credentialId);
        assert.deepEqual(shared.owner, { displayName: null, profileUrl: null });
        assert.doesNotMatch(read.body, /hanako@example\.ac\.jp/);
        assert.deepEqual(world.remoteCalls, [], 'our own documents are read in process');

        // LinkedIn: the organisation's page id, Japan-time months, the share page as certUrl.
        assert.equal(shared.linkedin.url, link.linkedinUrl);
        const linkedin = new URL(shared.linkedin.addToProfileUrl);
        assert.equal(linkedin.searchParams.get('startTask'), 'CERTIFICATION_NAME');
        assert.equal(linkedin.searchParams.get('name'), '研究 & 開発 入門');
        assert.equal(linkedin.searchParams.get('organizationId'), '9876543');
        assert.equal(linkedin.searchParams.get('organizationName'), null);
        assert.equal(linkedin.searchParams.get('issueYear'), '2026');
        assert.equal(linkedin.searchParams.get('issueMonth'), '4');
        assert.equal(linkedin.searchParams.get('expirationYear'), '2030');
        assert.equal(linkedin.searchParams.get('expirationMonth'), '6');
        assert.equal(linkedin.searchParams.get('certUrl'), link.url);
        assert.equal(linkedin.searchParams.get('certId'), credentialId);

        const click = await world.call('POST', `/api/v1/public/share-links/${link.id}/linkedin`);
        assert.equal(click.statusCode, 200, click.body);
        assert.equal(click.json<{ url: string }>().url, shared.linkedin.addToProfileUrl);
        await world.call('GET', `/api/v1/public/share-links/${link.id}`);
        const counts = await db.kysely
          .selectFrom('wallet_share_links')
          .select(['views', 'linkedin_clicks'])
          .where('id', '=', link.id)
          .executeTakeFirstOrThrow();
        assert.deepEqual(counts, { views: 2, linkedin_clicks: 1 });

        // The issuer revokes the award: the page says so at once (no stale stored status).
        const revoked = await world.call(
          'POST',
          `/api/v1/organisations/${world.orgA}/awards/${awardId}/revoke`,
          world.headers['org-admin'],
          { reason: '誤って授与したため' },
        );
        assert.equal(revoked.statusCode, 200, revoked.body);
        const after = (
          await world.call('GET', `/api/v1/public/share-links/${link.id}`)
        ).json<PublicAnswer>();
        assert.equal(after.verification.verdict, 'revoked');
        assert.equal(after.credential.status, 'revoked');

        // The learner revokes the link: it stops working at once, for every route.
        const gone = await world.call('DELETE', `/api/v1/wallet/share-links/${link.id}`, me);
        assert.equal(gone.statusCode, 204);
        for (const [method, url] of [
          ['GET', `/api/v1/public/share-links/${link.id}`],
          ['POST', `/api/v1/public/share-links/${link.id}/linkedin`],
        ] as const) {
          const answer = await world.call(method, url);
          assert.equal(answer.statusCode, 404, url);
          assert.equal(answer.json<ErrorAnswer>().error.code, 'ERR_WALLET_SHARE_LINK_NOT_FOUND');
        }
        const twice = await world.call('DELETE', `/api/v1/wallet/share-links/${link.id}`, me);
        assert.equal(twice.statusCode, 204);
        const unknown = await world.call('GET', '/api/v1/public/share-links/not-a-link');
        assert.equal(unknown.statusCode, 404);
      } finally {
        await world.close();
      }
    },
  );

  forEachDatabase(
    'names the holder by the enabled profile only, and hides an e-mail address given in clear',
    async (db) => {
      const world = await buildSharingTestWorld(db);
      try {
        const me = world.headers.learner;
        const ob2 = await world.insertCredential(world.learnerUserId, {
          format: 'ob2-json',
          ob_version: 2,
          credential: JSON.stringify({
            '@context': 'https://w3id.org/openbadges/v2',
            type: 'Assertion',
            id: 'https://issuer.example.org/assertions/1',
            recipient: { type: 'email', hashed: false, identity: 'hanako@example.ac.jp' },
            badge: 'https://issuer.example.org/badges/1',
            issuedOn: '2024-05-01T00:00:00Z',
            verification: { type: 'hosted' },
          }),
        });
        const link = (await world.call('POST', shareLinksOf(ob2.id), me)).json<ShareLinkAnswer>();
        const read = await world.call('GET', `/api/v1/public/share-links/${link.id}`);
        assert.equal(read.statusCode, 200, read.body);
        assert.doesNotMatch(read.body, /hanako@example\.ac\.jp/);
        const answer = read.json<PublicAnswer>();
        assert.deepEqual(answer.credential.credential.recipient, {
          type: 'email',
          hashed: false,
          identity: HIDDEN,
        });
        // The issuer's hosted assertion is not there (404): the badge does not verify, and the
        // page says so rather than showing the stored "valid".
        assert.notEqual(answer.verification.verdict, 'valid');
        assert.equal(answer.credential.status, 'unverified');
        assert.ok(world.remoteCalls.includes('https://issuer.example.org/assertions/1'));
        const fields = answer.linkedin.fields;
        assert.equal(fields.organizationName, 'Example Issuer');
        assert.equal(fields.certId, 'https://issuer.example.org/assertions/1');

        await db.kysely
          .insertInto('wallet_profiles')
          .values({
            user_id: world.learnerUserId,
            slug: 'hanako',
            enabled: 0,
            display_name: '山田 花子',
            name_kana: null,
            name_romaji: null,
            headline: null,
            created_at: new Date().toISOString(),
            updated_at: new Date().toISOString(),
          })
          .execute();
        const disabled = await world.call('GET', `/api/v1/public/share-links/${link.id}`);
        assert.deepEqual(disabled.json<PublicAnswer>().owner, {
          displayName: null,
          profileUrl: null,
        });
        await db.kysely
          .updateTable('wallet_profiles')
          .set({ enabled: 1 })
          .where('user_id', '=', world.learnerUserId)
          .execute();
        const enabled = await world.call('GET', `/api/v1/public/share-links/${link.id}`);
        assert.deepEqual(enabled.json<PublicAnswer>().owner, {
          displayName: '山田 花子',
          profileUrl: `${PUBLIC_URL}/p/hanako`,
        });

        // A removed badge's links stop working too.
        await db.kysely
          .updateTable('wallet_credentials')
          .set({ removed_at: new Date().toISOString() })
          .where('id', '=', ob2.id)
          .execute();
        const removed = await world.call('GET', `/api/v1/public/share-links/${link.id}`);
        assert.equal(removed.statusCode, 404);
        const onRemoved = await world.call('POST', shareLinksOf(ob2.id), me);
        assert.equal(onRemoved.statusCode, 404);
        assert.equal(onRemoved.json<ErrorAnswer>().error.code, 'ERR_WALLET_CREDENTIAL_NOT_FOUND');
      } finally {
        await world.close();
      }
    },
  );

  forEachDatabase(
    'keeps share links to their owner, caps them per badge, and rate-limits the public side',
    async (db) => {
      const world = await buildSharingTestWorld(db, { perClient: { limit: 3, windowMs: 60_000 } });
      try {
        const me = world.headers.learner;
        const badge = await world.insertCredential(world.learnerUserId);
        const theirs = await world.insertCredential(world.otherLearnerUserId);

        const foreign = await world.call('POST', shareLinksOf(theirs.id), me);
        assert.equal(foreign.statusCode, 404);
        assert.equal(foreign.json<ErrorAnswer>().error.code, 'ERR_WALLET_CREDENTIAL_NOT_FOUND');
        const anonymous = await world.call('POST', shareLinksOf(badge.id));
        assert.equal(anonymous.statusCode, 401);
        const apiKey = await world.call(
          'POST',
          shareLinksOf(badge.id),
          world.headers['api-key-with-scope'],
        );
        assert.equal(apiKey.statusCode, 403);

        const links: string[] = [];
        for (let i = 0; i < MAX_ACTIVE_SHARE_LINKS; i += 1) {
          const answer = await world.call('POST', shareLinksOf(badge.id), me);
          assert.equal(answer.statusCode, 201, answer.body);
          links.push(answer.json<ShareLinkAnswer>().id);
        }
        assert.equal(new Set(links).size, MAX_ACTIVE_SHARE_LINKS);
        const over = await world.call('POST', shareLinksOf(badge.id), me);
        assert.equal(over.statusCode, 409);
        assert.equal(over.json<ErrorAnswer>().error.code, 'ERR_WALLET_SHARE_LINK_LIMIT');
        const first = links[0] ?? '';

        const notMine = await world.call(
          'DELETE',
          `/api/v1/wallet/share-links/${first}`,
          world.otherLearner,
        );
        assert.equal(notMine.statusCode, 404);
        assert.equal(notMine.json<ErrorAnswer>().error.code, 'ERR_WALLET_SHARE_LINK_NOT_FOUND');
        await world.call('DELETE', `/api/v1/wallet/share-links/${first}`, me);
        const again = await world.call('POST', shareLinksOf(badge.id), me);
        assert.equal(again.statusCode, 201, 'a revoked link frees its place');

        const from = '203.0.113.9';
        const url = `/api/v1/public/share-links/${links[1] ?? ''}`;
        for (let i = 0; i < 3; i += 1) {
          const answer = await world.call('GET', url, {}, undefined, from);
          assert.equal(answer.statusCode, 200, answer.body);
        }
        const limited = await world.call('GET', url, {}, undefined, from);
        assert.equal(limited.statusCode, 429);
        assert.equal(limited.json<ErrorAnswer>().error.code, 'ERR_WALLET_PUBLIC_RATE_LIMITED');
        assert.ok(Number(limited.headers['retry-after']) >= 1);
        const elsewhere = await world.call('GET', url, {}, undefined, '203.0.113.10');
        assert.equal(elsewhere.statusCode, 200);
      } finally {
        await world.close();
      }
    },
  );
});
