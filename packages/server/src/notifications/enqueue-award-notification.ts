/**
 * Queues the e-mail that tells a recipient about their award (issued, re-issued, revoked): one
 * row in `notifications`, written through the caller's database handle so that it joins the
 * caller's transaction (outbox pattern). The award and its notification are committed together
 * or not at all; `notification-sender.ts` sends the row afterwards.
 *
 *   await runInTransaction(db, async (tx) => {
 *     await insertAward(tx, …);
 *     await enqueueAwardNotification(tx, { kind: 'award-issued', awardId, to, … }, now);
 *   });
 *
 * A bulk award queues its rows with `enqueueAwardNotifications` (multi-row inserts).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/open-database.js';
import type { Tables } from '../db/tables.js';
import type { LocalizedName, NotificationParams } from './notification-params.js';
import type {
  NotificationKind,
  NotificationLocale,
  NotificationsTable,
} from './notification-tables.js';

export interface AwardNotificationInput {
  readonly kind: NotificationKind;
  readonly organisationId: string;
  /** The award's department (null: organisation-wide); the policy of a resend uses it. */
  readonly departmentId: string | null;
  readonly awardId: string;
  /** The recipient's e-mail address. */
  readonly to: string;
  /** The recipient's name exactly as stored on the award, or null. */
  readonly recipientName: string | null;
  readonly locale: NotificationLocale;
  /** `PUBLIC_URL` (no trailing slash): the badge page is `${publicUrl}/badges/{awardId}`. */
  readonly publicUrl: string;
  readonly badgeName: LocalizedName;
  readonly issuerName: LocalizedName;
  /** ISO 8601 award date (`awardedDate`). */
  readonly awardedAt: string;
  /** The wallet's claim link; leave out until the wallet exists. */
  readonly claimUrl?: string | null;
  /** Revocations: the issuer's reason and when. */
  readonly revocationReason?: string | null;
  readonly revokedAt?: string | null;
}

/** A `Database` (possibly `runInTransaction`'s) or a Kysely transaction. */
export type NotificationDb = Database | Kysely<Tables>;

const kyselyOf = (db: NotificationDb): Kysely<Tables> => ('kysely' in db ? db.kysely : db);

/** `${publicUrl}/badges/{awardId}`, the badge's public page. */
export const badgePageUrl = (publicUrl: string, awardId: string): string =>
  `${publicUrl.replace(/\/+$/, '')}/badges/${encodeURIComponent(awardId)}`;

const checkInput = (input: AwardNotificationInput): void => {
  if (!/^[^\s@]+@[^\s@]+$/.test(input.to)) {
    throw new TypeError(`input.to must be an e-mail address, got ${JSON.stringify(input.to)}`);
  }
  if (!['ja', 'en'].includes(input.locale)) {
    throw new TypeError(`input.locale must be 'ja' or 'en', got ${JSON.stringify(input.locale)}`);
  }
  if (input.awardId === '') throw new TypeError('input.awardId must not be empty');
};

/** The row for `input`, due at once. */
export const buildNotificationRow = (
  input: AwardNotificationInput,
  now: Date,
): NotificationsTable => {
  checkInput(input);
  const params: NotificationParams = {
    badgeName: input.badgeName,
    issuerName: input.issuerName,
    badgeUrl: badgePageUrl(input.publicUrl, input.awardId),
    claimUrl: input.claimUrl ?? null,
    awardedAt: input.awardedAt,
    revokedAt: input.revokedAt ?? null,
    revocationReason: input.revocationReason ?? null,
  };
  const at = now.toISOString();
  return {
    id: randomUUID(),
    organisation_id: input.organisationId,
    department_id: input.departmentId,
    award_id: input.awardId,
    kind: input.kind,
    recipient_email: input.to,
    recipient_name: input.recipientName,
    locale: input.locale,
    params: JSON.stringify(params),
    state: 'pending',
    attempts: 0,
    next_attempt_at: at,
    last_error: null,
    sent_at: null,
    resent_from_id: null,
    created_at: at,
    updated_at: at,
  };
};

/** Queues one notification; returns its id. */
export const enqueueAwardNotification = async (
  db: NotificationDb,
  input: AwardNotificationInput,
  now: Date = new Date(),
): Promise<string> => {
  const row = buildNotificationRow(input, now);
  await kyselyOf(db).insertInto('notifications').values(row).execute();
  return row.id;
};

/** Rows per insert: 17 columns × 500 stays under SQLite's 32,766 bound parameters. */
const INSERT_CHUNK = 500;

/** Queues many notifications (a bulk award) in multi-row inserts; returns their ids in order. */
export const enqueueAwardNotifications = async (
  db: NotificationDb,
  inputs: readonly AwardNotificationInput[],
  now: Date = new Date(),
): Promise<string[]> => {
  const rows = inputs.map((input) => buildNotificationRow(input, now));
  const kysely = kyselyOf(db);
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    await kysely
      .insertInto('notifications')
      .values(rows.slice(start, start + INSERT_CHUNK))
      .execute();
  }
  return rows.map((row) => row.id);
};
