/**
 * Tests of status entry allocation on SQLite and PostgreSQL: uniqueness across rollovers and
 * concurrent callers (two connections), bulk speed, transactions, input checks.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forEachDatabase } from '../db/for-each-database.js';
import { openDatabase, type Database } from '../db/open-database.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import { allocateStatusEntries, MAX_STATUS_ENTRIES_PER_CALL } from './allocate-status-entries.js';
import { buildStatusEntryObject, type AllocatedStatusEntry } from './status-entry.js';
import { insertStatusTestProfile } from './status-list-test-factories.js';

const PUBLIC_URL = 'https://badges.example.ac.jp';
/** An issuer profile to allocate for (status lists reference it). */
const profileIn = async (db: Database) => (await insertStatusTestProfile(db)).profile.id;

/** Every entry distinct, inside its list, with the right URL; returns the entries by list. */
const assertUnique = (entries: readonly AllocatedStatusEntry[], length: number) => {
  const seen = new Set<string>();
  const byList = new Map<string, number>();
  for (const entry of entries) {
    const key = `${entry.listId}#${entry.index}`;
    assert.ok(!seen.has(key), `duplicate entry ${key}`);
    seen.add(key);
    assert.ok(Number.isSafeInteger(entry.index) && entry.index >= 0 && entry.index < length);
    assert.equal(entry.listUrl, `${PUBLIC_URL}/status/${entry.listId}`);
    byList.set(entry.listId, (byList.get(entry.listId) ?? 0) + 1);
  }
  return byList;
};

const listRows = (db: Database) =>
  db.kysely
    .selectFrom('status_lists')
    .select(['id', 'issuer_profile_id', 'purpose', 'sequence', 'length', 'allocated'])
    .orderBy('issuer_profile_id')
    .orderBy('purpose')
    .orderBy('sequence')
    .execute();

/** A second connection to the same database (another process, as far as locking goes). */
const openSecondConnection = (db: Database): Database | undefined => {
  const match = /^sqlite:(.+)$/.exec(db.description);
  return db.dialect === 'sqlite' && match?.[1] !== undefined
    ? openDatabase({ dialect: 'sqlite', file: match[1] })
    : undefined; // PostgreSQL: the pool's connections already run the calls concurrently
};

