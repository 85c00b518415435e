/**
 * A user changes their display name (kept exactly as typed: never normalised) or the language
 * of their e-mails. Audited as `account.update` with the fields changed.
 */
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Database } from '../db/open-database.js';
import { auditedBy, type CommandOrigin } from '../policy/command-origin.js';

export interface UpdateAccountInput {
  readonly displayName?: string;
  readonly locale?: 'ja' | 'en';
}

export const updateAccount = async (
  db: Database,
  userId: string,
  input: UpdateAccountInput,
  origin: CommandOrigin,
): Promise<void> => {
  await db.kysely
    .updateTable('users')
    .set({
      ...(input.displayName === undefined ? {} : { display_name: input.displayName }),
      ...(input.locale === undefined ? {} : { locale: input.locale }),
      updated_at: origin.now.toISOString(),
    })
    .where('id', '=', userId)
    .execute();
  await recordAuditEvent(
    db,
    {
      action: 'account.update',
      ...auditedBy(origin),
      targetType: 'user',
      targetId: userId,
      details: { fields: Object.keys(input) },
    },
    origin.now,
  );
};
