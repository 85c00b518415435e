/**
 * Stores signed awards with everything that must happen with them, in one transaction: the rows
 * (a key already taken, by a concurrent process, makes that input a duplicate, not an error), the
 * audit event (one per award, or one per batch of a bulk job), the `award.issued` webhook events
 * and the notification e-mails for the recipients who are to be told (with the wallet's claim
 * link).
 */
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import type { AppContext } from '../http/app-context.js';
import type { IssuerSigning } from '../issuers/issuer-signing.js';
import { enqueueAwardNotifications } from '../notifications/enqueue-award-notification.js';
import { auditedBy, type CommandOrigin } from '../policy/command-origin.js';
import { enqueueWebhookEvents } from '../webhooks/webhook-events.js';
import type { Achievement } from '../achievements/achievement.js';
import { presentAwardRow } from './award.js';
import type { AwardInput } from './award-input.js';
import type { AwardsTable } from './award-tables.js';
import { awardEventData } from './award-events.js';
import { claimUrl } from '../wallet-claims/claim-token.js';
import type { IssueAwardOutcome, IssueAwardsRequest } from './issue-awards.js';

interface Signed<I> {
  readonly row: AwardsTable;
  readonly item: I;
  /** The signed credential (the row holds its JSON): not parsed back. */
  readonly credential: Record<string, unknown>;
}

/** Rows per insert: 41 columns × 200 stays well under SQLite's 32,766 bound parameters. */
const INSERT_CHUNK = 200;

export const storeIssuedAwards = async <
  I extends { readonly key: string; readonly input: AwardInput },
>(
  context: AppContext,
  request: IssueAwardsRequest,
  parts: { achievement: Achievement; signing: IssuerSigning },
  signed: readonly Signed<I>[],
  origin: CommandOrigin,
): Promise<{ item: I; outcome: IssueAwardOutcome }[]> => {
  if (signed.length === 0) return [];
  const { publicUrl } = context.config;
  return runInTransaction(context.db, async (tx) => {
    for (let start = 0; start < signed.length; start += INSERT_CHUNK) {
      await tx.kysely
        .insertInto('awards')
        .values(signed.slice(start, start + INSERT_CHUNK).map(({ row }) => row))
        .onConflict((conflict) =>
          conflict.columns(['organisation_id', 'idempotency_key']).doNothing(),
        )
        .execute();
    }
    // Which of ours went in: an id of ours is there only if its insert won.
    const ours = new Set<string>();
    for (let start = 0; start < signed.length; start += 500) {
      const rows = await tx.kysely
        .selectFrom('awards')
        .select('id')
        .where(
          'id',
          'in',
          signed.slice(start, start + 500).map(({ row }) => row.id),
        )
        .execute();
      for (const row of rows) ours.add(row.id);
    }
    const lost = signed.filter(({ row }) => !ours.has(row.id));
    const winners = new Map<string, string>();
    if (lost.length > 0) {
      const rows = await tx.kysely
        .selectFrom('awards')
        .select(['id', 'idempotency_key'])
        .where('organisation_id', '=', request.organisationId)
        .where(
          'idempotency_key',
          'in',
          lost.map(({ row }) => row.idempotency_key),
        )
        .execute();
      for (const row of rows) winners.set(row.idempotency_key, row.id);
    }
    const issued = signed.filter(({ row }) => ours.has(row.id));
    const awards = issued.map(({ row, credential }) => presentAwardRow(row, credential));

    if (request.bulkJobId === undefined) {
      for (const award of awards) {
        await recordAuditEvent(
          tx,
          {
            action: 'award.issue',
            ...auditedBy(origin),
            organisationId: award.organisationId,
            targetType: 'award',
            targetId: award.id,
            details: { achievementId: award.achievementId, idempotencyKey: award.idempotencyKey },
          },
          origin.now,
        );
      }
    } else if (awards.length > 0) {
      await recordAuditEvent(
        tx,
        {
          action: 'award.issue-batch',
          ...auditedBy(origin),
          organisationId: request.organisationId,
          targetType: 'bulk-job',
          targetId: request.bulkJobId,
          details: { achievementId: request.achievementId, count: awards.length },
        },
        origin.now,
      );
    }

    await enqueueWebhookEvents(
      tx,
      awards.map((award) => ({
        organisationId: award.organisationId,
        type: 'award.issued' as const,
        data: awardEventData(award, publicUrl),
        occurredAt: origin.now,
      })),
    );
    const { achievement, signing } = parts;
    await enqueueAwardNotifications(
      tx,
      issued
        .filter(({ item }) => item.input.notify !== false)
        .map(({ row }) => ({
          kind: 'award-issued' as const,
          organisationId: row.organisation_id,
          departmentId: row.department_id,
          awardId: row.id,
          to: row.recipient_email,
          recipientName: row.recipient_name,
          locale: row.locale,
          publicUrl,
          badgeName: { ja: achievement.name.ja, en: achievement.name.en ?? achievement.name.ja },
          issuerName: signing.profile.name,
          awardedAt: row.awarded_at,
          // The wallet's claim link: an HMAC of the award id, nothing stored.
          claimUrl: claimUrl(publicUrl, context.masterKey.walletClaimKey, row.id),
        })),
      origin.now,
    );

    return signed.map(({ row, item }) => {
      if (ours.has(row.id)) {
        const award = awards.find((candidate) => candidate.id === row.id);
        if (award === undefined) throw new Error('storeIssuedAwards: a stored award went missing');
        return { item, outcome: { state: 'issued', award } };
      }
      const winner = winners.get(row.idempotency_key);
      if (winner === undefined)
        throw new Error('storeIssuedAwards: a conflicting award went missing');
      return { item, outcome: { state: 'duplicate', awardId: winner } };
    });
  });
};
