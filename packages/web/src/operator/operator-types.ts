/**
 * The API's JSON that the operator pages read (applications, public organisations, audit
 * events), declared here because the web app does not import the server's schemas.
 */

export const ORGANISATION_TYPES = [
  'university',
  'school',
  'company',
  'association',
  'government',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const APPLICATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export interface ApplicationView {
  readonly id: string;
  readonly legalName: string;
  readonly nameEn: string;
  readonly domain: string;
  readonly type: OrganisationType;
  readonly contactEmail: string;
  readonly status: ApplicationStatus;
  readonly justification: string;
  readonly applicant: {
    readonly userId: string;
    readonly email: string;
    readonly displayName: string;
  } | null;
  readonly decisionReason: string | null;
  readonly decidedAt: string | null;
  readonly createdAt: string;
}

export interface ApplicationList {
  readonly applications: readonly ApplicationView[];
}

export interface PublicOrganisationView {
  readonly id: string;
  readonly legalName: string;
  readonly nameEn: string;
  readonly domain: string;
  readonly type: OrganisationType;
  readonly approvedAt: string;
}

export type AuditActorView =
  | {
      readonly type: 'user';
      readonly userId: string;
      readonly email: string | null;
      readonly displayName: string | null;
    }
  | {
      readonly type: 'api-key';
      readonly apiKeyId: string;
      readonly keyPrefix: string | null;
      readonly name: string | null;
    }
  | { readonly type: 'anonymous' };

export interface AuditEventView {
  readonly id: string;
  readonly occurredAt: string;
  readonly action: string;
  readonly actor: AuditActorView;
  readonly organisationId: string | null;
  readonly target: { readonly type: string | null; readonly id: string | null } | null;
  readonly details: Readonly<Record<string, unknown>>;
  readonly ip: string | null;
  readonly requestId: string | null;
}

export interface AuditEventPageView {
  readonly events: readonly AuditEventView[];
  readonly nextCursor: string | null;
}

export const isApplicationStatus = (value: unknown): value is ApplicationStatus =>
  APPLICATION_STATUSES.includes(value as ApplicationStatus);
