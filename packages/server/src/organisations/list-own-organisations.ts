/** The organisations a user is a member of, with their role and departments there. */
import type { Database } from '../db/open-database.js';
import type { MembershipRole } from '../db/tables.js';
import type { OrganisationRow } from './present-organisation.js';

export interface OwnOrganisationRow {
  readonly organisation: OrganisationRow;
  readonly role: MembershipRole;
  readonly departmentIds: readonly string[];
}

export const listOwnOrganisations = async (
  db: Database,
  userId: string,
): Promise<OwnOrganisationRow[]> => {
  const rows = await db.kysely
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .selectAll('organisations')
    .select(['memberships.id as membershipId', 'memberships.role as role'])
    .where('memberships.user_id', '=', userId)
    .orderBy('organisations.name_en')
    .orderBy('organisations.id')
    .execute();
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
  return rows.map(({ membershipId, role, ...organisation }) => ({
    organisation,
    role,
    departmentIds: departments
      .filter((d) => d.membership_id === membershipId)
      .map((d) => d.department_id),
  }));
};
