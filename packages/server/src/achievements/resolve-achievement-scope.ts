/**
 * Where an achievement sits: its department (one of its organisation's, or none) and the issuer
 * profile that awards it. The profile must be the organisation's, not archived, and either
 * organisation-wide or the achievement's own department's. Without a profile named, the
 * department's profile is taken if it has one, else the organisation's default profile.
 */
import type { Database } from '../db/open-database.js';
import { ServerError } from '../http/server-error.js';
import { listIssuerProfiles, selectIssuerProfile } from '../issuers/issuer-profile.js';

/** The profile used when none is named: the department's, else the organisation's default. */
const findImplicitProfile = async (
  db: Database,
  organisationId: string,
  departmentId: string | null,
): Promise<string> => {
  const profiles = await listIssuerProfiles(db, organisationId);
  const chosen =
    profiles.find((profile) => departmentId !== null && profile.departmentId === departmentId) ??
    profiles.find((profile) => profile.isDefault);
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
  const profile = await selectIssuerProfile(db, issuerProfileId);
  if (profile?.organisation_id !== organisationId) {
    throw new ServerError('ERR_ACHIEVEMENT_ISSUER_PROFILE_NOT_FOUND', { params });
  }
  if (profile.archived_at !== null)
    throw new ServerError('ERR_ACHIEVEMENT_ISSUER_PROFILE_ARCHIVED', { params });
  if (profile.department_id !== null && profile.department_id !== departmentId) {
    throw new ServerError('ERR_ACHIEVEMENT_ISSUER_PROFILE_DEPARTMENT', { params });
  }
  return issuerProfileId;
};
