/** Ends the caller's session (the row is deleted: the cookie is worthless from now on). */
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Database } from '../db/open-database.js';
import { auditedBy, type CommandOrigin } from '../policy/command-origin.js';
import type { UserActor } from './guard-second-factor.js';

export const signOut = async (
  db: Database,
  actor: UserActor,
  origin: CommandOrigin,
): Promise<void> => {
  await db.kysely.deleteFrom('sessions').where('id', '=', actor.sessionId).execute();
  await recordAuditEvent(
    db,
    {
      action: 'account.sign-out',
      ...auditedBy(origin),
      targetType: 'user',
      targetId: actor.userId,
    },
    origin.now,
  );
};
