/**
 * After a second factor is removed: when none is left, the recovery codes go (they recover a
 * factor that no longer exists), and so do the account's other sessions that were still owing a
 * second factor: such a session was started by someone who knew the password but could not give
 * the factor, and must not become a full session because the factor went away.
 */
import type { Database } from '../db/open-database.js';
import { deleteRecoveryCodes } from './recovery-codes.js';

export const settleSecondFactors = async (
  db: Database,
  userId: string,
  keepSessionId: string,
): Promise<void> => {
  const user = await db.kysely
    .selectFrom('users')
    .select('totp_enabled_at')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const passkey = await db.kysely
    .selectFrom('passkeys')
    .select('id')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (user.totp_enabled_at !== null || passkey !== undefined) return;
  await deleteRecoveryCodes(db, userId);
  await db.kysely
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where('second_factor_at', 'is', null)
    .where('id', '!=', keepSessionId)
    .execute();
};
