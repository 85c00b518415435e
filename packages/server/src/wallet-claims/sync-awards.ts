/**
 * Brings into a learner's wallet every award made to one of the account's verified e-mail
 * addresses (ADR 0010): `users.email` once confirmed and every confirmed `user_emails` row.
 *
 * 1. One query finds the candidates: awards whose `recipient_email` (kept as typed) equals one of
 *    the addresses after ASCII lower-casing, that are in no wallet (a live row anywhere) and that
 *    this account has not removed (its removed rows stay as tombstones).
 * 2. Each candidate is confirmed by recomputing the credential's salted identity hash
 *    (`recipient_identity` with `recipient_salt`) from the address: a row whose hash does not
 *    match is skipped, so the match rests on what the credential says, not on a column.
 * 3. One batch insert adds them; `(user_id, dedupe_key)` conflicts are skipped, so concurrent
 *    calls (two tabs reading the wallet) never add a badge twice.
 *
 * No address is written anywhere new. Returns the number of badges added.
 */
import { matchIdentityObject, normalizeEmail } from '@akashi/core';
import { sql } from 'kysely';
import type { Database } from '../db/open-database.js';
import type { AppContext } from '../http/app-context.js';
import type { WalletCredentialsTable } from '../wallet/wallet-tables.js';
import { AWARD_FOR_WALLET_COLUMNS, buildAwardWalletRow } from './award-wallet-row.js';

/** Rows per insert: 32 columns × 200 stays well under SQLite's 32,766 bound parameters. */
const INSERT_CHUNK = 200;

/** The account's verified addresses, ASCII lower-cased (as `users.email` is stored). */
export const readVerifiedAddresses = async (db: Database, userId: string): Promise<string[]> => {
  const user = await db.kysely
    .selectFrom('users')
    .select(['email', 'email_verified_at'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (user === undefined) return [];
  const others = await db.kysely
    .selectFrom('user_emails')
    .select('email')
    .where('user_id', '=', userId)
    .where('verified_at', 'is not', null)
    .execute();
  const addresses = [
    ...(user.email_verified_at === null ? [] : [user.email]),
    ...others.map((row) => row.email),
  ];
  return [...new Set(addresses.map(normalizeEmail))];
};

/** Adds the account's not-yet-held awards to its wallet; the number added. */
export const syncAwardsIntoWallet = async (
  context: AppContext,
  userId: string,
): Promise<number> => {
  const { db } = context;
  const addresses = await readVerifiedAddresses(db, userId);
  if (addresses.length === 0) return 0;
  const candidates = await db.kysely
    .selectFrom('awards')
    .select([
      ...AWARD_FOR_WALLET_COLUMNS,
      'recipient_email',
      'recipient_identity',
      'recipient_salt',
    ])
    .where(sql<string>`lower(${sql.ref('awards.recipient_email')})`, 'in', addresses)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('wallet_credentials')
            .select('wallet_credentials.id')
            .whereRef('wallet_credentials.award_id', '=', 'awards.id')
            .where((inner) =>
              inner.or([
                inner('wallet_credentials.removed_at', 'is', null),
                inner('wallet_credentials.user_id', '=', userId),
              ]),
            ),
        ),
      ),
    )
    .execute();
  const wanted = new Set(addresses);
  const now = context.clock();
  const rows: WalletCredentialsTable[] = candidates
    .filter((award) => {
      const address = normalizeEmail(award.recipient_email);
      return (
        wanted.has(address) &&
        matchIdentityObject(
          {
            hashed: true,
            identityType: 'emailAddress',
            identityHash: award.recipient_identity,
            salt: award.recipient_salt,
          },
          address,
        )
      );
    })
    .map((award) => buildAwardWalletRow(award, userId, now));
  let added = 0;
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    const inserted = await db.kysely
      .insertInto('wallet_credentials')
      .values(rows.slice(start, start + INSERT_CHUNK))
      .onConflict((conflict) => conflict.columns(['user_id', 'dedupe_key']).doNothing())
      .returning('id')
      .execute();
    added += inserted.length;
  }
  return added;
};
