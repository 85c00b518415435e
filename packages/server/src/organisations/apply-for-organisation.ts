/**
 * Member vetting, step one: a signed-in user applies for an organisation. It is stored as
 * `pending`; nothing is public and nobody is a member until an operator approves it (then the
 * applicant becomes its first `org_admin`). The legal name is stored exactly as typed; the domain
 * lower-cased.
 */
import { randomUUID } from 'node:crypto';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Database } from '../db/open-database.js';
import { isUniqueViolation } from '../db/is-unique-violation.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import { ServerError } from '../http/server-error.js';
import { auditedBy, type CommandOrigin } from '../policy/command-origin.js';
import { claimDomain } from './claim-domain.js';
import type { ApplyForOrganisationBody } from './organisation-schemas.js';
import type { OrganisationRow } from './present-organisation.js';

export const applyForOrganisation = async (
  db: Database,
  applicantUserId: string,
  application: ApplyForOrganisationBody,
  origin: CommandOrigin,
): Promise<OrganisationRow> => {
  const now = origin.now.toISOString();
  try {
    return await runInTransaction(db, async (tx) => {
      const domain = await claimDomain(tx, application.domain, origin.now);
      const row: OrganisationRow = {
        id: randomUUID(),
        legal_name: application.legalName,
        name_en: application.nameEn,
        domain,
        contact_email: application.contactEmail,
        org_type: application.type,
        justification: application.justification,
        status: 'pending',
        decision_reason: null,
        decided_by: null,
        decided_at: null,
        require_2fa: 0,
        applicant_user_id: applicantUserId,
        linkedin_organization_id: null,
        created_at: now,
        updated_at: now,
      };
      await tx.kysely.insertInto('organisations').values(row).execute();
      await recordAuditEvent(
        tx,
        {
          action: 'org.apply',
          ...auditedBy(origin),
          organisationId: row.id,
          targetType: 'organisation',
          targetId: row.id,
          details: { domain, legalName: row.legal_name },
        },
        origin.now,
      );
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ServerError('ERR_ORG_DOMAIN_TAKEN', { cause: error });
    throw error;
  }
};