describe('allocateStatusEntries', () => {
  forEachDatabase('hands out 20,000 unique entries across list rollovers', async (db) => {
    const ISSUER = await profileIn(db);
    const length = 4096; // TEST-ONLY list length (published lists have 131,072)
    const entries: AllocatedStatusEntry[] = [];
    for (const count of [1, 999, 3000, 10_000, 6000]) {
      const got = await allocateStatusEntries(db, {
        publicUrl: PUBLIC_URL,
        issuerProfileId: ISSUER,
        purpose: 'revocation',
        count,
        testListLength: length,
      });
      assert.equal(got.length, count);
      entries.push(...got);
    }
    assert.equal(entries.length, 20_000);
    const byList = assertUnique(entries, length);
    const rows = await listRows(db);
    assert.deepEqual(
      rows.map((row) => [row.sequence, row.allocated, row.length]),
      [
        [1, 4096, 4096],
        [2, 4096, 4096],
        [3, 4096, 4096],
        [4, 4096, 4096],
        [5, 20_000 - 4 * 4096, 4096],
      ],
    );
    for (const row of rows) assert.equal(byList.get(row.id), row.allocated);
    // A full list's entries are exactly every index of it.
    const first = entries.filter((entry) => entry.listId === rows[0]?.id).map((e) => e.index);
    assert.deepEqual(
      [...first].sort((a, b) => a - b),
      Array.from({ length }, (_, i) => i),
    );
    // …handed out in a random-looking order.
    assert.notDeepEqual(
      first.slice(0, 100),
      [...first.slice(0, 100)].sort((a, b) => a - b),
    );
  });

  forEachDatabase('keeps issuers and purposes apart', async (db) => {
    const allocate = (issuerProfileId: string, purpose: 'revocation' | 'suspension') =>
      allocateStatusEntries(db, { publicUrl: PUBLIC_URL, issuerProfileId, purpose, count: 3 });
    const [first, second] = [await profileIn(db), await profileIn(db)];
    const a = await allocate(first, 'revocation');
    const b = await allocate(first, 'suspension');
    const c = await allocate(second, 'revocation');
    assert.equal(new Set([...a, ...b, ...c].map((entry) => entry.listId)).size, 3);
    assert.ok(b.every((entry) => entry.purpose === 'suspension'));
    const rows = await listRows(db);
    assert.equal(rows.length, 3);
    assert.ok(rows.every((row) => row.length === 131_072 && row.allocated === 3));
  });

  forEachDatabase(
    'concurrent callers never share an entry, even when racing to roll over',
    async (db) => {
      const length = 1024; // TEST-ONLY list length
      const ISSUER = await profileIn(db);
      const second = openSecondConnection(db);
      try {
        const calls = Array.from({ length: 24 }, (_, i) =>
          allocateStatusEntries(i % 2 === 0 || second === undefined ? db : second, {
            publicUrl: PUBLIC_URL,
            issuerProfileId: ISSUER,
            purpose: 'suspension',
            count: 100 + i * 7,
            testListLength: length,
          }),
        );
        const results = await Promise.all(calls);
        const entries = results.flat();
        const total = Array.from({ length: 24 }, (_, i) => 100 + i * 7).reduce((s, n) => s + n);
        assert.equal(entries.length, total);
        const byList = assertUnique(entries, length);
        const rows = await listRows(db);
        // No duplicate list, no gap: lists 1…n, all full but the last.
        assert.deepEqual(
          rows.map((row) => row.sequence),
          Array.from({ length: Math.ceil(total / length) }, (_, i) => i + 1),
        );
        for (const [i, row] of rows.entries()) {
          assert.equal(
            row.allocated,
            i < rows.length - 1 ? length : total - (rows.length - 1) * length,
          );
          assert.equal(byList.get(row.id), row.allocated);
        }
      } finally {
        await second?.close();
      }
    },
  );

  forEachDatabase('allocates 10,000 entries in one call quickly', async (db) => {
    const ISSUER = await profileIn(db);
    const started = performance.now();
    const entries = await allocateStatusEntries(db, {
      publicUrl: PUBLIC_URL,
      issuerProfileId: ISSUER,
      purpose: 'revocation',
      count: MAX_STATUS_ENTRIES_PER_CALL,
    });
    const elapsed = performance.now() - started;
    assertUnique(entries, 131_072);
    assert.ok(elapsed < 2000, `took ${elapsed} ms`);
  });

  forEachDatabase('joins a caller transaction: a rollback gives the counters back', async (db) => {
    const ISSUER = await profileIn(db);
    const input = {
      publicUrl: PUBLIC_URL,
      issuerProfileId: ISSUER,
      purpose: 'revocation' as const,
      count: 5,
    };
    await allocateStatusEntries(db, input);
    await assert.rejects(
      runInTransaction(db, async (tx) => {
        assert.equal((await allocateStatusEntries(tx, input)).length, 5);
        throw new Error('rolled back');
      }),
      /rolled back/,
    );
    const rows = await listRows(db);
    assert.deepEqual(
      rows.map((row) => row.allocated),
      [5],
    );
  });

  it('refuses a bad count, purpose or test length', async () => {
    const db = {} as Database;
    const base = { publicUrl: PUBLIC_URL, issuerProfileId: 'p', purpose: 'revocation' as const };
    for (const count of [0, -1, 1.5, MAX_STATUS_ENTRIES_PER_CALL + 1]) {
      await assert.rejects(allocateStatusEntries(db, { ...base, count }), TypeError);
    }
    await assert.rejects(
      allocateStatusEntries(db, { ...base, count: 1, purpose: 'refresh' as 'revocation' }),
      TypeError,
    );
    await assert.rejects(
      allocateStatusEntries(db, { ...base, count: 1, testListLength: 12 }),
      TypeError,
    );
  });

  it('builds the BitstringStatusListEntry of an entry', () => {
    const listUrl = `${PUBLIC_URL}/status/list-1`;
    assert.deepEqual(
      buildStatusEntryObject({ listId: 'list-1', listUrl, index: 94_567, purpose: 'suspension' }),
      {
        id: `${listUrl}#94567`,
        type: 'BitstringStatusListEntry',
        statusPurpose: 'suspension',
        statusListIndex: '94567',
        statusListCredential: listUrl,
      },
    );
  });
});
