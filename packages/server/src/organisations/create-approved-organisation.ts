/**
 * For the operator's command line (`akashi admin create-org`): creates an organisation that is
 * approved at once, and its first `org_admin`. The admin's account is created when no account
 * uses the e-mail address yet, without a password (they set one through password reset).
 * Audited as `org.create` and `member.add`, with `via: "cli"`.
 */
import { randomUUID } from 'node:crypto';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { ANONYMOUS } from '../auth/actor.js';
import type { Database } from '../db/open-database.js';
import { isUniqueViolation } from '../db/is-unique-violation.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import { describeValueError } from '../http/describe-value-error.js';
import { ServerError } from '../http/server-error.js';
import { registerStringFormats } from '../http/string-formats.js';
import { claimDomain } from './claim-domain.js';
import { DomainName, OrganisationTypeSchema, SingleLineText } from './organisation-schemas.js';

export const CreateApprovedOrganisationInput = Type.Object(
  {
    legalName: SingleLineText(200, 'The legal name, kept exactly as typed.'),
    nameEn: SingleLineText(200, 'The name in English.'),
    domain: DomainName,
    type: OrganisationTypeSchema,
    adminEmail: Type.String({ format: 'email', maxLength: 254 }),
  },
  { additionalProperties: false },
);
export type CreateApprovedOrganisationInput = Static<typeof CreateApprovedOrganisationInput>;

export interface CreateApprovedOrganisationResult {
  readonly organisationId: string;
  readonly userId: string;
  readonly membershipId: string;
  /** Whether the admin's account was created (it has no password yet). */
  readonly userCreated: boolean;
}

const checkInput = (input: CreateApprovedOrganisationInput): void => {
  registerStringFormats();
  const fields = [...Value.Errors(CreateApprovedOrganisationInput, input)].map((error) => ({
    in: 'body' as const,
    path: error.path,
    message: describeValueError(error),
  }));
  if (fields.length > 0) throw new ServerError('ERR_HTTP_VALIDATION', { fields });
};

/** The admin's account: the one using `email`, or a new one without a password. */
const findOrCreateUser = async (
  tx: Database,
  email: string,
  now: string,
): Promise<{ id: string; created: boolean }> => {
  const existing = await tx.kysely
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirst();
  if (existing !== undefined) return { id: existing.id, created: false };
  const id = randomUUID();
  await tx.kysely
    .insertInto('users')
    .values({
      id,
      email,
      display_name: email.slice(0, email.indexOf('@')),
      password_hash: null,
      email_verified_at: null,
      totp_secret: null,
      totp_enabled_at: null,
      disabled_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, created: true };
};

export const createApprovedOrganisation = async (
  db: Database,
  input: CreateApprovedOrganisationInput,
  now: Date,
): Promise<CreateApprovedOrganisationResult> => {
  checkInput(input);
  const at = now.toISOString();
  try {
    return await runInTransaction(db, async (tx) => {
      const domain = await claimDomain(tx, input.domain, now);
      const email = input.adminEmail.toLowerCase();
      const user = await findOrCreateUser(tx, email, at);
      const organisationId = randomUUID();
      await tx.kysely
        .insertInto('organisations')
        .values({
          id: organisationId,
          legal_name: input.legalName,
          name_en: input.nameEn,
          domain,
          contact_email: email,
          org_type: input.type,
          justification: 'Created by the platform operator (akashi admin create-org).',
          status: 'approved',
          decision_reason: null,
          decided_by: null,
          decided_at: at,
          applicant_user_id: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      const membershipId = randomUUID();
      await tx.kysely
        .insertInto('memberships')
        .values({
          id: membershipId,
          organisation_id: organisationId,
          user_id: user.id,
          role: 'org_admin',
          created_at: at,
        })
        .execute();
      const audit = { actor: ANONYMOUS, organisationId } as const;
      await recordAuditEvent(
        tx,
        {
          ...audit,
          action: 'org.create',
          targetType: 'organisation',
          targetId: organisationId,
          details: { via: 'cli', domain, status: 'approved' },
        },
        now,
      );
      await recordAuditEvent(
        tx,
        {
          ...audit,
          action: 'member.add',
          targetType: 'user',
          targetId: user.id,
          details: { via: 'cli', role: 'org_admin', userCreated: user.created },
        },
        now,
      );
      return { organisationId, userId: user.id, membershipId, userCreated: user.created };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ServerError('ERR_ORG_DOMAIN_TAKEN', { cause: error });
    throw error;
  }
};
