/**
 * Only organisations the platform operator has approved may issue. The issuing service calls
 * this (after `authorize(…, 'badge.issue', …)`, which says who may issue) before it signs
 * anything: `ERR_ORG_NOT_FOUND` or `ERR_ORG_NOT_APPROVED` otherwise.
 */
import type { Database } from '../db/open-database.js';
import { ServerError } from '../http/server-error.js';

export const assertOrganisationCanIssue = async (
  db: Database,
  organisationId: string,
): Promise<void> => {
  const row = await db.kysely
    .selectFrom('organisations')
    .select('status')
    .where('id', '=', organisationId)
    .executeTakeFirst();
  if (row === undefined) throw new ServerError('ERR_ORG_NOT_FOUND');
  if (row.status !== 'approved') throw new ServerError('ERR_ORG_NOT_APPROVED');
};
