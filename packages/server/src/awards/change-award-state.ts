/**
 * Revoking, suspending and reinstating an award. The row's state and the status bit change in one
 * transaction with the audit event and the webhook event, so that what the platform shows and
 * what verifiers read from the status list never disagree; the signed status list is re-signed
 * on its next request (`status-lists/`), within seconds.
 *
 * - revoke (reason required): permanent. Sets the revocation bit; the OB 2.0 hosted assertion
 *   answers 410 Gone and the issuer's RevocationList lists it.
 * - suspend (reason required) and reinstate: the suspension bit, for suspendable awards only
 *   (`ERR_AWARD_NOT_SUSPENDABLE`).
 */
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import type { Database } from '../db/open-database.js';
import type { AppContext } from '../http/app-context.js';
import { ServerError } from '../http/server-error.js';
import { auditedBy, type CommandOrigin } from '../policy/command-origin.js';
import { setStatusBit } from '../status-lists/status-bits.js';
import { enqueueWebhookEvents } from '../webhooks/webhook-events.js';
import { presentAwardRow, readOrganisationAward, type Award } from './award.js';
import type { AwardState } from './award-tables.js';
import { awardEventData } from './award-events.js';

export type AwardStateChange = 'revoke' | 'suspend' | 'reinstate';

const EVENT_TYPES = {
  revoke: 'award.revoked',
  suspend: 'award.suspended',
  reinstate: 'award.reinstated',
} as const;

/** Reads the award inside the transaction, locked on PostgreSQL. */
const lockAward = async (tx: Database, organisationId: string, awardId: string): Promise<Award> => {
  if (tx.dialect === 'postgres') {
    await tx.kysely
      .selectFrom('awards')
      .select('id')
      .where('id', '=', awardId)
      .forUpdate()
      .execute();
  }
  return readOrganisationAward(tx, organisationId, awardId);
};

export interface ChangeAwardStateInput {
  readonly organisationId: string;
  readonly awardId: string;
  readonly change: AwardStateChange;
  /** Why (required to revoke or suspend); shown on the badge page and sent to webhooks. */
  readonly reason?: string | undefined;
}

export const changeAwardState = (
  context: AppContext,
  input: ChangeAwardStateInput,
  origin: CommandOrigin,
): Promise<Award> =>
  runInTransaction(context.db, async (tx) => {
    const award = await lockAward(tx, input.organisationId, input.awardId);
    const now = origin.now.toISOString();
    const reason = input.reason ?? null;
    let next: { state: AwardState; state_reason: string | null; revoked_at: string | null };
    switch (input.change) {
      case 'revoke':
        if (award.state === 'revoked') throw new ServerError('ERR_AWARD_ALREADY_REVOKED');
        await setStatusBit(tx, { ...award.revocation, value: true });
        if (award.suspension !== undefined && award.state === 'suspended') {
          // Revocation is final: the suspension it replaces is lifted so only one bit speaks.
          await setStatusBit(tx, { ...award.suspension, value: false });
        }
        next = { state: 'revoked', state_reason: reason, revoked_at: now };
        break;
      case 'suspend':
        if (award.state !== 'active')
          throw new ServerError('ERR_AWARD_NOT_ACTIVE', { params: { state: award.state } });
        if (award.suspension === undefined) throw new ServerError('ERR_AWARD_NOT_SUSPENDABLE');
        await setStatusBit(tx, { ...award.suspension, value: true });
        next = { state: 'suspended', state_reason: reason, revoked_at: null };
        break;
      case 'reinstate':
        if (award.state !== 'suspended' || award.suspension === undefined)
          throw new ServerError('ERR_AWARD_NOT_SUSPENDED', { params: { state: award.state } });
        await setStatusBit(tx, { ...award.suspension, value: false });
        next = { state: 'active', state_reason: null, revoked_at: null };
        break;
    }
    const row = await tx.kysely
      .updateTable('awards')
      .set({ ...next, updated_at: now })
      .where('id', '=', award.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const changed = presentAwardRow(row);
    await recordAuditEvent(
      tx,
      {
        action: `award.${input.change}`,
        ...auditedBy(origin),
        organisationId: award.organisationId,
        targetType: 'award',
        targetId: award.id,
        details: { from: award.state, to: changed.state, ...(reason === null ? {} : { reason }) },
      },
      origin.now,
    );
    await enqueueWebhookEvents(tx, [
      {
        organisationId: award.organisationId,
        type: EVENT_TYPES[input.change],
        data: awardEventData(changed, context.config.publicUrl),
        occurredAt: origin.now,
      },
    ]);
    return changed;
  });
