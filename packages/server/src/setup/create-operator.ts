/**
 * Creates a platform operator account: by the first-run set-up link (`POST /api/v1/setup`) or
 * by `akashi admin create-operator`. The address counts as confirmed (whoever holds the set-up
 * link or runs the CLI on the server is the instance's owner). Any set-up link still unused is
 * voided. Audited as `operator.created`.
 */
import { randomUUID } from 'node:crypto';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { normaliseEmail } from '../accounts/email-address.js';
import { hashPassword } from '../accounts/password-hash.js';
import { assertPasswordAcceptable } from '../accounts/password-policy.js';
import { ANONYMOUS } from '../auth/actor.js';
import type { Database } from '../db/open-database.js';
import { isUniqueViolation } from '../db/is-unique-violation.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import { ServerError } from '../http/server-error.js';
import { STRING_FORMATS } from '../http/string-formats.js';
import type { CommandOrigin } from '../policy/command-origin.js';

export interface CreateOperatorInput {
  readonly email: string;
  readonly password: string;
  /** Kept exactly as entered. */
  readonly displayName: string;
  readonly locale: 'ja' | 'en';
}

export interface CreateOperatorResult {
  readonly userId: string;
  readonly email: string;
}

export interface CreateOperatorOptions {
  /** How the operator was created, for the audit log. */
  readonly via: 'setup-link' | 'cli';
  /** Runs inside the transaction before the account is written (the set-up link is used here). */
  readonly before?: (tx: Database) => Promise<void>;
}

/** Whether the platform has an operator yet. */
export const hasOperator = async (db: Database): Promise<boolean> =>
  (await db.kysely
    .selectFrom('users')
    .select('id')
    .where('is_operator', '=', 1)
    .executeTakeFirst()) !== undefined;

export const createOperator = async (
  db: Database,
  input: CreateOperatorInput,
  origin: Pick<CommandOrigin, 'now' | 'request'>,
  options: CreateOperatorOptions,
): Promise<CreateOperatorResult> => {
  const email = normaliseEmail(input.email);
  // The route schema checks this already; the CLI comes through here only.
  if (STRING_FORMATS.email?.(email) !== true) {
    throw new ServerError('ERR_HTTP_VALIDATION', {
      fields: [
        {
          in: 'body',
          path: '/email',
          message: {
            en: 'must be a valid e-mail address',
            ja: '正しいメールアドレスを指定してください',
          },
        },
      ],
    });
  }
  assertPasswordAcceptable(input.password, email);
  const passwordHash = await hashPassword(input.password);
  const userId = randomUUID();
  const at = origin.now.toISOString();
  try {
    await runInTransaction(db, async (tx) => {
      await options.before?.(tx);
      const taken = await tx.kysely
        .selectFrom('users')
        .select('id')
        .where('email', '=', email)
        .executeTakeFirst();
      if (taken !== undefined) throw new ServerError('ERR_ACCOUNT_EMAIL_TAKEN');
      await tx.kysely
        .insertInto('users')
        .values({
          id: userId,
          email,
          display_name: input.displayName,
          password_hash: passwordHash,
          email_verified_at: at,
          is_operator: 1,
          totp_secret: null,
          totp_enabled_at: null,
          locale: input.locale,
          disabled_at: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await tx.kysely
        .updateTable('email_tokens')
        .set({ used_at: at })
        .where('purpose', '=', 'operator-setup')
        .where('used_at', 'is', null)
        .execute();
      await recordAuditEvent(
        tx,
        {
          action: 'operator.created',
          actor: ANONYMOUS,
          ...(origin.request === undefined ? {} : { request: origin.request }),
          targetType: 'user',
          targetId: userId,
          details: { email, via: options.via },
        },
        origin.now,
      );
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ServerError('ERR_ACCOUNT_EMAIL_TAKEN', { cause: error });
    throw error;
  }
  return { userId, email };
};
