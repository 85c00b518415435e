/**
 * Member vetting, step two: an operator approves or rejects a pending application. Approving
 * makes the applicant the organisation's first `org_admin` and puts the organisation on the
 * public list (its approval date is `decided_at`); rejecting records the reason, which the
 * applicant can read. Both are audited (`org.approve`, `org.reject`). A decided application
 * cannot be decided again (`ERR_ORG_NOT_PENDING`).
 */
import { randomUUID } from 'node:crypto';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Database } from '../db/open-database.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import { ServerError } from '../http/server-error.js';
import { auditedBy, type CommandOrigin } from '../policy/command-origin.js';
import type { OrganisationRow } from './present-organisation.js';
import { readOrganisation } from './read-organisation.js';

type Decision =
  | { readonly status: 'approved'; readonly note: string | null }
  | { readonly status: 'rejected'; readonly reason: string };

const decide = (
  db: Database,
  organisationId: string,
  decision: Decision,
  origin: CommandOrigin,
): Promise<OrganisationRow> =>
  runInTransaction(db, async (tx) => {
    const now = origin.now.toISOString();
    const deciderId = origin.actor.kind === 'user' ? origin.actor.userId : null;
    const reason = decision.status === 'approved' ? decision.note : decision.reason;
    // The status condition makes two concurrent decisions safe: only one updates the row.
    const result = await tx.kysely
      .updateTable('organisations')
      .set({
        status: decision.status,
        decision_reason: reason,
        decided_by: deciderId,
        decided_at: now,
        updated_at: now,
      })
      .where('id', '=', organisationId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    const row = await readOrganisation(tx, organisationId);
    if (result.numUpdatedRows === 0n) throw new ServerError('ERR_ORG_NOT_PENDING');

    let adminUserId: string | null = null;
    if (decision.status === 'approved' && row.applicant_user_id !== null) {
      adminUserId = row.applicant_user_id;
      await tx.kysely
        .insertInto('memberships')
        .values({
          id: randomUUID(),
          organisation_id: organisationId,
          user_id: adminUserId,
          role: 'org_admin',
          created_at: now,
        })
        .execute();
    }
    await recordAuditEvent(
      tx,
      {
        action: decision.status === 'approved' ? 'org.approve' : 'org.reject',
        ...auditedBy(origin),
        organisationId,
        targetType: 'organisation',
        targetId: organisationId,
        details:
          decision.status === 'approved'
            ? { domain: row.domain, adminUserId, note: decision.note }
            : { domain: row.domain, reason: decision.reason },
      },
      origin.now,
    );
    return row;
  });

export const approveApplication = (
  db: Database,
  organisationId: string,
  note: string | null,
  origin: CommandOrigin,
): Promise<OrganisationRow> => decide(db, organisationId, { status: 'approved', note }, origin);

export const rejectApplication = (
  db: Database,
  organisationId: string,
  reason: string,
  origin: CommandOrigin,
): Promise<OrganisationRow> => decide(db, organisationId, { status: 'rejected', reason }, origin);
