import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { forEachDatabase } from '../db/for-each-database.js';
import { buildSharingTestWorld, PUBLIC_URL } from './wallet-sharing-test-world.js';

interface ProfileAnswer {
  readonly saved: boolean;
  readonly enabled: boolean;
  readonly slug: string;
  readonly url: string;
  readonly displayName: string;
  readonly nameKana: string | null;
  readonly nameRomaji: string | null;
  readonly headline: string | null;
}
interface Summary {
  readonly id: string;
  readonly name: string | null;
}
interface PublicProfileAnswer {
  readonly slug: string;
  readonly url: string;
  readonly displayName: string;
  readonly nameKana: string | null;
  readonly nameRomaji: string | null;
  readonly headline: string | null;
  readonly credentials: readonly Summary[];
  readonly collections: readonly {
    readonly id: string;
    readonly name: string;
    readonly credentials: readonly Summary[];
  }[];
}
interface ErrorAnswer {
  readonly error: {
    readonly code: string;
    readonly fields?: readonly { readonly path: string }[];
  };
}

const PROFILE = '/api/v1/wallet/profile';

const body = (overrides: Record<string, unknown> = {}) => ({
  enabled: true,
  slug: 'hanako-yamada',
  displayName: '山田\u3000花子',
  nameKana: 'やまだ はなこ',
  nameRomaji: 'Hanako YAMADA',
  headline: '情報工学科 3 年',
  ...overrides,
});

