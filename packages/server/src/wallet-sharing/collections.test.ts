import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { forEachDatabase } from '../db/for-each-database.js';
import { buildSharingTestWorld } from './wallet-sharing-test-world.js';

interface CollectionAnswer {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly visibility: string;
  readonly position: number;
  readonly count: number;
  readonly credentialIds: readonly string[];
}
interface ErrorAnswer {
  readonly error: {
    readonly code: string;
    readonly fields?: readonly { readonly in: string; readonly path: string }[];
  };
}

const BASE = '/api/v1/wallet/collections';

describe('wallet collections', () => {
  forEachDatabase('creates, renames, orders, fills and deletes collections', async (db) => {
    const world = await buildSharingTestWorld(db);
    try {
      const me = world.headers.learner;
      const list = async () =>
        (await world.call('GET', BASE, me)).json<{ items: CollectionAnswer[] }>().items;
      assert.deepEqual(await list(), []);

      const create = async (body: unknown) => {
        const answer = await world.call('POST', BASE, me, body);
        assert.equal(answer.statusCode, 201, answer.body);
        return answer.json<CollectionAnswer>();
      };
      const first = await create({
        name: '資格・検定',
        description: '業務で取得したもの。\n2 行目',
      });
      assert.equal(first.name, '資格・検定');
      assert.equal(first.description, '業務で取得したもの。\n2 行目');
      assert.equal(first.visibility, 'private');
      assert.equal(first.position, 0);
      assert.equal(first.count, 0);
      const second = await create({ name: '  大学の授業  ' });
      const third = await create({ name: 'Ｒ＆Ｄ' });
      assert.equal(second.name, '  大学の授業  ', 'names are kept exactly as typed');
      assert.deepEqual(
        (await list()).map((c) => [c.id, c.position]),
        [
          [first.id, 0],
          [second.id, 1],
          [third.id, 2],
        ],
      );

      // Move the third to the front: the others shift.
      const moved = await world.call('PATCH', `${BASE}/${third.id}`, me, { position: 0 });
      assert.equal(moved.statusCode, 200, moved.body);
      assert.equal(moved.json<CollectionAnswer>().position, 0);
      assert.deepEqual(
        (await list()).map((c) => c.id),
        [third.id, first.id, second.id],
      );
      const tooFar = await world.call('PATCH', `${BASE}/${third.id}`, me, { position: 3 });
      assert.equal(tooFar.statusCode, 400);
      assert.equal(tooFar.json<ErrorAnswer>().error.code, 'ERR_HTTP_VALIDATION');
      assert.equal(tooFar.json<ErrorAnswer>().error.fields?.[0]?.path, '/position');

      const renamed = await world.call('PATCH', `${BASE}/${first.id}`, me, {
        name: '資格',
        description: null,
        visibility: 'public',
      });
      assert.equal(renamed.statusCode, 200, renamed.body);
      assert.deepEqual(
        [
          renamed.json<CollectionAnswer>().name,
          renamed.json<CollectionAnswer>().description,
          renamed.json<CollectionAnswer>().visibility,
        ],
        ['資格', null, 'public'],
      );

      // Its badges, in the order given.
      const a = await world.insertCredential(world.learnerUserId);
      const b = await world.insertCredential(world.learnerUserId);
      const c = await world.insertCredential(world.learnerUserId);
      const items = `${BASE}/${first.id}/items`;
      const put = await world.call('PUT', items, me, { credentialIds: [c.id, a.id, b.id] });
      assert.equal(put.statusCode, 200, put.body);
      assert.deepEqual(put.json<CollectionAnswer>().credentialIds, [c.id, a.id, b.id]);
      assert.equal(put.json<CollectionAnswer>().count, 3);
      const reordered = await world.call('PUT', items, me, { credentialIds: [b.id, c.id] });
      assert.deepEqual(reordered.json<CollectionAnswer>().credentialIds, [b.id, c.id]);

      // A removed badge drops out of the list.
      await db.kysely
        .updateTable('wallet_credentials')
        .set({ removed_at: new Date().toISOString() })
        .where('id', '=', c.id)
        .execute();
      const shown = (await list()).find((x) => x.id === first.id);
      assert.deepEqual(shown?.credentialIds, [b.id]);

      // Deleting a collection leaves its badges in the wallet and closes the gap.
      const deleted = await world.call('DELETE', `${BASE}/${first.id}`, me);
      assert.equal(deleted.statusCode, 204);
      assert.deepEqual(
        (await list()).map((x) => [x.id, x.position]),
        [
          [third.id, 0],
          [second.id, 1],
        ],
      );
      const kept = await db.kysely
        .selectFrom('wallet_credentials')
        .select('id')
        .where('id', 'in', [a.id, b.id])
        .execute();
      assert.equal(kept.length, 2);
      const again = await world.call('DELETE', `${BASE}/${first.id}`, me);
      assert.equal(again.statusCode, 404);
      assert.equal(again.json<ErrorAnswer>().error.code, 'ERR_WALLET_COLLECTION_NOT_FOUND');
    } finally {
      await world.close();
    }
  });

  forEachDatabase(
    'refuses duplicates, unknown, removed and foreign badges, naming each entry',
    async (db) => {
      const world = await buildSharingTestWorld(db);
      try {
        const me = world.headers.learner;
        const collection = (
          await world.call('POST', BASE, me, { name: 'x' })
        ).json<CollectionAnswer>();
        const items = `${BASE}/${collection.id}/items`;
        const mine = await world.insertCredential(world.learnerUserId);
        const removed = await world.insertCredential(world.learnerUserId, {
          removed_at: new Date().toISOString(),
        });
        const theirs = await world.insertCredential(world.otherLearnerUserId);

        const duplicate = await world.call('PUT', items, me, {
          credentialIds: [mine.id, mine.id],
        });
        assert.equal(duplicate.statusCode, 400);
        const dup = duplicate.json<ErrorAnswer>().error;
        assert.equal(dup.code, 'ERR_WALLET_COLLECTION_ITEM_DUPLICATE');
        assert.deepEqual(
          dup.fields?.map((f) => f.path),
          ['/credentialIds/1'],
        );

        const unknown = await world.call('PUT', items, me, {
          credentialIds: [mine.id, removed.id, theirs.id, 'no-such-badge'],
        });
        assert.equal(unknown.statusCode, 422);
        const bad = unknown.json<ErrorAnswer>().error;
        assert.equal(bad.code, 'ERR_WALLET_COLLECTION_ITEM_UNKNOWN');
        assert.deepEqual(
          bad.fields?.map((f) => f.path),
          ['/credentialIds/1', '/credentialIds/2', '/credentialIds/3'],
        );
        const tooMany = await world.call('PUT', items, me, {
          credentialIds: Array.from({ length: 501 }, (_, i) => `id-${String(i)}`),
        });
        assert.equal(tooMany.statusCode, 400);
        assert.equal(tooMany.json<ErrorAnswer>().error.code, 'ERR_HTTP_VALIDATION');
        // Nothing was stored by the refused requests.
        const after = await world.call('GET', BASE, me);
        assert.deepEqual(after.json<{ items: CollectionAnswer[] }>().items[0]?.credentialIds, []);

        const empty = await world.call('POST', BASE, me, { name: '' });
        assert.equal(empty.statusCode, 400);
        const long = await world.call('POST', BASE, me, { name: 'あ'.repeat(101) });
        assert.equal(long.statusCode, 400);
        const longDescription = await world.call('POST', BASE, me, {
          name: 'x',
          description: 'a'.repeat(1001),
        });
        assert.equal(longDescription.statusCode, 400);
      } finally {
        await world.close();
      }
    },
  );

  forEachDatabase(
    "answers another account's collection with 404, and asks who is calling",
    async (db) => {
      const world = await buildSharingTestWorld(db);
      try {
        const mine = (
          await world.call('POST', BASE, world.headers.learner, { name: '非公開' })
        ).json<CollectionAnswer>();
        const other = world.otherLearner;
        const listed = await world.call('GET', BASE, other);
        assert.deepEqual(listed.json<{ items: unknown[] }>().items, []);
        for (const [method, url, body] of [
          ['PATCH', `${BASE}/${mine.id}`, { name: '乗っ取り' }],
          ['DELETE', `${BASE}/${mine.id}`, undefined],
          ['PUT', `${BASE}/${mine.id}/items`, { credentialIds: [] }],
        ] as const) {
          const answer = await world.call(method, url, other, body);
          assert.equal(answer.statusCode, 404, `${method} ${url}`);
          assert.equal(answer.json<ErrorAnswer>().error.code, 'ERR_WALLET_COLLECTION_NOT_FOUND');
        }
        const still = await world.call('GET', BASE, world.headers.learner);
        assert.equal(still.json<{ items: CollectionAnswer[] }>().items[0]?.name, '非公開');

        const anonymous = await world.call('GET', BASE);
        assert.equal(anonymous.statusCode, 401);
        const apiKey = await world.call('GET', BASE, world.headers['api-key-with-scope']);
        assert.equal(apiKey.statusCode, 403);
        assert.equal(apiKey.json<ErrorAnswer>().error.code, 'ERR_WALLET_API_KEY_NOT_ALLOWED');
        const noCsrf = await world.call(
          'POST',
          BASE,
          { cookie: world.headers.learner.cookie ?? '' },
          { name: 'x' },
        );
        assert.equal(noCsrf.statusCode, 403);
      } finally {
        await world.close();
      }
    },
  );
});
