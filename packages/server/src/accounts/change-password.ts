/**
 * A signed-in user changes their password, giving the current one. Every other session of the
 * account ends; this one stays. Audited as `account.password-change`.
 */
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Database } from '../db/open-database.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import { auditedBy, type CommandOrigin } from '../policy/command-origin.js';
import { checkCurrentPassword } from './check-current-password.js';
import { hashPassword } from './password-hash.js';
import { assertPasswordAcceptable } from './password-policy.js';
import type { UserRow } from './present-account.js';

export interface ChangePasswordInput {
  readonly currentPassword: string;
  readonly newPassword: string;
}

export const changePassword = async (
  db: Database,
  user: UserRow,
  sessionId: string,
  input: ChangePasswordInput,
  origin: CommandOrigin,
): Promise<void> => {
  await checkCurrentPassword(db, user, input.currentPassword, origin.now);
  assertPasswordAcceptable(input.newPassword, user.email, '/newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await runInTransaction(db, async (tx) => {
    const at = origin.now.toISOString();
    await tx.kysely
      .updateTable('users')
      .set({ password_hash: passwordHash, updated_at: at })
      .where('id', '=', user.id)
      .execute();
    const ended = await tx.kysely
      .deleteFrom('sessions')
      .where('user_id', '=', user.id)
      .where('id', '!=', sessionId)
      .executeTakeFirst();
    await recordAuditEvent(
      tx,
      {
        action: 'account.password-change',
        ...auditedBy(origin),
        targetType: 'user',
        targetId: user.id,
        details: { otherSessionsEnded: Number(ended.numDeletedRows) },
      },
      origin.now,
    );
  });
};
