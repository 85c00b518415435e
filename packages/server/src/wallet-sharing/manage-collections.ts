/**
 * A learner's collections: named, ordered groups of their own wallet badges. Positions are kept
 * dense (0, 1, 2 …): a move or a deletion renumbers the others. A collection only ever lists the
 * account's own badges that are not removed; deleting a collection leaves its badges in the
 * wallet. Every query is scoped to the account, so another account's collection is "not found".
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/open-database.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import { ServerError, type FieldError } from '../http/server-error.js';
import type { WalletCollectionsTable } from '../wallet/wallet-tables.js';
import type {
  Collection,
  CreateCollectionBody,
  SetCollectionItemsBody,
  UpdateCollectionBody,
} from './wallet-sharing-schemas.js';

/** The most collections one wallet holds. */
export const MAX_COLLECTIONS = 100;

type CollectionRow = WalletCollectionsTable;

/** Each collection's badges in order (not removed ones). */
const readItems = async (
  db: Database,
  collectionIds: readonly string[],
): Promise<Map<string, string[]>> => {
  const items = new Map<string, string[]>(collectionIds.map((id) => [id, []]));
  if (collectionIds.length === 0) return items;
  const rows = await db.kysely
    .selectFrom('wallet_collection_items')
    .innerJoin(
      'wallet_credentials',
      'wallet_credentials.id',
      'wallet_collection_items.wallet_credential_id',
    )
    .select([
      'wallet_collection_items.collection_id as collectionId',
      'wallet_credentials.id as id',
    ])
    .where('wallet_collection_items.collection_id', 'in', collectionIds)
    .where('wallet_credentials.removed_at', 'is', null)
    .orderBy('wallet_collection_items.collection_id')
    .orderBy('wallet_collection_items.position')
    .execute();
  for (const row of rows) items.get(row.collectionId)?.push(row.id);
  return items;
};

