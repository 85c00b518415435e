/**
 * What every change to an organisation's members keeps true, inside the change's transaction:
 *
 * - an issuer has at least one department, all of them the organisation's own; administrators
 *   and viewers have none (`ERR_MEMBER_DEPARTMENTS_INVALID`, `ERR_ORG_DEPARTMENT_NOT_FOUND`);
 * - the organisation keeps at least one `org_admin` (`ERR_MEMBER_LAST_ADMIN`). On PostgreSQL the
 *   organisation's row is locked first, so that two admins demoting each other at the same time
 *   cannot both succeed; SQLite's one connection serialises transactions already.
 */
import type { Database } from '../db/open-database.js';
import type { MembershipRole } from '../db/tables.js';
import { ServerError } from '../http/server-error.js';

/** Locks the organisation (PostgreSQL) for the rest of the transaction; 404 when it is missing. */
export const lockOrganisation = async (tx: Database, organisationId: string): Promise<void> => {
  const query = tx.kysely.selectFrom('organisations').select('id').where('id', '=', organisationId);
  const row = await (tx.dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
  if (row === undefined) throw new ServerError('ERR_ORG_NOT_FOUND');
};

/** The departments the role takes, checked against the organisation's own. */
export const checkRoleDepartments = async (
  tx: Database,
  organisationId: string,
  role: MembershipRole,
  departmentIds: readonly string[] = [],
): Promise<readonly string[]> => {
  if ((role === 'issuer') !== departmentIds.length > 0) {
    throw new ServerError('ERR_MEMBER_DEPARTMENTS_INVALID');
  }
  if (departmentIds.length === 0) return [];
  const found = await tx.kysely
    .selectFrom('departments')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', departmentIds)
    .execute();
  if (found.length !== new Set(departmentIds).size) {
    throw new ServerError('ERR_ORG_DEPARTMENT_NOT_FOUND');
  }
  return [...new Set(departmentIds)];
};

/** Fails unless the organisation has an `org_admin` other than `userId`. */
export const assertAnotherAdmin = async (
  tx: Database,
  organisationId: string,
  userId: string,
): Promise<void> => {
  const other = await tx.kysely
    .selectFrom('memberships')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('role', '=', 'org_admin')
    .where('user_id', '<>', userId)
    .executeTakeFirst();
  if (other === undefined) throw new ServerError('ERR_MEMBER_LAST_ADMIN');
};

/** Replaces the membership's departments. */
export const setMembershipDepartments = async (
  tx: Database,
  membershipId: string,
  departmentIds: readonly string[],
): Promise<void> => {
  await tx.kysely
    .deleteFrom('membership_departments')
    .where('membership_id', '=', membershipId)
    .execute();
  if (departmentIds.length === 0) return;
  await tx.kysely
    .insertInto('membership_departments')
    .values(departmentIds.map((id) => ({ membership_id: membershipId, department_id: id })))
    .execute();
};
