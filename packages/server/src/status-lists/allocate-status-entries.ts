/**
 * Hands out status entries (list + index) for new credentials: atomic across processes and
 * cheap in bulk. Each list keeps a counter (`allocated`); a call claims a run of counters with
 * one `update … set allocated = allocated + n where allocated + n <= length returning allocated`,
 * which PostgreSQL and SQLite both apply atomically, so two processes never get the same
 * counter. Counter `c` becomes index `permute(c)` under the list's secret key
 * (`status-index-permutation.ts`): random-looking indexes (herd privacy) that never collide.
 *
 * When the current list (the issuer's highest `sequence` for the purpose) is full, the next one
 * is created with `on conflict do nothing` on the unique (issuer, purpose, sequence): of two
 * racing processes one creates it and both carry on with it, nothing is lost or doubled. A call
 * that needs more entries than the current list has left takes the rest and goes on in the next.
 *
 * It may run inside the caller's transaction (its statements never fail on a race); outside one,
 * counters claimed by a request that fails later are simply never used.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { MIN_STATUS_LIST_LENGTH } from '@akashi/core';
import type { Database } from '../db/open-database.js';
import {
  createStatusIndexPermutation,
  MAX_PERMUTED_LENGTH,
  type StatusIndexPermutation,
} from './status-index-permutation.js';
import { statusListUrl, type AllocatedStatusEntry } from './status-entry.js';
import type { StatusPurpose } from './status-list-tables.js';

const STATUS_PURPOSES: readonly StatusPurpose[] = ['revocation', 'suspension'];

/** The most entries one call hands out (a bulk job asks in chunks of at most this). */
export const MAX_STATUS_ENTRIES_PER_CALL = 10_000;

export interface AllocateStatusEntriesInput {
  /** `config.publicUrl`: the entries' `listUrl` is `${publicUrl}/status/${listId}`. */
  readonly publicUrl: string;
  readonly issuerProfileId: string;
  readonly purpose: StatusPurpose;
  /** 1 to {@link MAX_STATUS_ENTRIES_PER_CALL}. */
  readonly count: number;
  /**
   * TESTS ONLY: the length of any list this call creates (a multiple of 8). Published lists must
   * keep the default, 131,072 (core `MIN_STATUS_LIST_LENGTH`, the spec's minimum); verifiers
   * refuse shorter lists. Lists that already exist keep their own length.
   */
  readonly testListLength?: number;
  /** The creation time of a new list (default: now). */
  readonly now?: Date;
}

interface CurrentList {
  readonly id: string;
  readonly sequence: number;
  readonly length: number;
  readonly allocated: number;
  readonly permutation_key: string;
}

/** Permutations by list id: their round tables are built once per list and process. */
const permutations = new Map<string, StatusIndexPermutation>();
const MAX_CACHED_PERMUTATIONS = 256;

const permutationOf = (list: CurrentList): StatusIndexPermutation => {
  let permutation = permutations.get(list.id);
  if (permutation === undefined) {
    permutation = createStatusIndexPermutation(
      Buffer.from(list.permutation_key, 'hex'),
      list.length,
    );
    if (permutations.size >= MAX_CACHED_PERMUTATIONS) permutations.clear();
    permutations.set(list.id, permutation);
  }
  return permutation;
};

const readCurrentList = (
  db: Database,
  issuerProfileId: string,
  purpose: StatusPurpose,
): Promise<CurrentList | undefined> =>
  db.kysely
    .selectFrom('status_lists')
    .select(['id', 'sequence', 'length', 'allocated', 'permutation_key'])
    .where('issuer_profile_id', '=', issuerProfileId)
    .where('purpose', '=', purpose)
    .orderBy('sequence', 'desc')
    .limit(1)
    .executeTakeFirst();

