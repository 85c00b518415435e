/**
 * The audit event of a command on one of an organisation's things (a department, an
 * achievement, an issuer profile, a webhook endpoint), recorded in the command's transaction:
 *
 *   const audit = auditCommandOn('achievement');
 *   await audit(tx, 'achievement.create', row, { name }, origin);
 */
import type { Database } from '../db/open-database.js';
import { auditedBy, type CommandOrigin } from '../policy/command-origin.js';
import { recordAuditEvent } from './record-audit-event.js';

export interface AuditedRow {
  readonly id: string;
  readonly organisation_id: string;
}

export type AuditCommand = (
  tx: Database,
  action: string,
  row: AuditedRow,
  details: Record<string, unknown>,
  origin: CommandOrigin,
) => Promise<string>;

/** Records commands on rows of `targetType`. */
export const auditCommandOn =
  (targetType: string): AuditCommand =>
  (tx, action, row, details, origin) =>
    recordAuditEvent(
      tx,
      {
        action,
        ...auditedBy(origin),
        organisationId: row.organisation_id,
        targetType,
        targetId: row.id,
        details,
      },
      origin.now,
    );
