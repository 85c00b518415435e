/**
 * Re-issuing an award: a new credential for the same person and achievement (the achievement as
 * it is now, e.g. after a correction), keeping the original award date, linked both ways to the
 * old one, which is revoked with the reason "re-issued". Corrections to the recipient's name or
 * e-mail address, the validity or the evidence may come with it.
 *
 * Safe to retry: the new award's idempotency key is `reissue:<old id>`, so a second call (after a
 * crash between the two steps, or a double click) finishes the job instead of issuing twice.
 */
import { runInTransaction } from '../db/run-in-transaction.js';
import type { AppContext } from '../http/app-context.js';
import { ServerError } from '../http/server-error.js';
import type { CommandOrigin } from '../policy/command-origin.js';
import { presentAwardRow, readOrganisationAward, type Award } from './award.js';
import type { AwardInput } from './award-input.js';
import { changeAwardState } from './change-award-state.js';
import { issueAward } from './issue-awards.js';

export type ReissueChanges = Partial<
  Pick<
    AwardInput,
    'recipient' | 'validUntil' | 'evidence' | 'narrative' | 'suspendable' | 'notify' | 'locale'
  >
>;

export const REISSUE_REASON = 're-issued';

export const reissueAward = async (
  context: AppContext,
  organisationId: string,
  awardId: string,
  changes: ReissueChanges,
  origin: CommandOrigin,
): Promise<{ readonly award: Award; readonly previous: Award }> => {
  const old = await readOrganisationAward(context.db, organisationId, awardId);
  const key = `reissue:${old.id}`;
  if (old.replacedByAwardId !== null) {
    throw new ServerError('ERR_AWARD_REPLACED', { params: { replacement: old.replacedByAwardId } });
  }
  if (old.state === 'revoked' && old.stateReason !== REISSUE_REASON) {
    throw new ServerError('ERR_AWARD_ALREADY_REVOKED');
  }
  const { recipient } = old;
  const input: AwardInput = {
    recipient: changes.recipient ?? {
      email: recipient.email,
      ...(recipient.name === null ? {} : { name: recipient.name }),
      ...(recipient.nameKana === null ? {} : { nameKana: recipient.nameKana }),
      ...(recipient.nameRomaji === null ? {} : { nameRomaji: recipient.nameRomaji }),
      ...(recipient.did === null ? {} : { did: recipient.did }),
    },
    idempotencyKey: key,
    awardedDate: old.awardedAt,
    ...(old.externalId === null ? {} : { externalId: old.externalId }),
    ...(changes.validUntil !== undefined
      ? { validUntil: changes.validUntil }
      : old.validUntil === null
        ? {}
        : { validUntil: old.validUntil }),
    evidence: changes.evidence ?? old.evidence,
    ...(changes.narrative !== undefined
      ? { narrative: changes.narrative }
      : old.narrative === null
        ? {}
        : { narrative: old.narrative }),
    suspendable: changes.suspendable ?? old.suspension !== undefined,
    locale: changes.locale ?? old.locale,
    notify: changes.notify ?? true,
  };
  const { award: fresh } = await issueAward(
    context,
    { organisationId, achievementId: old.achievementId, input },
    origin,
  );
  if (old.state !== 'revoked') {
    await changeAwardState(
      context,
      { organisationId, awardId: old.id, change: 'revoke', reason: REISSUE_REASON },
      origin,
    );
  }
  return runInTransaction(context.db, async (tx) => {
    const now = origin.now.toISOString();
    const previous = await tx.kysely
      .updateTable('awards')
      .set({ replaced_by_award_id: fresh.id, updated_at: now })
      .where('id', '=', old.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const award = await tx.kysely
      .updateTable('awards')
      .set({ replaces_award_id: old.id, updated_at: now })
      .where('id', '=', fresh.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { award: presentAwardRow(award), previous: presentAwardRow(previous) };
  });
};
