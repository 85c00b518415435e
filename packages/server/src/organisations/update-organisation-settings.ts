/**
 * An organisation admin changes the organisation's settings: `require2fa` (every staff action
 * then needs a session that passed a second factor), the contact e-mail and LinkedIn's company-page
 * id (`linkedinOrganizationId`, null to clear; used by the wallet's "Add to profile" links). The names and the
 * domain were vetted and are not changed here. Audited as `org.update` with the changes.
 */
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Database } from '../db/open-database.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import { auditedBy, type CommandOrigin } from '../policy/command-origin.js';
import type { OrganisationRow } from './present-organisation.js';
import { readOrganisation } from './read-organisation.js';

export interface OrganisationSettings {
  readonly require2fa?: boolean;
  readonly contactEmail?: string;
  readonly linkedinOrganizationId?: string | null;
}

export const updateOrganisationSettings = (
  db: Database,
  organisationId: string,
  settings: OrganisationSettings,
  origin: CommandOrigin,
): Promise<OrganisationRow> =>
  runInTransaction(db, async (tx) => {
    const before = await readOrganisation(tx, organisationId);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (settings.require2fa !== undefined && settings.require2fa !== (before.require_2fa === 1)) {
      changes.require2fa = { from: before.require_2fa === 1, to: settings.require2fa };
    }
    if (settings.contactEmail !== undefined && settings.contactEmail !== before.contact_email) {
      changes.contactEmail = { from: before.contact_email, to: settings.contactEmail };
    }
    const linkedinId = settings.linkedinOrganizationId;
    if (linkedinId !== undefined && linkedinId !== before.linkedin_organization_id) {
      changes.linkedinOrganizationId = { from: before.linkedin_organization_id, to: linkedinId };
    }
    if (Object.keys(changes).length === 0) return before;
    await tx.kysely
      .updateTable('organisations')
      .set({
        ...(settings.require2fa === undefined ? {} : { require_2fa: settings.require2fa ? 1 : 0 }),
        ...(settings.contactEmail === undefined ? {} : { contact_email: settings.contactEmail }),
        ...(linkedinId === undefined ? {} : { linkedin_organization_id: linkedinId }),
        updated_at: origin.now.toISOString(),
      })
      .where('id', '=', organisationId)
      .execute();
    await recordAuditEvent(
      tx,
      {
        action: 'org.update',
        ...auditedBy(origin),
        organisationId,
        targetType: 'organisation',
        targetId: organisationId,
        details: { changes },
      },
      origin.now,
    );
    return readOrganisation(tx, organisationId);
  });
