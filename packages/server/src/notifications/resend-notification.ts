/**
 * Staff re-send a notification (the recipient lost the e-mail, or it failed): a new row, a copy
 * of the old one due at once and linked to it (`resent_from_id`), so that the sending log keeps
 * both. Refused while the notification, or an earlier resend of it, is still pending. Audited
 * (`notification.resend`) in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Database } from '../db/open-database.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import { ServerError } from '../http/server-error.js';
import { auditedBy, type CommandOrigin } from '../policy/command-origin.js';
import type { NotificationRow } from './notification-queue.js';

export const resendNotification = async (
  db: Database,
  original: NotificationRow,
  origin: CommandOrigin,
): Promise<NotificationRow> =>
  runInTransaction(db, async (tx) => {
    const waiting = await tx.kysely
      .selectFrom('notifications')
      .select('id')
      .where((eb) => eb.or([eb('id', '=', original.id), eb('resent_from_id', '=', original.id)]))
      .where('state', '=', 'pending')
      .executeTakeFirst();
    if (waiting !== undefined) throw new ServerError('ERR_NOTIFICATION_STILL_PENDING');
    const at = origin.now.toISOString();
    const row: NotificationRow = {
      ...original,
      id: randomUUID(),
      state: 'pending',
      attempts: 0,
      next_attempt_at: at,
      last_error: null,
      sent_at: null,
      resent_from_id: original.id,
      created_at: at,
      updated_at: at,
    };
    await tx.kysely.insertInto('notifications').values(row).execute();
    await recordAuditEvent(
      tx,
      {
        action: 'notification.resend',
        ...auditedBy(origin),
        organisationId: original.organisation_id,
        targetType: 'notification',
        targetId: row.id,
        details: { resentFromId: original.id, awardId: original.award_id, kind: original.kind },
      },
      origin.now,
    );
    return row;
  });