describe('the public profile', () => {
  forEachDatabase('suggests, saves and checks the profile settings', async (db) => {
    const world = await buildSharingTestWorld(db);
    try {
      const me = world.headers.learner;
      const initial = await world.call('GET', PROFILE, me);
      assert.equal(initial.statusCode, 200, initial.body);
      const suggested = initial.json<ProfileAnswer>();
      assert.equal(suggested.saved, false);
      assert.equal(suggested.enabled, false);
      assert.equal(suggested.displayName, '山田 花子', "the account's display name");
      assert.match(suggested.slug, /^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$/);
      assert.equal(suggested.url, `${PUBLIC_URL}/p/${suggested.slug}`);

      const saved = await world.call('PUT', PROFILE, me, body());
      assert.equal(saved.statusCode, 200, saved.body);
      const profile = saved.json<ProfileAnswer>();
      assert.equal(profile.saved, true);
      assert.equal(profile.displayName, '山田\u3000花子', 'exactly as typed');
      assert.equal(profile.url, `${PUBLIC_URL}/p/hanako-yamada`);
      assert.deepEqual(
        (await world.call('GET', PROFILE, me)).json<ProfileAnswer>(),
        saved.json<ProfileAnswer>(),
      );
      const audit = await db.kysely
        .selectFrom('audit_events')
        .select(['action', 'actor_user_id', 'details'])
        .where('action', '=', 'wallet.profile-update')
        .execute();
      assert.equal(audit.length, 1);
      const [event] = audit;
      assert.ok(event);
      assert.equal(event.actor_user_id, world.learnerUserId);
      const details = JSON.parse(event.details) as { slug: string };
      assert.equal(details.slug, 'hanako-yamada');

      // Omitted optional names are cleared.
      const cleared = await world.call('PUT', PROFILE, me, {
        enabled: false,
        slug: 'hanako-yamada',
        displayName: 'Hanako',
      });
      assert.deepEqual(
        [cleared.json<ProfileAnswer>().nameKana, cleared.json<ProfileAnswer>().headline],
        [null, null],
      );

      for (const slug of [
        'ab',
        '-hanako',
        'hanako-',
        'Hanako',
        'hana_ko',
        'は な こ',
        'a'.repeat(41),
      ]) {
        const answer = await world.call('PUT', PROFILE, me, body({ slug }));
        assert.equal(answer.statusCode, 400, slug);
        assert.equal(answer.json<ErrorAnswer>().error.code, 'ERR_HTTP_VALIDATION', slug);
        assert.equal(answer.json<ErrorAnswer>().error.fields?.[0]?.path, '/slug', slug);
      }
      for (const slug of ['admin', 'api', 'wallet', 'settings']) {
        const answer = await world.call('PUT', PROFILE, me, body({ slug }));
        assert.equal(answer.statusCode, 400, slug);
        assert.equal(answer.json<ErrorAnswer>().error.code, 'ERR_WALLET_PROFILE_SLUG_RESERVED');
      }
      const noName = await world.call('PUT', PROFILE, me, body({ displayName: '' }));
      assert.equal(noName.statusCode, 400);
      const longHeadline = await world.call(
        'PUT',
        PROFILE,
        me,
        body({ headline: 'あ'.repeat(201) }),
      );
      assert.equal(longHeadline.statusCode, 400);

      const taken = await world.call('PUT', PROFILE, world.otherLearner, body());
      assert.equal(taken.statusCode, 409);
      const error = taken.json<ErrorAnswer>().error;
      assert.equal(error.code, 'ERR_WALLET_PROFILE_SLUG_TAKEN');
      assert.equal(error.fields?.[0]?.path, '/slug');
      // Once taken, the slug is not suggested to anyone else.
      await db.kysely
        .updateTable('users')
        .set({ display_name: 'Hanako Yamada' })
        .where('id', '=', world.otherLearnerUserId)
        .execute();
      const suggestion = (
        await world.call('GET', PROFILE, world.otherLearner)
      ).json<ProfileAnswer>();
      assert.notEqual(suggestion.slug, 'hanako-yamada');

      assert.equal((await world.call('GET', PROFILE)).statusCode, 401);
      const apiKey = await world.call('GET', PROFILE, world.headers['api-key-with-scope']);
      assert.equal(apiKey.statusCode, 403);
    } finally {
      await world.close();
    }
  });

  forEachDatabase(
    'shows public badges and public collections, never private or removed ones, nor anything of another account',
    async (db) => {
      const world = await buildSharingTestWorld(db);
      try {
        const me = world.headers.learner;
        const day = (d: number) => `2025-0${String(d)}-01T00:00:00.000Z`;
        const publicOld = await world.insertCredential(world.learnerUserId, {
          visibility: 'public',
          achievement_name: '古い公開バッジ',
          issued_at: day(1),
        });
        const publicNew = await world.insertCredential(world.learnerUserId, {
          visibility: 'public',
          achievement_name: '新しい公開バッジ',
          issued_at: day(5),
        });
        const secret = await world.insertCredential(world.learnerUserId, {
          achievement_name: '非公開のバッジ',
        });
        const inCollection = await world.insertCredential(world.learnerUserId, {
          achievement_name: 'コレクションのバッジ',
        });
        const removed = await world.insertCredential(world.learnerUserId, {
          visibility: 'public',
          achievement_name: '削除したバッジ',
          removed_at: new Date().toISOString(),
        });
        const theirs = await world.insertCredential(world.otherLearnerUserId, {
          visibility: 'public',
          achievement_name: '他人のバッジ',
        });
        const collection = (
          await world.call('POST', '/api/v1/wallet/collections', me, { name: '授業' })
        ).json<{ id: string }>();
        const hidden = (
          await world.call('POST', '/api/v1/wallet/collections', me, { name: '秘密' })
        ).json<{ id: string }>();
        await world.call('PUT', `/api/v1/wallet/collections/${collection.id}/items`, me, {
          credentialIds: [inCollection.id, publicOld.id],
        });
        await world.call('PUT', `/api/v1/wallet/collections/${hidden.id}/items`, me, {
          credentialIds: [secret.id],
        });
        await db.kysely
          .insertInto('wallet_collection_items')
          .values({ collection_id: collection.id, wallet_credential_id: removed.id, position: 2 })
          .execute();

        const url = '/api/v1/public/profiles/hanako-yamada';
        assert.equal((await world.call('GET', url)).statusCode, 404, 'no profile yet');
        await world.call('PUT', PROFILE, me, body({ enabled: false }));
        const disabled = await world.call('GET', url);
        assert.equal(disabled.statusCode, 404);
        assert.equal(disabled.json<ErrorAnswer>().error.code, 'ERR_WALLET_PROFILE_NOT_FOUND');
        await world.call('PUT', PROFILE, me, body());

        const before = await world.call('GET', url);
        assert.equal(before.statusCode, 200, before.body);
        const page = before.json<PublicProfileAnswer>();
        assert.equal(page.displayName, '山田\u3000花子');
        assert.equal(page.nameKana, 'やまだ はなこ');
        assert.equal(page.url, `${PUBLIC_URL}/p/hanako-yamada`);
        assert.deepEqual(
          page.credentials.map((c) => c.id),
          [publicNew.id, publicOld.id],
          'public badges, newest first',
        );
        assert.deepEqual(page.collections, [], 'collections are private until made public');

        await world.call('PATCH', `/api/v1/wallet/collections/${collection.id}`, me, {
          visibility: 'public',
        });
        const after = (await world.call('GET', url)).json<PublicProfileAnswer>();
        assert.deepEqual(
          after.collections.map((c) => [c.name, c.credentials.map((x) => x.id)]),
          [['授業', [inCollection.id, publicOld.id]]],
        );
        for (const body of [before.body, JSON.stringify(after)]) {
          assert.doesNotMatch(body, /非公開のバッジ|削除したバッジ|他人のバッジ|秘密/);
          assert.doesNotMatch(body, /@example\.ac\.jp/);
        }

        // One badge of the profile, verified live; anything the profile does not show is 404.
        const badge = (id: string, slug = 'hanako-yamada') =>
          world.call('GET', `/api/v1/public/profiles/${slug}/credentials/${id}`);
        const shown = await badge(inCollection.id);
        assert.equal(shown.statusCode, 200, shown.body);
        const answer = shown.json<{
          profile: { slug: string; displayName: string };
          credential: { id: string };
          verification: { verdict: string };
          linkedin: { url: string; addToProfileUrl: string; fields: { certUrl: string } };
        }>();
        assert.equal(answer.credential.id, inCollection.id);
        assert.equal(answer.profile.displayName, '山田\u3000花子');
        assert.equal(typeof answer.verification.verdict, 'string');
        assert.equal(
          answer.linkedin.fields.certUrl,
          `${PUBLIC_URL}/p/hanako-yamada/credentials/${inCollection.id}`,
        );
        assert.equal(answer.linkedin.url, answer.linkedin.addToProfileUrl);
        assert.equal((await badge(publicNew.id)).statusCode, 200);
        for (const id of [secret.id, removed.id, theirs.id, 'nothing']) {
          const refused = await badge(id);
          assert.equal(refused.statusCode, 404, id);
          assert.equal(
            refused.json<ErrorAnswer>().error.code,
            'ERR_WALLET_PROFILE_CREDENTIAL_NOT_FOUND',
          );
        }

        // Making a badge private takes it off the profile at once.
        await db.kysely
          .updateTable('wallet_credentials')
          .set({ visibility: 'private' })
          .where('id', '=', publicNew.id)
          .execute();
        assert.equal((await badge(publicNew.id)).statusCode, 404);
        const again = (await world.call('GET', url)).json<PublicProfileAnswer>();
        assert.deepEqual(
          again.credentials.map((c) => c.id),
          [publicOld.id],
        );

        // A disabled account's profile is gone.
        await db.kysely
          .updateTable('users')
          .set({ disabled_at: new Date().toISOString() })
          .where('id', '=', world.learnerUserId)
          .execute();
        assert.equal((await world.call('GET', url)).statusCode, 404);
        assert.equal((await badge(publicOld.id)).statusCode, 404);
      } finally {
        await world.close();
      }
    },
  );

  forEachDatabase(
    "round-trips the organisation's LinkedIn company-page id through its settings",
    async (db) => {
      const world = await buildSharingTestWorld(db);
      try {
        const url = `/api/v1/organisations/${world.orgA}`;
        const admin = world.headers['org-admin'];
        const before = await world.call('GET', url, admin);
        assert.equal(
          before.json<{ linkedinOrganizationId: unknown }>().linkedinOrganizationId,
          null,
        );
        const saved = await world.call('PATCH', url, admin, { linkedinOrganizationId: '1234567' });
        assert.equal(saved.statusCode, 200, saved.body);
        assert.equal(
          saved.json<{ linkedinOrganizationId: unknown }>().linkedinOrganizationId,
          '1234567',
        );
        const read = await world.call('GET', url, admin);
        assert.equal(
          read.json<{ linkedinOrganizationId: unknown }>().linkedinOrganizationId,
          '1234567',
        );
        const audit = await db.kysely
          .selectFrom('audit_events')
          .select('details')
          .where('action', '=', 'org.update')
          .executeTakeFirstOrThrow();
        const details = JSON.parse(audit.details) as {
          changes: Record<string, { from: unknown; to: unknown }>;
        };
        assert.deepEqual(details.changes.linkedinOrganizationId, {
          from: null,
          to: '1234567',
        });
        for (const bad of ['abc', '12 34', '１２３', '1'.repeat(21), '']) {
          const refused = await world.call('PATCH', url, admin, { linkedinOrganizationId: bad });
          assert.equal(refused.statusCode, 400, bad);
          assert.equal(
            refused.json<ErrorAnswer>().error.fields?.[0]?.path,
            '/linkedinOrganizationId',
            bad,
          );
        }
        const viewer = await world.call('PATCH', url, world.headers.viewer, {
          linkedinOrganizationId: '1',
        });
        assert.equal(viewer.statusCode, 403);
        const cleared = await world.call('PATCH', url, admin, { linkedinOrganizationId: null });
        assert.equal(
          cleared.json<{ linkedinOrganizationId: unknown }>().linkedinOrganizationId,
          null,
        );
      } finally {
        await world.close();
      }
    },
  );
});
