/**
 * A learner's wallet, one page at a time: only the account's own rows, never removed ones;
 * filtered by status, collection and a case-insensitive search over the name, issuer name and
 * description (LIKE on `lower()`, the same on SQLite and PostgreSQL); sorted by when it was
 * added, issued, its name or its issuer; paged with an opaque keyset cursor (the sort value and
 * the id), so that new imports do not shift the pages.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../db/open-database.js';
import { ServerError } from '../http/server-error.js';
import type { WalletListQuery, WalletSort } from './wallet-schemas.js';
import { presentWalletSummary, type WalletCredentialSummary } from './wallet-summary.js';

export interface WalletPage {
  readonly items: WalletCredentialSummary[];
  readonly nextCursor: string | null;
  readonly total: number;
  readonly changed: number;
}

/** `text` for a LIKE pattern: its own `%`, `_` and `\\` match themselves. */
const likeEscape = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The value a sort orders by, never null (so both databases order the same way). */
const sortKey = (sort: WalletSort): RawBuilder<string> => {
  switch (sort) {
    case 'added':
      return sql<string>`created_at`;
    case 'issued':
      return sql<string>`coalesce(issued_at, '')`;
    case 'name':
      return sql<string>`coalesce(lower(achievement_name), '')`;
    case 'issuer':
      return sql<string>`coalesce(lower(issuer_name), '')`;
  }
};

const badCursor = () =>
  new ServerError('ERR_WALLET_CURSOR_INVALID', {
    fields: [
      {
        in: 'querystring',
        path: '/cursor',
        message: {
          en: 'is not a cursor of this list (with these sort settings)',
          ja: 'この一覧（この並べ替え）のカーソルではありません',
        },
      },
    ],
  });

const encodeCursor = (sort: WalletSort, order: string, value: string, id: string): string =>
  Buffer.from(JSON.stringify([sort, order, value, id]), 'utf8').toString('base64url');

const decodeCursor = (cursor: string, sort: WalletSort, order: string): [string, string] => {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (
    Array.isArray(value) &&
    value.length === 4 &&
    value[0] === sort &&
    value[1] === order &&
    typeof value[2] === 'string' &&
    typeof value[3] === 'string'
  ) {
    return [value[2], value[3]];
  }
  throw badCursor();
};

export const listWalletCredentials = async (
  db: Database,
  userId: string,
  query: WalletListQuery,
): Promise<WalletPage> => {
  const sort = query.sort ?? 'added';
  const order = query.order ?? (sort === 'added' || sort === 'issued' ? 'desc' : 'asc');
  const limit = query.limit ?? 50;
  const key = sortKey(sort);

  let filtered = db.kysely
    .selectFrom('wallet_credentials')
    .where('user_id', '=', userId)
    .where('removed_at', 'is', null);
  if (query.status !== undefined) filtered = filtered.where('status', '=', query.status);
  const q = query.q?.trim() ?? '';
  if (q !== '') {
    const pattern = `%${likeEscape(q.toLowerCase())}%`;
    filtered = filtered.where((eb) =>
      eb.or(
        (['achievement_name', 'issuer_name', 'description'] as const).map(
          (column) => sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`,
        ),
      ),
    );
  }
  if (query.collection !== undefined) {
    const collectionId = query.collection;
    filtered = filtered.where('id', 'in', (eb) =>
      eb
        .selectFrom('wallet_collection_items as item')
        .innerJoin('wallet_collections as collection', 'collection.id', 'item.collection_id')
        .select('item.wallet_credential_id')
        .where('item.collection_id', '=', collectionId)
        .where('collection.user_id', '=', userId),
    );
  }

  const counted = await filtered
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .executeTakeFirst();
  const changedRow = await db.kysely
    .selectFrom('wallet_credentials')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('user_id', '=', userId)
    .where('removed_at', 'is', null)
    .where('previous_status', 'is not', null)
    .executeTakeFirst();

  let paged = filtered.selectAll().select(key.as('sort_key'));
  if (query.cursor !== undefined) {
    const [value, id] = decodeCursor(query.cursor, sort, order);
    const after = order === 'asc' ? '>' : '<';
    paged = paged.where((eb) =>
      eb.or([eb(key, after, value), eb.and([eb(key, '=', value), eb('id', after, id)])]),
    );
  }
  const rows = await paged
    .orderBy(key, order)
    .orderBy('id', order)
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(({ sort_key: _key, ...row }) => presentWalletSummary(row)),
    nextCursor:
      rows.length > limit && last !== undefined
        ? encodeCursor(sort, order, last.sort_key, last.id)
        : null,
    total: Number(counted?.count ?? 0),
    changed: Number(changedRow?.count ?? 0),
  };
};
