/**
 * An organisation's awards for staff, newest first, filtered (achievement, state, recipient
 * e-mail, external id, bulk job, a search over the recipient's e-mail / names / external id, the
 * award date, expiry) and paged with an opaque cursor (stable under new awards).
 */
import { sql } from 'kysely';
import type { Database } from '../db/open-database.js';
import { ServerError } from '../http/server-error.js';
import { presentAwardRow, type Award } from './award.js';
import type { AwardState } from './award-tables.js';

export interface ListAwardsFilter {
  readonly achievementId?: string | undefined;
  readonly state?: AwardState | undefined;
  readonly email?: string | undefined;
  readonly externalId?: string | undefined;
  readonly bulkJobId?: string | undefined;
  readonly q?: string | undefined;
  readonly awardedFrom?: string | undefined;
  readonly awardedTo?: string | undefined;
  readonly validity?: 'current' | 'expired' | undefined;
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

/** `text` for a LIKE pattern: its own `%`, `_` and `\\` match themselves. */
const likeEscape = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** An instant as stored (`toISOString`), so text comparison orders it; bad input → 400. */
const storedInstant = (value: string): string => {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new ServerError('ERR_HTTP_BAD_REQUEST');
  return new Date(time).toISOString();
};

const SEARCHED_COLUMNS = [
  'recipient_email',
  'recipient_name',
  'recipient_name_kana',
  'recipient_name_romaji',
  'external_id',
] as const;

const encodeCursor = (award: Award): string =>
  Buffer.from(JSON.stringify([award.createdAt, award.id]), 'utf8').toString('base64url');

const decodeCursor = (cursor: string): [string, string] => {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string'
    ) {
      return [value[0], value[1]];
    }
  } catch {
    // Falls through to the error below.
  }
  throw new ServerError('ERR_HTTP_BAD_REQUEST');
};

export const listAwards = async (
  db: Database,
  organisationId: string,
  filter: ListAwardsFilter,
  now: Date = new Date(),
): Promise<{ awards: Award[]; nextCursor: string | null }> => {
  const limit = filter.limit ?? 50;
  let query = db.kysely
    .selectFrom('awards')
    .selectAll()
    .where('organisation_id', '=', organisationId);
  if (filter.achievementId !== undefined)
    query = query.where('achievement_id', '=', filter.achievementId);
  if (filter.state !== undefined) query = query.where('state', '=', filter.state);
  if (filter.email !== undefined) query = query.where('recipient_email', '=', filter.email);
  if (filter.externalId !== undefined) query = query.where('external_id', '=', filter.externalId);
  if (filter.bulkJobId !== undefined) query = query.where('bulk_job_id', '=', filter.bulkJobId);
  if (filter.q !== undefined && filter.q.trim() !== '') {
    const pattern = `%${likeEscape(filter.q.trim().toLowerCase())}%`;
    query = query.where((eb) =>
      eb.or(
        SEARCHED_COLUMNS.map(
          (column) => sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`,
        ),
      ),
    );
  }
  if (filter.awardedFrom !== undefined)
    query = query.where('awarded_at', '>=', storedInstant(filter.awardedFrom));
  if (filter.awardedTo !== undefined)
    query = query.where('awarded_at', '<', storedInstant(filter.awardedTo));
  if (filter.validity !== undefined) {
    const instant = now.toISOString();
    query =
      filter.validity === 'expired'
        ? query.where('valid_until', 'is not', null).where('valid_until', '<=', instant)
        : query.where((eb) =>
            eb.or([eb('valid_until', 'is', null), eb('valid_until', '>', instant)]),
          );
  }
  if (filter.cursor !== undefined) {
    const [createdAt, id] = decodeCursor(filter.cursor);
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '<', createdAt),
        eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const awards = rows.slice(0, limit).map((row) => presentAwardRow(row));
  const last = awards.at(-1);
  return {
    awards,
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(last) : null,
  };
};