/** Creates list number `sequence` unless another process already has (then does nothing). */
const createList = async (
  db: Database,
  issuerProfileId: string,
  purpose: StatusPurpose,
  sequence: number,
  length: number,
  now: Date,
): Promise<void> => {
  const at = now.toISOString();
  await db.kysely
    .insertInto('status_lists')
    .values({
      id: randomUUID(),
      issuer_profile_id: issuerProfileId,
      purpose,
      sequence,
      length,
      allocated: 0,
      permutation_key: randomBytes(32).toString('hex'),
      bits: Buffer.alloc(length / 8),
      version: 0,
      signed_credential: null,
      signed_version: null,
      signed_at: null,
      etag: null,
      created_at: at,
      updated_at: at,
    })
    .onConflict((conflict) =>
      conflict.columns(['issuer_profile_id', 'purpose', 'sequence']).doNothing(),
    )
    .execute();
};

/** Claims `take` counters of the list; the first one, or undefined when they are gone. */
const claim = async (
  db: Database,
  list: CurrentList,
  take: number,
): Promise<number | undefined> => {
  const row = await db.kysely
    .updateTable('status_lists')
    .set((eb) => ({ allocated: eb('allocated', '+', take) }))
    .where('id', '=', list.id)
    .where((eb) => eb(eb('allocated', '+', take), '<=', eb.ref('length')))
    .returning('allocated')
    .executeTakeFirst();
  return row === undefined ? undefined : row.allocated - take;
};

const assertInput = (input: AllocateStatusEntriesInput): void => {
  const { count, purpose, testListLength } = input;
  if (!Number.isSafeInteger(count) || count < 1 || count > MAX_STATUS_ENTRIES_PER_CALL) {
    throw new TypeError(
      `"count" must be an integer from 1 to ${MAX_STATUS_ENTRIES_PER_CALL}; got ${String(count)}.`,
    );
  }
  // Callers may be untyped (a job's JSON): check what the type promises.
  if (!(STATUS_PURPOSES as readonly string[]).includes(purpose)) {
    throw new TypeError(`"purpose" must be "revocation" or "suspension"; got ${purpose}.`);
  }
  if (typeof input.issuerProfileId !== 'string' || input.issuerProfileId === '') {
    throw new TypeError('"issuerProfileId" must be a non-empty string.');
  }
  if (
    testListLength !== undefined &&
    (!Number.isSafeInteger(testListLength) ||
      testListLength < 8 ||
      testListLength % 8 !== 0 ||
      testListLength > MAX_PERMUTED_LENGTH)
  ) {
    throw new TypeError(`"testListLength" must be a positive multiple of 8.`);
  }
};

/** Bounds the retries of a call that keeps losing races (each lost race is another's progress). */
const MAX_ROUNDS = 10_000;

/**
 * `count` fresh status entries for credentials of `issuerProfileId`, in counter order; every
 * entry is unique across processes and calls, and none is ever handed out twice.
 */
export const allocateStatusEntries = async (
  db: Database,
  input: AllocateStatusEntriesInput,
): Promise<AllocatedStatusEntry[]> => {
  assertInput(input);
  const { publicUrl, issuerProfileId, purpose, count } = input;
  const newLength = input.testListLength ?? MIN_STATUS_LIST_LENGTH;
  const entries: AllocatedStatusEntry[] = [];
  for (let round = 0; entries.length < count; round += 1) {
    if (round >= MAX_ROUNDS) throw new Error('allocateStatusEntries: too many lost races');
    const list = await readCurrentList(db, issuerProfileId, purpose);
    if (list === undefined || list.allocated >= list.length) {
      const sequence = list === undefined ? 1 : list.sequence + 1;
      await createList(db, issuerProfileId, purpose, sequence, newLength, input.now ?? new Date());
      continue;
    }
    const take = Math.min(count - entries.length, list.length - list.allocated);
    const first = await claim(db, list, take);
    if (first === undefined) continue; // another process took some: read the list again
    const permute = permutationOf(list);
    const listUrl = statusListUrl(publicUrl, list.id);
    for (let counter = first; counter < first + take; counter += 1) {
      entries.push({ listId: list.id, listUrl, index: permute(counter), purpose });
    }
  }
  return entries;
};
