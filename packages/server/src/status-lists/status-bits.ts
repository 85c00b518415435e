/**
 * Reads and writes one status bit of a stored list (index 0 = the most significant bit of byte
 * 0, as the spec orders them). A write is a read-modify-write of the list's bytes in one
 * transaction, with the row locked first (`select … for update` on PostgreSQL; on SQLite a first
 * write takes the database's write lock), so concurrent writers to the same list never lose each
 * other's bits. Every change bumps `version`, which makes the next `GET /status/:listId` sign the
 * list afresh. Inside a caller's transaction the write joins it.
 */
import type { Database } from '../db/open-database.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import { ServerError } from '../http/server-error.js';

export interface StatusBitAddress {
  readonly listId: string;
  readonly index: number;
}

export interface SetStatusBitInput extends StatusBitAddress {
  /** true: set (revoked / suspended); false: clear. */
  readonly value: boolean;
  /** The list's new `updated_at` (default: now). */
  readonly now?: Date;
}

const assertIndex = (index: number, length: number): void => {
  if (!Number.isSafeInteger(index) || index < 0 || index >= length) {
    throw new ServerError('ERR_STATUS_LIST_INDEX_RANGE', {
      params: { index: String(index), last: length - 1 },
    });
  }
};

const bitOf = (bits: Uint8Array, index: number): boolean =>
  (((bits[index >>> 3] ?? 0) >>> (7 - (index & 7))) & 1) === 1;

const notFound = (listId: string): ServerError =>
  new ServerError('ERR_STATUS_LIST_NOT_FOUND', { params: { listId } });

/** Whether the bit at `index` is set. `ERR_STATUS_LIST_NOT_FOUND`, `ERR_STATUS_LIST_INDEX_RANGE`. */
export const readStatusBit = async (
  db: Database,
  { listId, index }: StatusBitAddress,
): Promise<boolean> => {
  const row = await db.kysely
    .selectFrom('status_lists')
    .select(['length', 'bits'])
    .where('id', '=', listId)
    .executeTakeFirst();
  if (row === undefined) throw notFound(listId);
  assertIndex(index, row.length);
  return bitOf(row.bits, index);
};

/** Sets or clears a bit; `changed` is false when it already had that value (nothing written). */
export const setStatusBit = (
  db: Database,
  input: SetStatusBitInput,
): Promise<{ changed: boolean }> => {
  const { listId, index, value } = input;
  if (typeof value !== 'boolean') throw new TypeError('"value" must be a boolean.');
  const body = async (tx: Database): Promise<{ changed: boolean }> => {
    if (tx.dialect === 'sqlite') {
      // A write first: the transaction holds SQLite's write lock before it reads the bits.
      await tx.kysely
        .updateTable('status_lists')
        .set((eb) => ({ version: eb.ref('version') }))
        .where('id', '=', listId)
        .execute();
    }
    let query = tx.kysely
      .selectFrom('status_lists')
      .select(['length', 'bits'])
      .where('id', '=', listId);
    if (tx.dialect === 'postgres') query = query.forUpdate();
    const row = await query.executeTakeFirst();
    if (row === undefined) throw notFound(listId);
    assertIndex(index, row.length);
    if (bitOf(row.bits, index) === value) return { changed: false };
    const bits = Buffer.from(row.bits);
    const mask = 0x80 >>> (index & 7);
    const byte = bits[index >>> 3] ?? 0;
    bits[index >>> 3] = value ? byte | mask : byte & ~mask;
    await tx.kysely
      .updateTable('status_lists')
      .set((eb) => ({
        bits,
        version: eb('version', '+', 1),
        updated_at: (input.now ?? new Date()).toISOString(),
      }))
      .where('id', '=', listId)
      .execute();
    return { changed: true };
  };
  return db.kysely.isTransaction ? body(db) : runInTransaction(db, body);
};
