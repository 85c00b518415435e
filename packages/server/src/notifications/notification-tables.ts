/**
 * The tables of this domain as Kysely sees them (conventions in `db/tables.ts`), created by
 * migration `0012-notifications`: the outbox of notification e-mails to badge recipients.
 */

/** What a notification tells its recipient. New kinds need no migration (no check constraint). */
export type NotificationKind = 'award-issued' | 'award-reissued' | 'award-revoked';

export type NotificationState = 'pending' | 'sent' | 'failed';

export type NotificationLocale = 'ja' | 'en';

/**
 * One e-mail to send (or sent, or given up on). Written in the transaction that issues or
 * revokes the award (outbox pattern), sent later by `notification-sender.ts`.
 */
export interface NotificationsTable {
  id: string;
  organisation_id: string;
  /** The award's department, for the policy of a resend; null for an organisation-wide award. */
  department_id: string | null;
  award_id: string | null;
  kind: NotificationKind;
  recipient_email: string;
  /** Exactly as stored on the award (kanji kept, never normalised); null when none was given. */
  recipient_name: string | null;
  locale: NotificationLocale;
  /** JSON `NotificationParams` (`notification-params.ts`): what the template needs. */
  params: string;
  state: NotificationState;
  /** Attempts started so far (counted when a sender claims the row). */
  attempts: number;
  /**
   * When the row is next due. While a sender holds it, the end of its lease: a sender that
   * crashed mid-send lets the row become due again (at-least-once delivery).
   */
  next_attempt_at: string;
  /** Why the last attempt failed (for the sending log); null after a success. */
  last_error: string | null;
  sent_at: string | null;
  /** The notification this one re-sends, when staff asked for a resend. */
  resent_from_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface NotificationTables {
  notifications: NotificationsTable;
}
