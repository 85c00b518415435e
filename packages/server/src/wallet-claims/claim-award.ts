/**
 * Claiming an award by the link of its e-mail (ADR 0010): the token proves the link came from the
 * platform, so the award goes into the signed-in account's wallet whatever that account's address
 * (the link was sent to the recipient). An award lives in one wallet: held (not removed) by
 * another account, it is refused; held by this account, the answer is the row it has (a removed
 * one comes back). A revoked or suspended award can be claimed and shows as such.
 *
 * The credential is verified before it is stored (outside the transaction: verification reads
 * our own status lists through the app), so the learner sees a real report at once. Audited as
 * `wallet.claim`.
 */
import type { BadgeVerifier } from '@akashi/core';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import type { Database } from '../db/open-database.js';
import type { AppContext } from '../http/app-context.js';
import { ServerError } from '../http/server-error.js';
import { auditedBy, type CommandOrigin } from '../policy/command-origin.js';
import { decideVerdict } from '../verification/decide-verdict.js';
import type { WalletCredentialsTable } from '../wallet/wallet-tables.js';
import {
  AWARD_FOR_WALLET_COLUMNS,
  buildAwardWalletRow,
  type AwardForWallet,
  type AwardVerification,
} from './award-wallet-row.js';
import { checkClaimToken } from './claim-token.js';

export interface ClaimAwardInput {
  readonly awardId: string;
  readonly token: string;
}

export interface ClaimAwardResult {
  readonly row: WalletCredentialsTable;
  /** True when the award was not in this wallet before (201). */
  readonly created: boolean;
}

const readAward = async (
  db: Database,
  awardId: string,
  lock: boolean,
): Promise<AwardForWallet | undefined> => {
  const query = db.kysely
    .selectFrom('awards')
    .select(AWARD_FOR_WALLET_COLUMNS)
    .where('id', '=', awardId);
  return (lock && db.dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
};

/** The rows holding the award: by award id, and this account's import of the same credential. */
const readHolders = (db: Database, awardId: string, userId: string, dedupeKey: string) =>
  db.kysely
    .selectFrom('wallet_credentials')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('award_id', '=', awardId),
        eb.and([eb('user_id', '=', userId), eb('dedupe_key', '=', dedupeKey)]),
      ]),
    )
    .execute();

const assertNotHeldElsewhere = (
  holders: readonly WalletCredentialsTable[],
  userId: string,
): void => {
  if (holders.some((row) => row.user_id !== userId && row.removed_at === null)) {
    throw new ServerError('ERR_WALLET_CLAIMED_ELSEWHERE');
  }
};

const verifyAward = async (
  verifier: BadgeVerifier,
  award: AwardForWallet,
  now: Date,
): Promise<AwardVerification> => {
  const report = await verifier.verify(JSON.parse(award.credential) as Record<string, unknown>, {
    now,
  });
  return { verdict: decideVerdict(report).verdict, report };
};

export const claimAward = async (
  context: AppContext,
  verifier: BadgeVerifier,
  userId: string,
  input: ClaimAwardInput,
  origin: CommandOrigin,
): Promise<ClaimAwardResult> => {
  const { db } = context;
  // The token first: without it nobody learns whether an award id exists.
  if (!checkClaimToken(context.masterKey.walletClaimKey, input.awardId, input.token)) {
    throw new ServerError('ERR_WALLET_CLAIM_TOKEN');
  }
  const award = await readAward(db, input.awardId, false);
  if (award === undefined) throw new ServerError('ERR_WALLET_AWARD_NOT_FOUND');
  const dedupeKey = buildAwardWalletRow(award, userId, origin.now).dedupe_key;
  const before = await readHolders(db, award.id, userId, dedupeKey);
  assertNotHeldElsewhere(before, userId);
  const verification = before.some((row) => row.user_id === userId)
    ? undefined
    : await verifyAward(verifier, award, origin.now);

  return runInTransaction(db, async (tx) => {
    // Two accounts claiming at once: the award's row is locked (PostgreSQL; SQLite's one
    // connection serialises transactions), so the second sees the first one's row.
    await readAward(tx, award.id, true);
    const holders = await readHolders(tx, award.id, userId, dedupeKey);
    assertNotHeldElsewhere(holders, userId);
    const mine = holders.find((row) => row.user_id === userId);
    const at = origin.now.toISOString();
    let result: ClaimAwardResult;
    if (mine !== undefined) {
      if (mine.removed_at === null && mine.award_id !== null) return { row: mine, created: false };
      // A removed copy comes back; an earlier import of the same credential becomes the award's.
      const changes = { removed_at: null, award_id: award.id, updated_at: at };
      await tx.kysely
        .updateTable('wallet_credentials')
        .set(changes)
        .where('id', '=', mine.id)
        .execute();
      result = { row: { ...mine, ...changes }, created: false };
    } else {
      // Without a report (a copy removed in the meantime) the background re-check verifies it.
      const row = buildAwardWalletRow(award, userId, origin.now, verification);
      await tx.kysely.insertInto('wallet_credentials').values(row).execute();
      result = { row, created: true };
    }
    await recordAuditEvent(
      tx,
      {
        action: 'wallet.claim',
        ...auditedBy(origin),
        targetType: 'wallet-credential',
        targetId: result.row.id,
        details: { awardId: award.id, restored: !result.created },
      },
      origin.now,
    );
    return result;
  });
};
