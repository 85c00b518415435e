/**
 * Where an achievement sits: its department (one of its organisation's, or none) and the issuer
 * profile that awards it. The profile must be the organisation's, not archived, and either
 * organisation-wide or the achievement's own department's. Without a profile named, the
 * department's profile is taken if it has one, else the organisation's default profile.
 */
import type { Database } from '../db/open-database.js';
import { ServerError } from '../http/server-error.js';

interface ProfileScope {
  readonly organisationId: string;
  readonly departmentId: string | null;
  readonly archived: boolean;
}

/** The organisation, department and state of an issuer profile (from `issuer_profiles`). */
const readProfileScope = async (db: Database, id: string): Promise<ProfileScope | undefined> => {
  const row = await db.kysely
    .selectFrom('issuer_profiles')
    .select(['organisation_id', 'department_id', 'archived_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row === undefined
    ? undefined
    : {
        organisationId: row.organisation_id,
        departmentId: row.department_id,
        archived: row.archived_at !== null,
      };
};

/** The profile used when none is named: the department's, else the organisation's default. */
const findImplicitProfile = async (
  db: Database,
  organisationId: string,
  departmentId: string | null,
): Promise<string> => {
  const rows = await db.kysely
    .selectFrom('issuer_profiles')
    .select(['id', 'department_id', 'is_default'])
    .where('organisation_id', '=', organisationId)
    .where('archived_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('is_default', '=', 1),
        ...(departmentId === null ? [] : [eb('department_id', '=', departmentId)]),
      ]),
    )
    .execute();
  const chosen =
    rows.find((row) => departmentId !== null && row.department_id === departmentId) ??
    rows.find((row) => row.is_default === 1);
  if (chosen === undefined) throw new ServerError('ERR_ACHIEVEMENT_NO_ISSUER_PROFILE');
  return chosen.id;
};

/** @throws ServerError `ERR_ACHIEVEMENT_DEPARTMENT_NOT_FOUND` */
export const assertDepartmentOf = async (
  db: Database,
  organisationId: string,
  departmentId: string,
): Promise<void> => {
  const row = await db.kysely
    .selectFrom('departments')
    .select('id')
    .where('id', '=', departmentId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  if (row === undefined) {
    throw new ServerError('ERR_ACHIEVEMENT_DEPARTMENT_NOT_FOUND', { params: { departmentId } });
  }
};

/**
 * The issuer profile of an achievement of `organisationId` in `departmentId`: `issuerProfileId`
 * checked, or the implicit one.
 *
 * @throws ServerError `ERR_ACHIEVEMENT_ISSUER_PROFILE_NOT_FOUND`,
 *   `ERR_ACHIEVEMENT_ISSUER_PROFILE_ARCHIVED`, `ERR_ACHIEVEMENT_ISSUER_PROFILE_DEPARTMENT`,
 *   `ERR_ACHIEVEMENT_NO_ISSUER_PROFILE`
 */
export const resolveIssuerProfile = async (
  db: Database,
  organisationId: string,
  departmentId: string | null,
  issuerProfileId: string | undefined,
): Promise<string> => {
  if (issuerProfileId === undefined) return findImplicitProfile(db, organisationId, departmentId);
  const params = { issuerProfileId };
  const profile = await readProfileScope(db, issuerProfileId);
  if (profile?.organisationId !== organisationId) {
    throw new ServerError('ERR_ACHIEVEMENT_ISSUER_PROFILE_NOT_FOUND', { params });
  }
  if (profile.archived) throw new ServerError('ERR_ACHIEVEMENT_ISSUER_PROFILE_ARCHIVED', { params });
  if (profile.departmentId !== null && profile.departmentId !== departmentId) {
    throw new ServerError('ERR_ACHIEVEMENT_ISSUER_PROFILE_DEPARTMENT', { params });
  }
  return issuerProfileId;
};
