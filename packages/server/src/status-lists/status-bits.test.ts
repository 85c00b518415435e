/**
 * Tests of reading and writing status bits on SQLite and PostgreSQL: bit order, versions,
 * errors, concurrent writers, transactions.
 */
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { forEachDatabase } from '../db/for-each-database.js';
import type { Database } from '../db/open-database.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import { isServerError } from '../http/server-error.js';
import { allocateStatusEntries } from './allocate-status-entries.js';
import { readStatusBit, setStatusBit } from './status-bits.js';
import { insertStatusTestProfile } from './status-list-test-factories.js';

const newList = async (db: Database): Promise<string> => {
  const [entry] = await allocateStatusEntries(db, {
    publicUrl: 'https://badges.example.ac.jp',
    issuerProfileId: (await insertStatusTestProfile(db)).profile.id,
    purpose: 'revocation',
    count: 1,
  });
  assert.ok(entry);
  return entry.listId;
};

const rowOf = (db: Database, listId: string) =>
  db.kysely
    .selectFrom('status_lists')
    .select(['bits', 'version', 'updated_at'])
    .where('id', '=', listId)
    .executeTakeFirstOrThrow();

const hasCode = (code: string) => (error: unknown) => isServerError(error) && error.code === code;

describe('status bits', () => {
  forEachDatabase('sets, reads and clears bits, most significant bit first', async (db) => {
    const listId = await newList(db);
    const now = new Date('2026-04-01T09:00:00.000Z');
    assert.equal(await readStatusBit(db, { listId, index: 0 }), false);
    assert.deepEqual(await setStatusBit(db, { listId, index: 0, value: true, now }), {
      changed: true,
    });
    assert.deepEqual(await setStatusBit(db, { listId, index: 0, value: true }), {
      changed: false,
    });
    assert.deepEqual(await setStatusBit(db, { listId, index: 131_071, value: true, now }), {
      changed: true,
    });
    const row = await rowOf(db, listId);
    assert.equal(row.bits.length, 16_384);
    assert.equal(row.bits[0], 0x80); // index 0 = the left-most bit
    assert.equal(row.bits[16_383], 0x01);
    assert.equal(row.version, 2); // the no-op write did not count
    assert.equal(row.updated_at, now.toISOString());
    assert.equal(await readStatusBit(db, { listId, index: 0 }), true);
    assert.equal(await readStatusBit(db, { listId, index: 1 }), false);
    assert.equal(await readStatusBit(db, { listId, index: 131_071 }), true);

    assert.deepEqual(await setStatusBit(db, { listId, index: 0, value: false }), { changed: true });
    assert.equal(await readStatusBit(db, { listId, index: 0 }), false);
    assert.equal((await rowOf(db, listId)).version, 3);
  });

  forEachDatabase('refuses an unknown list and an index outside the list', async (db) => {
    const listId = await newList(db);
    await assert.rejects(
      setStatusBit(db, { listId: 'nope', index: 0, value: true }),
      hasCode('ERR_STATUS_LIST_NOT_FOUND'),
    );
    await assert.rejects(
      readStatusBit(db, { listId: 'nope', index: 0 }),
      hasCode('ERR_STATUS_LIST_NOT_FOUND'),
    );
    for (const index of [-1, 131_072, 1.5]) {
      await assert.rejects(
        setStatusBit(db, { listId, index, value: true }),
        hasCode('ERR_STATUS_LIST_INDEX_RANGE'),
      );
      await assert.rejects(
        readStatusBit(db, { listId, index }),
        hasCode('ERR_STATUS_LIST_INDEX_RANGE'),
      );
    }
    assert.equal((await rowOf(db, listId)).version, 0);
  });

  forEachDatabase('concurrent writers to one list lose no bit', async (db) => {
    const listId = await newList(db);
    const indexes = Array.from({ length: 40 }, (_, i) => i * 3 + (i % 3)); // several per byte
    await Promise.all(indexes.map((index) => setStatusBit(db, { listId, index, value: true })));
    for (const index of indexes) assert.equal(await readStatusBit(db, { listId, index }), true);
    assert.equal((await rowOf(db, listId)).version, indexes.length);
  });

  forEachDatabase('joins a caller transaction: a rollback undoes the bit', async (db) => {
    const listId = await newList(db);
    await assert.rejects(
      runInTransaction(db, async (tx) => {
        assert.deepEqual(await setStatusBit(tx, { listId, index: 7, value: true }), {
          changed: true,
        });
        assert.equal(await readStatusBit(tx, { listId, index: 7 }), true);
        throw new Error('rolled back');
      }),
      /rolled back/,
    );
    assert.equal(await readStatusBit(db, { listId, index: 7 }), false);
    assert.equal((await rowOf(db, listId)).version, 0);
  });
});
