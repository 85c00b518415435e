/**
 * The organisation whose audit log is read: its id and domain (for the export's file name), or
 * 404 when there is none. Called after the policy, so that only those allowed to read a log learn
 * whether its organisation exists.
 */
import type { Database } from '../db/open-database.js';
import { ServerError } from '../http/server-error.js';

export interface AuditedOrganisation {
  readonly id: string;
  readonly domain: string;
}

export const findAuditedOrganisation = async (
  db: Database,
  organisationId: string,
): Promise<AuditedOrganisation> => {
  const organisation = await db.kysely
    .selectFrom('organisations')
    .select(['id', 'domain'])
    .where('id', '=', organisationId)
    .executeTakeFirst();
  if (organisation === undefined) throw new ServerError('ERR_ORG_NOT_FOUND');
  return organisation;
};
