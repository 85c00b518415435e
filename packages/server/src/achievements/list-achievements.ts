/**
 * An organisation's achievements, newest first, a page at a time: filtered by status (active by
 * default), department, and a text in the Japanese or English name (case-insensitive for Latin
 * letters). Pages follow an opaque cursor (the last row's creation time and id), so that rows
 * added meanwhile neither repeat nor go missing.
 */
import { Buffer } from 'node:buffer';
import { sql } from 'kysely';
import type { Database } from '../db/open-database.js';
import { ServerError } from '../http/server-error.js';
import { toAchievement, type Achievement } from './achievement.js';
import type { AchievementStatus } from './achievement-tables.js';

export interface ListAchievementsOptions {
  readonly status?: AchievementStatus | 'all';
  readonly departmentId?: string;
  readonly q?: string;
  readonly limit?: number;
  readonly cursor?: string;
}

export interface AchievementPage {
  readonly achievements: Achievement[];
  readonly nextCursor: string | null;
}

const encodeCursor = (createdAt: string, id: string): string =>
  Buffer.from(JSON.stringify([createdAt, id]), 'utf8').toString('base64url');

const decodeCursor = (cursor: string): [string, string] => {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      value.every((part) => typeof part === 'string')
    ) {
      return value as [string, string];
    }
  } catch {
    // Reported below.
  }
  throw new ServerError('ERR_HTTP_VALIDATION', {
    fields: [
      {
        in: 'querystring',
        path: '/cursor',
        message: {
          en: 'is not a cursor this list gave out',
          ja: 'この一覧が返したカーソルではありません',
        },
      },
    ],
  });
};

/** `text` as a LIKE pattern matching it anywhere, with `\` escaping `%`, `_` and `\`. */
const containsPattern = (text: string): string =>
  `%${text.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

export const listAchievements = async (
  db: Database,
  organisationId: string,
  { status = 'active', departmentId, q, limit = 50, cursor }: ListAchievementsOptions = {},
): Promise<AchievementPage> => {
  let query = db.kysely
    .selectFrom('achievements')
    .selectAll()
    .where('organisation_id', '=', organisationId);
  if (status !== 'all') query = query.where('status', '=', status);
  if (departmentId !== undefined) query = query.where('department_id', '=', departmentId);
  if (q !== undefined) {
    const pattern = containsPattern(q);
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(name_ja)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(coalesce(name_en, ''))`, 'like', sql`${pattern} escape '\\'`),
      ]),
    );
  }
  if (cursor !== undefined) {
    const [createdAt, id] = decodeCursor(cursor);
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
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    achievements: page.map(toAchievement),
    nextCursor:
      rows.length > limit && last !== undefined ? encodeCursor(last.created_at, last.id) : null,
  };
};
