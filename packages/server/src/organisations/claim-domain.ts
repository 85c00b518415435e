/**
 * An organisation's domain is unique. A pending or approved organisation holds it; a rejected
 * application does not: otherwise anyone could block a university's domain by applying for it
 * first. When a new organisation takes the domain of a rejected application, that application's
 * row keeps the domain as `rejected:<id>:<domain>` (its history stays readable; the audit log
 * has the rejection).
 *
 * Runs inside the caller's transaction; a concurrent insert of the same domain still fails on
 * the unique constraint, which the caller turns into `ERR_ORG_DOMAIN_TAKEN`.
 */
import type { Database } from '../db/open-database.js';
import { ServerError } from '../http/server-error.js';
import { releasedDomain } from './present-organisation.js';

/** The lower-cased domain, free for a new organisation; `ERR_ORG_DOMAIN_TAKEN` otherwise. */
export const claimDomain = async (tx: Database, domain: string, now: Date): Promise<string> => {
  const wanted = domain.toLowerCase();
  const holder = await tx.kysely
    .selectFrom('organisations')
    .select(['id', 'status'])
    .where('domain', '=', wanted)
    .executeTakeFirst();
  if (holder === undefined) return wanted;
  if (holder.status !== 'rejected') throw new ServerError('ERR_ORG_DOMAIN_TAKEN');
  await tx.kysely
    .updateTable('organisations')
    .set({ domain: releasedDomain(holder.id, wanted), updated_at: now.toISOString() })
    .where('id', '=', holder.id)
    .execute();
  return wanted;
};
