import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe } from 'node:test';
import { unzipSync } from 'fflate';
import { forEachDatabase } from '../db/for-each-database.js';
import type { ErrorEnvelope } from '../http/error-envelope.js';
import type { WalletCredential } from './wallet-schemas.js';
import type { WalletCredentialSummary } from './wallet-summary.js';
import { buildWalletWorld, createForeignIssuer, type WalletWorld } from './wallet-test-world.js';

interface Page {
  readonly items: WalletCredentialSummary[];
  readonly nextCursor: string | null;
  readonly total: number;
  readonly changed: number;
}

const call = (
  world: WalletWorld,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  headers: Record<string, string>,
  payload?: Record<string, unknown>,
) =>
  world.test.app.inject({
    method,
    url: `/api/v1${url}`,
    headers,
    ...(payload === undefined ? {} : { payload }),
  });

const importOne = async (world: WalletWorld, credential: Record<string, unknown>) => {
  const response = await world.importJson({ credential });
  assert.equal(response.statusCode, 201, response.body);
  return response.json<{ item: WalletCredential }>().item;
};

describe('the wallet routes', () => {
  forEachDatabase(
    'another account never sees, reads, changes, removes or downloads a badge',
    async (db) => {
      const world = await buildWalletWorld(db);
      try {
        const mine = await importOne(world, (await world.issue()).credential);
        const them = world.other.headers;
        const list = await call(world, 'GET', '/wallet/credentials', them);
        assert.deepEqual(list.json<Page>().items, []);
        for (const [method, url, payload] of [
          ['GET', `/wallet/credentials/${mine.id}`, undefined],
          ['PATCH', `/wallet/credentials/${mine.id}`, { visibility: 'public' }],
          ['DELETE', `/wallet/credentials/${mine.id}`, undefined],
          ['POST', `/wallet/credentials/${mine.id}/recheck`, undefined],
          ['GET', `/wallet/credentials/${mine.id}/download?format=json`, undefined],
        ] as const) {
          const response = await call(world, method, url, them, payload);
          assert.equal(response.statusCode, 404, `${method} ${url}`);
          assert.equal(
            response.json<ErrorEnvelope>().error.code,
            'ERR_WALLET_CREDENTIAL_NOT_FOUND',
          );
        }
        const exported = await call(world, 'GET', '/wallet/export', them);
        assert.deepEqual(Object.keys(unzipSync(new Uint8Array(exported.rawPayload))).sort(), [
          'index.csv',
          'index.json',
        ]);
        // Still there, unchanged, for its owner.
        const own = await call(
          world,
          'GET',
          `/wallet/credentials/${mine.id}`,
          world.learner.headers,
        );
        assert.equal(own.json<WalletCredential>().visibility, 'private');
        // Not signed in: 401; an API key has no wallet: 403.
        assert.equal((await call(world, 'GET', '/wallet/credentials', {})).statusCode, 401);
        const withKey = await call(world, 'GET', '/wallet/credentials', world.issuer);
        assert.equal(withKey.json<ErrorEnvelope>().error.code, 'ERR_WALLET_API_KEY_NOT_ALLOWED');
        assert.equal((await world.importJson({ credential: {} }, {})).statusCode, 401);
      } finally {
        await world.close();
      }
    },
  );

  forEachDatabase('lists with search, status, collection, sort and pages', async (db) => {
    const world = await buildWalletWorld(db);
    try {
      const alpha = createForeignIssuer('Alpha Academy');
      const beta = createForeignIssuer('ベータ大学');
      const badge = (issuer: typeof alpha, name: string, validFrom: string, description = '') =>
        issuer.sign({
          name,
          validFrom,
          credentialSubject: {
            id: 'did:example:learner',
            type: ['AchievementSubject'],
            achievement: {
              id: `https://example.net/achievements/${randomUUID()}`,
              type: ['Achievement'],
              name,
              description: description === '' ? `About ${name}` : description,
              criteria: { narrative: 'Do the work.' },
            },
          },
        });
      const a = await importOne(world, await badge(alpha, 'Cooking', '2025-01-01T00:00:00Z'));
      const b = await importOne(world, await badge(beta, 'astronomy', '2025-03-01T00:00:00Z'));
      const c = await importOne(
        world,
        await badge(alpha, 'Baking', '2025-02-01T00:00:00Z', '100% 天然酵母 PANS'),
      );
      const d = await importOne(world, await badge(beta, 'Expired', '2020-01-01T00:00:00Z'));
      await db.kysely
        .updateTable('wallet_credentials')
        .set({ status: 'expired' })
        .where('id', '=', d.id)
        .execute();
      const list = async (query: string) => {
        const response = await call(
          world,
          'GET',
          `/wallet/credentials${query}`,
          world.learner.headers,
        );
        assert.equal(response.statusCode, 200, response.body);
        return response.json<Page>();
      };
      const names = (page: Page) => page.items.map((item) => item.name);
      assert.deepEqual(names(await list('')), ['Expired', 'Baking', 'astronomy', 'Cooking']);
      assert.deepEqual(names(await list('?sort=name')), [
        'astronomy',
        'Baking',
        'Cooking',
        'Expired',
      ]);
      assert.deepEqual(names(await list('?sort=name&order=desc')), [
        'Expired',
        'Cooking',
        'Baking',
        'astronomy',
      ]);
      assert.deepEqual(names(await list('?sort=issued')), [
        'astronomy',
        'Baking',
        'Cooking',
        'Expired',
      ]);
      assert.deepEqual(
        names(await list('?sort=issuer&order=asc'))
          .slice(0, 2)
          .sort(),
        ['Baking', 'Cooking'],
      );
      // Search: case-insensitive, name / issuer / description; LIKE marks are literal.
      assert.deepEqual(names(await list('?q=ASTRO')), ['astronomy']);
      assert.deepEqual(names(await list(`?q=${encodeURIComponent('ベータ')}&sort=name`)), [
        'astronomy',
        'Expired',
      ]);
      assert.deepEqual(names(await list('?q=100%25')), ['Baking']);
      assert.deepEqual(names(await list('?q=pans')), ['Baking']);
      assert.deepEqual(names(await list('?q=%25%25')), []);
      const expired = await list('?status=expired');
      assert.deepEqual([names(expired), expired.total], [['Expired'], 1]);
      // Pages: stable, complete, with the total.
      const first = await list('?sort=name&limit=3');
      assert.deepEqual([names(first), first.total], [['astronomy', 'Baking', 'Cooking'], 4]);
      assert.ok(first.nextCursor !== null);
      const second = await list(`?sort=name&limit=3&cursor=${first.nextCursor}`);
      assert.deepEqual([names(second), second.nextCursor], [['Expired'], null]);
      const wrongSort = await call(
        world,
        'GET',
        `/wallet/credentials?sort=issued&cursor=${first.nextCursor}`,
        world.learner.headers,
      );
      assert.equal(wrongSort.json<ErrorEnvelope>().error.code, 'ERR_WALLET_CURSOR_INVALID');
      const tooMany = await call(
        world,
        'GET',
        '/wallet/credentials?limit=101',
        world.learner.headers,
      );
      assert.equal(tooMany.statusCode, 400);
      // A collection: only its badges, and only the owner's collection.
      const collectionId = randomUUID();
      const now = new Date().toISOString();
      await db.kysely
        .insertInto('wallet_collections')
        .values({
          id: collectionId,
          user_id: world.learner.userId,
          name: '料理',
          description: null,
          visibility: 'private',
          position: 0,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await db.kysely
        .insertInto('wallet_collection_items')
        .values([
          { collection_id: collectionId, wallet_credential_id: a.id, position: 0 },
          { collection_id: collectionId, wallet_credential_id: c.id, position: 1 },
        ])
        .execute();
      assert.deepEqual(names(await list(`?collection=${collectionId}&sort=name`)), [
        'Baking',
        'Cooking',
      ]);
      const detail = await call(world, 'GET', `/wallet/credentials/${a.id}`, world.learner.headers);
      assert.deepEqual(detail.json<WalletCredential>().collections, [
        { id: collectionId, name: '料理' },
      ]);
      const theirs = await call(
        world,
        'GET',
        `/wallet/credentials?collection=${collectionId}`,
        world.other.headers,
      );
      assert.deepEqual(theirs.json<Page>().items, []);
      assert.equal(b.status, 'valid');
    } finally {
      await world.close();
    }
  });
  forEachDatabase(
    'changes visibility, marks changes seen, removes imports and awards',
    async (db) => {
      const world = await buildWalletWorld(db);
      try {
        const headers = world.learner.headers;
        const item = await importOne(world, await createForeignIssuer().sign());
        const patched = await call(world, 'PATCH', `/wallet/credentials/${item.id}`, headers, {
          visibility: 'public',
        });
        assert.equal(patched.json<WalletCredential>().visibility, 'public');
        const bad = await call(world, 'PATCH', `/wallet/credentials/${item.id}`, headers, {
          visibility: 'everyone',
        });
        assert.equal(bad.statusCode, 400);
        await db.kysely
          .updateTable('wallet_credentials')
          .set({ previous_status: 'valid', status: 'revoked' })
          .execute();
        assert.equal(
          (await call(world, 'GET', '/wallet/credentials', headers)).json<Page>().changed,
          1,
        );
        const seen = await call(world, 'PATCH', `/wallet/credentials/${item.id}`, headers, {
          statusSeen: true,
        });
        assert.equal(seen.json<WalletCredential>().previousStatus, null);
        await db.kysely
          .updateTable('wallet_credentials')
          .set({ previous_status: 'valid' })
          .execute();
        assert.equal((await call(world, 'POST', '/wallet/status-seen', headers)).statusCode, 204);
        assert.equal(
          (await call(world, 'GET', '/wallet/credentials', headers)).json<Page>().changed,
          0,
        );
        // A share link, to see what removal does with it.
        const link = async (id: string) => {
          const linkId = randomUUID();
          await db.kysely
            .insertInto('wallet_share_links')
            .values({
              id: linkId,
              user_id: world.learner.userId,
              wallet_credential_id: id,
              views: 3,
              linkedin_clicks: 1,
              created_at: new Date().toISOString(),
              revoked_at: null,
            })
            .execute();
          return linkId;
        };
        const linkId = await link(item.id);
        const shown = await call(world, 'GET', `/wallet/credentials/${item.id}`, headers);
        assert.deepEqual(shown.json<WalletCredential>().shareLinks, [
          {
            id: linkId,
            url: `https://badges.example.ac.jp/s/${linkId}`,
            createdAt: shown.json<WalletCredential>().shareLinks[0]?.createdAt,
            views: 3,
            linkedinClicks: 1,
          },
        ]);
        assert.equal(
          (await call(world, 'DELETE', `/wallet/credentials/${item.id}`, headers)).statusCode,
          204,
        );
        assert.equal(
          (
            await db.kysely
              .selectFrom('wallet_share_links')
              .select('id')
              .where('id', '=', linkId)
              .execute()
          ).length,
          0,
        );
        assert.equal(
          (await call(world, 'GET', `/wallet/credentials/${item.id}`, headers)).statusCode,
          404,
        );

        // An award in the wallet: removal hides it for good, until it is imported again.
        const issued = await world.issue();
        const now = new Date().toISOString();
        const awardRowId = randomUUID();
        await db.kysely
          .insertInto('wallet_credentials')
          .values({
            id: awardRowId,
            user_id: world.learner.userId,
            origin: 'award',
            award_id: issued.award.id,
            format: 'award',
            ob_version: 3,
            dedupe_key: `${(issued.credential.issuer as { id: string }).id}\n${String(issued.credential.id)}`,
            credential: JSON.stringify(issued.credential),
            credential_jwt: null,
            original: null,
            original_media_type: null,
            source_url: null,
            issuer_id: null,
            issuer_name: null,
            achievement_name: '情報リテラシー',
            description: null,
            image: null,
            issued_at: null,
            valid_from: null,
            valid_until: null,
            verdict: 'valid',
            status: 'valid',
            report: null,
            checked_at: null,
            next_check_at: now,
            status_changed_at: null,
            previous_status: null,
            visibility: 'public',
            removed_at: null,
            created_at: now,
            updated_at: now,
          })
          .execute();
        const awardLink = await link(awardRowId);
        assert.equal(
          (await call(world, 'DELETE', `/wallet/credentials/${awardRowId}`, headers)).statusCode,
          204,
        );
        const removed = await db.kysely
          .selectFrom('wallet_credentials')
          .selectAll()
          .where('id', '=', awardRowId)
          .executeTakeFirstOrThrow();
        assert.ok(removed.removed_at !== null);
        assert.equal(removed.visibility, 'private');
        const revokedLink = await db.kysely
          .selectFrom('wallet_share_links')
          .selectAll()
          .where('id', '=', awardLink)
          .executeTakeFirstOrThrow();
        assert.ok(revokedLink.revoked_at !== null);
        assert.deepEqual(
          (await call(world, 'GET', '/wallet/credentials', headers)).json<Page>().items,
          [],
        );
        const back = await world.importJson({ credential: issued.credential });
        assert.equal(back.statusCode, 201, back.body);
        const restored = back.json<{ item: WalletCredential; merged: boolean }>();
        assert.deepEqual(
          [restored.item.id, restored.merged, restored.item.origin],
          [awardRowId, false, 'award'],
        );
        assert.deepEqual(restored.item.downloads, ['json', 'png']);
      } finally {
        await world.close();
      }
    },
  );
});