const present = (row: CollectionRow, credentialIds: readonly string[]): Collection => ({
  id: row.id,
  name: row.name,
  description: row.description,
  visibility: row.visibility,
  position: row.position,
  count: credentialIds.length,
  credentialIds: [...credentialIds],
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const readRows = (db: Database, userId: string): Promise<CollectionRow[]> =>
  db.kysely
    .selectFrom('wallet_collections')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('position')
    .orderBy('created_at')
    .execute();

const readOwnRow = async (db: Database, userId: string, id: string): Promise<CollectionRow> => {
  const row = await db.kysely
    .selectFrom('wallet_collections')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (row === undefined) throw new ServerError('ERR_WALLET_COLLECTION_NOT_FOUND');
  return row;
};

/** One collection of the account, with its badges. */
export const readCollection = async (
  db: Database,
  userId: string,
  id: string,
): Promise<Collection> => {
  const row = await readOwnRow(db, userId, id);
  const items = await readItems(db, [id]);
  return present(row, items.get(id) ?? []);
};

export const listCollections = async (db: Database, userId: string): Promise<Collection[]> => {
  const rows = await readRows(db, userId);
  const items = await readItems(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => present(row, items.get(row.id) ?? []));
};

/** Writes positions 0…n-1 in the order given, where they changed. */
const renumber = async (
  db: Database,
  rows: readonly CollectionRow[],
  now: string,
): Promise<void> => {
  for (const [index, row] of rows.entries()) {
    if (row.position === index) continue;
    await db.kysely
      .updateTable('wallet_collections')
      .set({ position: index, updated_at: now })
      .where('id', '=', row.id)
      .execute();
  }
};

export const createCollection = (
  db: Database,
  userId: string,
  body: CreateCollectionBody,
  now: Date,
): Promise<Collection> =>
  runInTransaction(db, async (tx) => {
    const rows = await readRows(tx, userId);
    if (rows.length >= MAX_COLLECTIONS) {
      throw new ServerError('ERR_WALLET_COLLECTION_LIMIT', { params: { limit: MAX_COLLECTIONS } });
    }
    await renumber(tx, rows, now.toISOString());
    const id = randomUUID();
    await tx.kysely
      .insertInto('wallet_collections')
      .values({
        id,
        user_id: userId,
        name: body.name,
        description:
          body.description === undefined || body.description === '' ? null : body.description,
        visibility: 'private',
        position: rows.length,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .execute();
    return readCollection(tx, userId, id);
  });

const positionError = (count: number): ServerError =>
  new ServerError('ERR_HTTP_VALIDATION', {
    fields: [
      {
        in: 'body',
        path: '/position',
        message: {
          en: `must be between 0 and ${String(count - 1)}`,
          ja: `0 から ${String(count - 1)} までの値を指定してください`,
        },
      },
    ],
  });

export const updateCollection = (
  db: Database,
  userId: string,
  id: string,
  body: UpdateCollectionBody,
  now: Date,
): Promise<Collection> =>
  runInTransaction(db, async (tx) => {
    const row = await readOwnRow(tx, userId, id);
    const at = now.toISOString();
    await tx.kysely
      .updateTable('wallet_collections')
      .set({
        ...(body.name === undefined ? {} : { name: body.name }),
        ...(body.description === undefined
          ? {}
          : { description: body.description === '' ? null : body.description }),
        ...(body.visibility === undefined ? {} : { visibility: body.visibility }),
        updated_at: at,
      })
      .where('id', '=', row.id)
      .execute();
    if (body.position !== undefined) {
      const rows = await readRows(tx, userId);
      if (body.position >= rows.length) throw positionError(rows.length);
      const others = rows.filter((other) => other.id !== row.id);
      const moved = rows.find((other) => other.id === row.id) ?? row;
      await renumber(
        tx,
        [...others.slice(0, body.position), moved, ...others.slice(body.position)],
        at,
      );
    }
    return readCollection(tx, userId, id);
  });

export const deleteCollection = (
  db: Database,
  userId: string,
  id: string,
  now: Date,
): Promise<void> =>
  runInTransaction(db, async (tx) => {
    await readOwnRow(tx, userId, id);
    await tx.kysely.deleteFrom('wallet_collection_items').where('collection_id', '=', id).execute();
    await tx.kysely.deleteFrom('wallet_collections').where('id', '=', id).execute();
    await renumber(tx, await readRows(tx, userId), now.toISOString());
  });

const itemError = (index: number, en: string, ja: string): FieldError => ({
  in: 'body',
  path: `/credentialIds/${String(index)}`,
  message: { en, ja },
});

/** Replaces the collection's badges with these, in this order. */
export const setCollectionItems = (
  db: Database,
  userId: string,
  id: string,
  body: SetCollectionItemsBody,
  now: Date,
): Promise<Collection> =>
  runInTransaction(db, async (tx) => {
    await readOwnRow(tx, userId, id);
    const ids = body.credentialIds;
    const seen = new Set<string>();
    const duplicates: FieldError[] = [];
    for (const [index, credentialId] of ids.entries()) {
      if (seen.has(credentialId)) {
        duplicates.push(
          itemError(index, 'is listed more than once', '同じバッジがすでに指定されています'),
        );
      }
      seen.add(credentialId);
    }
    if (duplicates.length > 0) {
      throw new ServerError('ERR_WALLET_COLLECTION_ITEM_DUPLICATE', { fields: duplicates });
    }
    const own =
      ids.length === 0
        ? []
        : await tx.kysely
            .selectFrom('wallet_credentials')
            .select('id')
            .where('user_id', '=', userId)
            .where('removed_at', 'is', null)
            .where('id', 'in', ids)
            .execute();
    const owned = new Set(own.map((row) => row.id));
    const unknown = ids.flatMap((credentialId, index) =>
      owned.has(credentialId)
        ? []
        : [itemError(index, 'is not a badge in your wallet', 'ウォレットにないバッジです')],
    );
    if (unknown.length > 0) {
      throw new ServerError('ERR_WALLET_COLLECTION_ITEM_UNKNOWN', { fields: unknown });
    }
    await tx.kysely.deleteFrom('wallet_collection_items').where('collection_id', '=', id).execute();
    if (ids.length > 0) {
      await tx.kysely
        .insertInto('wallet_collection_items')
        .values(
          ids.map((credentialId, position) => ({
            collection_id: id,
            wallet_credential_id: credentialId,
            position,
          })),
        )
        .execute();
    }
    await tx.kysely
      .updateTable('wallet_collections')
      .set({ updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    return readCollection(tx, userId, id);
  });
