/**
 * The account and session as the API shows them, read in one place. Nothing secret leaves here:
 * the password hash, the TOTP secret and the recovery codes' hashes are never part of a shape.
 */
import type { Selectable } from 'kysely';
import type { Database } from '../db/open-database.js';
import type { UsersTable } from '../db/tables.js';
import { ServerError } from '../http/server-error.js';
import type { Account, SecondFactorMethod, Session } from './account-schemas.js';

export type UserRow = Selectable<UsersTable>;

export interface AccountSummary {
  readonly user: UserRow;
  readonly passkeys: number;
  readonly recoveryCodesLeft: number;
}

/** The user and their second factors; ERR_HTTP_UNAUTHENTICATED when the user is gone. */
export const readAccountSummary = async (db: Database, userId: string): Promise<AccountSummary> => {
  const user = await db.kysely
    .selectFrom('users')
    .selectAll()
    .where('id', '=', userId)
    .executeTakeFirst();
  if (user === undefined) throw new ServerError('ERR_HTTP_UNAUTHENTICATED');
  const passkeys = await db.kysely
    .selectFrom('passkeys')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  const codes = await db.kysely
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { user, passkeys: passkeys.n, recoveryCodesLeft: codes.n };
};

/** Whether the account has a second factor (TOTP or a passkey); recovery codes alone are not one. */
export const hasSecondFactor = (summary: AccountSummary): boolean =>
  summary.user.totp_enabled_at !== null || summary.passkeys > 0;

/** The ways the account can complete a sign-in's second step. */
export const listSecondFactorMethods = (summary: AccountSummary): SecondFactorMethod[] => {
  if (!hasSecondFactor(summary)) return [];
  return [
    ...(summary.user.totp_enabled_at === null ? [] : (['totp'] as const)),
    ...(summary.passkeys > 0 ? (['passkey'] as const) : []),
    ...(summary.recoveryCodesLeft > 0 ? (['recovery-code'] as const) : []),
  ];
};

export const presentAccount = ({ user, passkeys, recoveryCodesLeft }: AccountSummary): Account => ({
  id: user.id,
  email: user.email,
  displayName: user.display_name,
  locale: user.locale === 'en' ? 'en' : 'ja',
  emailVerified: user.email_verified_at !== null,
  isOperator: user.is_operator === 1,
  createdAt: user.created_at,
  twoFactor: { totp: user.totp_enabled_at !== null, passkeys, recoveryCodesLeft },
});

export interface SessionFacts {
  readonly csrfToken: string;
  readonly expiresAt: string;
  readonly secondFactorAt: string | null;
}

export const presentSession = (session: SessionFacts, summary: AccountSummary): Session => {
  const methods = listSecondFactorMethods(summary);
  let status: Session['secondFactor']['status'] = 'none';
  if (session.secondFactorAt !== null) status = 'done';
  else if (methods.length > 0) status = 'required';
  return {
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
    secondFactor: { status, methods },
    account: presentAccount(summary),
  };
};
