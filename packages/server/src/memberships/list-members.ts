/** Reading an organisation's members (always within that organisation). */
import type { Database } from '../db/open-database.js';
import type { MembershipRole } from '../db/tables.js';
import { ServerError } from '../http/server-error.js';
import type { Member } from './member-schemas.js';

export interface MemberRow {
  readonly membershipId: string;
  readonly userId: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: MembershipRole;
  readonly createdAt: string;
  readonly departmentIds: readonly string[];
}

export const presentMember = (row: MemberRow): Member => ({
  userId: row.userId,
  email: row.email,
  displayName: row.displayName,
  role: row.role,
  departmentIds: [...row.departmentIds],
  memberSince: row.createdAt,
});

const selectMembers = async (
  db: Database,
  organisationId: string,
  userId?: string,
): Promise<MemberRow[]> => {
  let query = db.kysely
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'memberships.id as membershipId',
      'users.id as userId',
      'users.email as email',
      'users.display_name as displayName',
      'memberships.role as role',
      'memberships.created_at as createdAt',
    ])
    .where('memberships.organisation_id', '=', organisationId);
  if (userId !== undefined) query = query.where('memberships.user_id', '=', userId);
  const rows = await query.orderBy('users.email').execute();
  if (rows.length === 0) return [];
  const departments = await db.kysely
    .selectFrom('membership_departments')
    .select(['membership_id', 'department_id'])
    .where(
      'membership_id',
      'in',
      rows.map((row) => row.membershipId),
    )
    .orderBy('department_id')
    .execute();
  return rows.map((row) => ({
    ...row,
    departmentIds: departments
      .filter((d) => d.membership_id === row.membershipId)
      .map((d) => d.department_id),
  }));
};

export const listMembers = (db: Database, organisationId: string): Promise<MemberRow[]> =>
  selectMembers(db, organisationId);

export const readMember = async (
  db: Database,
  organisationId: string,
  userId: string,
): Promise<MemberRow> => {
  const [row] = await selectMembers(db, organisationId, userId);
  if (row === undefined) throw new ServerError('ERR_MEMBER_NOT_FOUND');
  return row;
};
