/**
 * An award as the rest of the platform sees it, read from its row. The credential is kept as it
 * was signed; the state (active, revoked, suspended) is the row's, mirrored in the status lists.
 */
import type { Selectable } from 'kysely';
import type { Database } from '../db/open-database.js';
import { ServerError } from '../http/server-error.js';
import type { AwardState, AwardsTable } from './award-tables.js';

export type AwardRow = Selectable<AwardsTable>;

export interface AwardEvidence {
  readonly url?: string;
  readonly narrative?: string;
}

export interface Award {
  readonly id: string;
  readonly organisationId: string;
  readonly departmentId: string | null;
  readonly achievementId: string;
  readonly achievementVersion: number;
  readonly issuerProfileId: string;
  readonly state: AwardState;
  readonly stateReason: string | null;
  readonly recipient: {
    readonly email: string;
    readonly name: string | null;
    readonly nameKana: string | null;
    readonly nameRomaji: string | null;
    readonly did: string | null;
    readonly identity: string;
    readonly salt: string;
    readonly public: boolean;
  };
  readonly externalId: string | null;
  readonly idempotencyKey: string;
  readonly awardedAt: string;
  readonly validFrom: string;
  readonly validUntil: string | null;
  readonly evidence: readonly AwardEvidence[];
  readonly narrative: string | null;
  readonly credential: Record<string, unknown>;
  readonly credentialJwt: string | null;
  readonly ob2Signed: string | null;
  readonly revocation: { readonly listId: string; readonly index: number };
  /** Undefined when the award is not suspendable. */
  readonly suspension: { readonly listId: string; readonly index: number } | undefined;
  readonly replacesAwardId: string | null;
  readonly replacedByAwardId: string | null;
  readonly bulkJobId: string | null;
  readonly locale: 'ja' | 'en';
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly revokedAt: string | null;
}

/** The award of a row; `credential` spares parsing the row's JSON when the caller has it. */
export const presentAwardRow = (row: AwardRow, credential?: Record<string, unknown>): Award => ({
  id: row.id,
  organisationId: row.organisation_id,
  departmentId: row.department_id,
  achievementId: row.achievement_id,
  achievementVersion: row.achievement_version,
  issuerProfileId: row.issuer_profile_id,
  state: row.state,
  stateReason: row.state_reason,
  recipient: {
    email: row.recipient_email,
    name: row.recipient_name,
    nameKana: row.recipient_name_kana,
    nameRomaji: row.recipient_name_romaji,
    did: row.recipient_did,
    identity: row.recipient_identity,
    salt: row.recipient_salt,
    public: row.recipient_public === 1,
  },
  externalId: row.external_id,
  idempotencyKey: row.idempotency_key,
  awardedAt: row.awarded_at,
  validFrom: row.valid_from,
  validUntil: row.valid_until,
  evidence: row.evidence === null ? [] : (JSON.parse(row.evidence) as AwardEvidence[]),
  narrative: row.narrative,
  credential: credential ?? (JSON.parse(row.credential) as Record<string, unknown>),
  credentialJwt: row.credential_jwt,
  ob2Signed: row.ob2_signed,
  revocation: { listId: row.revocation_list_id, index: row.revocation_index },
  suspension:
    row.suspension_list_id === null || row.suspension_index === null
      ? undefined
      : { listId: row.suspension_list_id, index: row.suspension_index },
  replacesAwardId: row.replaces_award_id,
  replacedByAwardId: row.replaced_by_award_id,
  bulkJobId: row.bulk_job_id,
  locale: row.locale,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  revokedAt: row.revoked_at,
});

const AWARD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether `value` has the shape of an award id (a lower-case UUID). */
export const isAwardId = (value: string): boolean => AWARD_ID.test(value);

/** The award with this id (`ERR_AWARD_NOT_FOUND` when there is none). */
export const readAward = async (db: Database, id: string): Promise<Award> => {
  const row = isAwardId(id)
    ? await db.kysely.selectFrom('awards').selectAll().where('id', '=', id).executeTakeFirst()
    : undefined;
  if (row === undefined) throw new ServerError('ERR_AWARD_NOT_FOUND');
  return presentAwardRow(row);
};

/** The award with this id in this organisation (`ERR_AWARD_NOT_FOUND` otherwise). */
export const readOrganisationAward = async (
  db: Database,
  organisationId: string,
  id: string,
): Promise<Award> => {
  const award = await readAward(db, id);
  if (award.organisationId !== organisationId) throw new ServerError('ERR_AWARD_NOT_FOUND');
  return award;
};
