/**
 * Deleting an account with everything that is its own (ADR 0010; APPI: the right to deletion),
 * in one transaction: sessions, passkeys, recovery codes, e-mail tokens, WebAuthn challenges, the
 * rate-limit counters keyed by it, further addresses, the wallet (badges, collections and their
 * items, share links, public profile), memberships with their departments, and the user row.
 * References that an organisation keeps (who decided an application, who applied, who made an
 * API key) are cleared, not deleted; the issuer's award records and the append-only audit log
 * stay with the issuer and the platform.
 *
 * The caller confirms: the password for an account that has one (checked and rate-limited like
 * every password re-check), otherwise a second factor given in this session. Refused while the
 * account is the last administrator of an organisation (`ERR_ACCOUNT_LAST_ADMIN`) or the
 * platform's only operator (`ERR_ACCOUNT_LAST_OPERATOR`). Audited as `account.delete` (the id
 * only); a short notice goes to the account's address afterwards.
 */
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Database } from '../db/open-database.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import { ServerError } from '../http/server-error.js';
import { lockOrganisation } from '../memberships/member-invariants.js';
import { auditedBy, type CommandOrigin } from '../policy/command-origin.js';
import type { AccountMail } from '../accounts/account-mail.js';
import { checkCurrentPassword } from '../accounts/check-current-password.js';
import type { UserActor } from '../accounts/guard-second-factor.js';
import { accountDeletedMail } from './wallet-claim-mail.js';

const assertNotLastAdmin = async (tx: Database, userId: string): Promise<void> => {
  const administered = await tx.kysely
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select(['organisations.id', 'organisations.legal_name'])
    .where('memberships.user_id', '=', userId)
    .where('memberships.role', '=', 'org_admin')
    .orderBy('organisations.id')
    .execute();
  for (const organisation of administered) {
    // The same lock as every member change: an admin leaving cannot race another one.
    await lockOrganisation(tx, organisation.id);
    const other = await tx.kysely
      .selectFrom('memberships')
      .select('id')
      .where('organisation_id', '=', organisation.id)
      .where('role', '=', 'org_admin')
      .where('user_id', '<>', userId)
      .executeTakeFirst();
    if (other === undefined) {
      throw new ServerError('ERR_ACCOUNT_LAST_ADMIN', {
        params: { organisation: organisation.legal_name },
      });
    }
  }
};

const assertNotLastOperator = async (tx: Database, userId: string): Promise<void> => {
  const query = tx.kysely
    .selectFrom('users')
    .select('id')
    .where('is_operator', '=', 1)
    .where('disabled_at', 'is', null);
  const operators = await (tx.dialect === 'postgres' ? query.forUpdate() : query).execute();
  if (!operators.some((row) => row.id !== userId)) {
    throw new ServerError('ERR_ACCOUNT_LAST_OPERATOR');
  }
};

/** Deletes every row that belongs to the account, the user row last. */
const deleteAccountRows = async (tx: Database, userId: string, email: string): Promise<void> => {
  const { kysely } = tx;
  const collections = kysely
    .selectFrom('wallet_collections')
    .select('id')
    .where('user_id', '=', userId);
  const credentials = kysely
    .selectFrom('wallet_credentials')
    .select('id')
    .where('user_id', '=', userId);
  await kysely
    .deleteFrom('wallet_collection_items')
    .where((eb) =>
      eb.or([
        eb('collection_id', 'in', collections),
        eb('wallet_credential_id', 'in', credentials),
      ]),
    )
    .execute();
  for (const table of [
    'wallet_share_links',
    'wallet_collections',
    'wallet_credentials',
    'wallet_profiles',
    'user_emails',
    'sessions',
    'passkeys',
    'recovery_codes',
    'email_tokens',
    'webauthn_challenges',
  ] as const) {
    await kysely.deleteFrom(table).where('user_id', '=', userId).execute();
  }
  await kysely
    .deleteFrom('rate_limits')
    .where((eb) =>
      eb.or([
        eb('key', 'like', `%:user:${userId}`),
        eb('key', 'in', [
          `sign-in:account:${email}`,
          `sign-up:email:${email}`,
          `reset:email:${email}`,
        ]),
      ]),
    )
    .execute();
  const memberships = kysely.selectFrom('memberships').select('id').where('user_id', '=', userId);
  await kysely
    .deleteFrom('membership_departments')
    .where('membership_id', 'in', memberships)
    .execute();
  await kysely.deleteFrom('memberships').where('user_id', '=', userId).execute();
  // What organisations keep names the account no more (these references do not cascade).
  await kysely
    .updateTable('organisations')
    .set({ decided_by: null })
    .where('decided_by', '=', userId)
    .execute();
  await kysely
    .updateTable('organisations')
    .set({ applicant_user_id: null })
    .where('applicant_user_id', '=', userId)
    .execute();
  await kysely
    .updateTable('api_keys')
    .set({ created_by: null })
    .where('created_by', '=', userId)
    .execute();
  await kysely.deleteFrom('users').where('id', '=', userId).execute();
};

export const deleteAccount = async (
  db: Database,
  actor: UserActor,
  password: string | undefined,
  origin: CommandOrigin,
  mail: AccountMail,
): Promise<void> => {
  const { now } = origin;
  const user = await db.kysely
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'locale', 'password_hash', 'is_operator'])
    .where('id', '=', actor.userId)
    .executeTakeFirst();
  if (user === undefined) throw new ServerError('ERR_HTTP_UNAUTHENTICATED');
  if (user.password_hash !== null) {
    if (password === undefined || password === '') {
      throw new ServerError('ERR_HTTP_VALIDATION', {
        fields: [
          {
            in: 'body',
            path: '/password',
            message: {
              en: 'enter your password to delete the account',
              ja: 'アカウントを削除するには、パスワードを入力してください',
            },
          },
        ],
      });
    }
    await checkCurrentPassword(db, user, password, now);
  } else if (!actor.secondFactor) {
    throw new ServerError('ERR_ACCOUNT_DELETE_REAUTH');
  }
  await runInTransaction(db, async (tx) => {
    await assertNotLastAdmin(tx, user.id);
    if (user.is_operator === 1) await assertNotLastOperator(tx, user.id);
    await deleteAccountRows(tx, user.id, user.email);
    await recordAuditEvent(
      tx,
      { action: 'account.delete', ...auditedBy(origin), targetType: 'user', targetId: user.id },
      now,
    );
  });
  mail.queue(user, (locale) => accountDeletedMail(locale, { displayName: user.display_name }));
};
