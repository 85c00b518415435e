/**
 * The sending log of an organisation: its notifications, newest first, filtered by state and
 * award, one page at a time; and one notification by id. Rows are presented for staff.
 */
import type { Database } from '../db/open-database.js';
import { ServerError } from '../http/server-error.js';
import type { NotificationRow } from './notification-queue.js';
import { parseNotificationParams } from './notification-params.js';
import type { Notification, NotificationPage, NotificationQuery } from './notification-schemas.js';

export const presentNotification = (row: NotificationRow): Notification => ({
  id: row.id,
  organisationId: row.organisation_id,
  departmentId: row.department_id,
  awardId: row.award_id,
  kind: row.kind,
  recipientEmail: row.recipient_email,
  recipientName: row.recipient_name,
  locale: row.locale,
  badgeName: parseNotificationParams(row.params)?.badgeName ?? null,
  state: row.state,
  attempts: row.attempts,
  nextAttemptAt: row.state === 'pending' ? row.next_attempt_at : null,
  lastError: row.last_error,
  sentAt: row.sent_at,
  resentFromId: row.resent_from_id,
  createdAt: row.created_at,
});

export const listNotifications = async (
  db: Database,
  organisationId: string,
  query: NotificationQuery,
): Promise<NotificationPage> => {
  const limit = query.limit ?? 50;
  const offset = query.offset ?? 0;
  let select = db.kysely
    .selectFrom('notifications')
    .selectAll()
    .where('organisation_id', '=', organisationId);
  if (query.state !== undefined) select = select.where('state', '=', query.state);
  if (query.awardId !== undefined) select = select.where('award_id', '=', query.awardId);
  const rows = await select
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .offset(offset)
    .execute();
  return {
    notifications: rows.slice(0, limit).map(presentNotification),
    nextOffset: rows.length > limit ? offset + limit : null,
  };
};

/** The organisation's notification `id`, or ERR_NOTIFICATION_NOT_FOUND. */
export const readNotification = async (
  db: Database,
  organisationId: string,
  id: string,
): Promise<NotificationRow> => {
  const row = await db.kysely
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', id)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  if (row === undefined) throw new ServerError('ERR_NOTIFICATION_NOT_FOUND');
  return row;
};
