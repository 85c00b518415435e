/**
 * Reading departments, always within one organisation: a department id of another organisation
 * is not found here (`ERR_ORG_DEPARTMENT_NOT_FOUND`).
 */
import type { Selectable } from 'kysely';
import type { Database } from '../db/open-database.js';
import type { DepartmentsTable } from '../db/tables.js';
import { ServerError } from '../http/server-error.js';
import type { Department } from './department-schemas.js';

export type DepartmentRow = Selectable<DepartmentsTable>;

export const presentDepartment = (row: DepartmentRow): Department => ({
  id: row.id,
  organisationId: row.organisation_id,
  name: row.name,
  createdAt: row.created_at,
});

export const listDepartments = (db: Database, organisationId: string): Promise<DepartmentRow[]> =>
  db.kysely
    .selectFrom('departments')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('name')
    .orderBy('id')
    .execute();

export const readDepartment = async (
  db: Database,
  organisationId: string,
  departmentId: string,
): Promise<DepartmentRow> => {
  const row = await db.kysely
    .selectFrom('departments')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', departmentId)
    .executeTakeFirst();
  if (row === undefined) throw new ServerError('ERR_ORG_DEPARTMENT_NOT_FOUND');
  return row;
};
