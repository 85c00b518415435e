/**
 * The storage side of sending: claiming due notifications and recording what happened to them.
 *
 * A claim is one statement: on SQLite `update … where id in (select … limit n) returning *`
 * (its one writer serialises claims); on PostgreSQL `with due as materialized (select … limit n
 * for update skip locked) update … from due returning *`, so that several server processes claim
 * disjoint rows without waiting on each other. Claiming counts the attempt and moves `next_attempt_at` to the end
 * of a lease: the row stays `pending`, and if the sender dies mid-send it becomes due again when
 * the lease runs out (at-least-once delivery). No transaction is held while mail is sent.
 */
import type { Selectable } from 'kysely';
import type { Database } from '../db/open-database.js';
import type { NotificationsTable } from './notification-tables.js';

export type NotificationRow = Selectable<NotificationsTable>;

/** Claims up to `limit` due rows, oldest first, until `now + leaseMs`. */
export const claimDueNotifications = async (
  db: Database,
  { now, limit, leaseMs }: { now: Date; limit: number; leaseMs: number },
): Promise<NotificationRow[]> => {
  if (limit <= 0) return [];
  const at = now.toISOString();
  const due = db.kysely
    .selectFrom('notifications')
    .select('id')
    .where('state', '=', 'pending')
    .where('next_attempt_at', '<=', at)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit);
  const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
  // PostgreSQL may evaluate an `in (select … limit n for update skip locked)` more than once
  // and so claim more than n rows: there the claim is a materialised CTE joined once.
  const rows =
    db.dialect === 'postgres'
      ? await db.kysely
          .with(
            (cte) => cte('due').materialized(),
            () => due.forUpdate().skipLocked(),
          )
          .updateTable('notifications')
          .from('due')
          .set((eb) => ({
            attempts: eb('notifications.attempts', '+', 1),
            next_attempt_at: leaseUntil,
            updated_at: at,
          }))
          .whereRef('notifications.id', '=', 'due.id')
          .returningAll('notifications')
          .execute()
      : await db.kysely
          .updateTable('notifications')
          .set((eb) => ({
            attempts: eb('attempts', '+', 1),
            next_attempt_at: leaseUntil,
            updated_at: at,
          }))
          .where('id', 'in', due)
          .where('state', '=', 'pending')
          .returningAll()
          .execute();
  return rows.sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));
};

export const markNotificationSent = async (db: Database, id: string, now: Date): Promise<void> => {
  const at = now.toISOString();
  await db.kysely
    .updateTable('notifications')
    .set({ state: 'sent', sent_at: at, last_error: null, updated_at: at })
    .where('id', '=', id)
    .execute();
};

/** A failed attempt: due again at `retryAt`, or `failed` for good when `retryAt` is undefined. */
export const recordNotificationFailure = async (
  db: Database,
  id: string,
  { now, error, retryAt }: { now: Date; error: string; retryAt: Date | undefined },
): Promise<void> => {
  const at = now.toISOString();
  await db.kysely
    .updateTable('notifications')
    .set({
      state: retryAt === undefined ? 'failed' : 'pending',
      next_attempt_at: (retryAt ?? now).toISOString(),
      last_error: error,
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
};

/** Hands claimed rows back unattempted (not counted), due at `dueAt`. */
export const releaseNotifications = async (
  db: Database,
  ids: readonly string[],
  { now, dueAt }: { now: Date; dueAt: Date },
): Promise<void> => {
  if (ids.length === 0) return;
  await db.kysely
    .updateTable('notifications')
    .set((eb) => ({
      attempts: eb('attempts', '-', 1),
      next_attempt_at: dueAt.toISOString(),
      updated_at: now.toISOString(),
    }))
    .where('id', 'in', ids)
    .where('state', '=', 'pending')
    .execute();
};
