/**
 * The JSON shapes of organisations, from their rows. A rejected application's domain is stored
 * as `rejected:<id>:<domain>` once another application takes the domain (see
 * `apply-for-organisation.ts`); every shape shows the domain as applied for.
 */
import type { Selectable } from 'kysely';
import type { OrganisationsTable } from '../db/tables.js';
import type {
  Organisation,
  OrganisationApplication,
  PublicOrganisation,
} from './organisation-schemas.js';

export type OrganisationRow = Selectable<OrganisationsTable>;

const RELEASED_DOMAIN = /^rejected:[^:]+:(.*)$/;

/** The stored form of a rejected application's domain, once another application takes it. */
export const releasedDomain = (organisationId: string, domain: string): string =>
  `rejected:${organisationId}:${domain}`;

/** The domain as the organisation applied for it. */
export const readAppliedDomain = (stored: string): string =>
  RELEASED_DOMAIN.exec(stored)?.[1] ?? stored;

export const presentOrganisation = (row: OrganisationRow): Organisation => ({
  id: row.id,
  legalName: row.legal_name,
  nameEn: row.name_en,
  domain: readAppliedDomain(row.domain),
  type: row.org_type,
  contactEmail: row.contact_email,
  status: row.status,
  require2fa: row.require_2fa === 1,
  approvedAt: row.status === 'approved' ? row.decided_at : null,
  linkedinOrganizationId: row.linkedin_organization_id,
  createdAt: row.created_at,
});

export interface ApplicantRow {
  readonly applicantId: string | null;
  readonly applicantEmail: string | null;
  readonly applicantName: string | null;
}

export const presentApplication = (
  row: OrganisationRow & ApplicantRow,
): OrganisationApplication => ({
  id: row.id,
  legalName: row.legal_name,
  nameEn: row.name_en,
  domain: readAppliedDomain(row.domain),
  type: row.org_type,
  contactEmail: row.contact_email,
  status: row.status,
  justification: row.justification,
  applicant:
    row.applicantId === null
      ? null
      : {
          userId: row.applicantId,
          email: row.applicantEmail ?? '',
          displayName: row.applicantName ?? '',
        },
  decisionReason: row.decision_reason,
  decidedAt: row.decided_at,
  createdAt: row.created_at,
});

/** Only for approved organisations (their `decided_at` is the approval). */
export const presentPublicOrganisation = (row: OrganisationRow): PublicOrganisation => ({
  id: row.id,
  legalName: row.legal_name,
  nameEn: row.name_en,
  domain: row.domain,
  type: row.org_type,
  approvedAt: row.decided_at ?? row.created_at,
});
