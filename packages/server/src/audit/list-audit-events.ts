/**
 * Reading the audit log: one page of events, a capped count, or every event of a filter in
 * batches (for exports). Each event comes with what is known of its actor (the user's e-mail and
 * display name, or the API key's prefix and name). Order is always newest first, `occurred_at`
 * then `id`, both descending: a total order, so pages never overlap or leave gaps.
 */
import { sql } from 'kysely';
import type { Database } from '../db/open-database.js';
import { encodeAuditCursor, type AuditCursor } from './audit-cursor.js';
import type { AuditEventFilter, AuditEventPageRequest } from './audit-event-query.js';

export interface AuditEventRecord {
  readonly id: string;
  readonly occurredAt: string;
  readonly action: string;
  readonly actorUserId: string | null;
  readonly actorEmail: string | null;
  readonly actorDisplayName: string | null;
  readonly actorApiKeyId: string | null;
  readonly actorKeyPrefix: string | null;
  readonly actorKeyName: string | null;
  readonly organisationId: string | null;
  readonly targetType: string | null;
  readonly targetId: string | null;
  /** JSON text, as stored. */
  readonly details: string;
  readonly ip: string | null;
  readonly requestId: string | null;
}

export interface ListAuditEventsResult {
  readonly events: readonly AuditEventRecord[];
  /** Where the next page starts; null on the last page. */
  readonly nextCursor: string | null;
}

const filteredEvents = (db: Database, filter: AuditEventFilter, after?: AuditCursor) => {
  let query = db.kysely
    .selectFrom('audit_events')
    .leftJoin('users', 'users.id', 'audit_events.actor_user_id')
    .leftJoin('api_keys', 'api_keys.id', 'audit_events.actor_api_key_id');
  const { organisationId, action, actorId, from, to, targetType, targetId } = filter;
  if (organisationId !== undefined) {
    query = query.where('audit_events.organisation_id', '=', organisationId);
  }
  if (action !== undefined && action.endsWith('.')) {
    // substr() rather than LIKE: SQLite's LIKE ignores case and both treat `_` as a wildcard.
    const head = sql<string>`substr(${sql.ref('audit_events.action')}, 1, ${sql.lit(action.length)})`;
    query = query.where(head, '=', action);
  } else if (action !== undefined) {
    query = query.where('audit_events.action', '=', action);
  }
  if (actorId !== undefined) {
    query = query.where((eb) =>
      eb.or([
        eb('audit_events.actor_user_id', '=', actorId),
        eb('audit_events.actor_api_key_id', '=', actorId),
      ]),
    );
  }
  if (from !== undefined) query = query.where('audit_events.occurred_at', '>=', from);
  if (to !== undefined) query = query.where('audit_events.occurred_at', '<', to);
  if (targetType !== undefined) query = query.where('audit_events.target_type', '=', targetType);
  if (targetId !== undefined) query = query.where('audit_events.target_id', '=', targetId);
  if (after !== undefined) {
    query = query.where((eb) =>
      eb.or([
        eb('audit_events.occurred_at', '<', after.occurredAt),
        eb.and([
          eb('audit_events.occurred_at', '=', after.occurredAt),
          eb('audit_events.id', '<', after.id),
        ]),
      ]),
    );
  }
  return query;
};

const selectRecords = (db: Database, filter: AuditEventFilter, after?: AuditCursor) =>
  filteredEvents(db, filter, after)
    .select([
      'audit_events.id as id',
      'audit_events.occurred_at as occurredAt',
      'audit_events.action as action',
      'audit_events.actor_user_id as actorUserId',
      'users.email as actorEmail',
      'users.display_name as actorDisplayName',
      'audit_events.actor_api_key_id as actorApiKeyId',
      'api_keys.key_prefix as actorKeyPrefix',
      'api_keys.name as actorKeyName',
      'audit_events.organisation_id as organisationId',
      'audit_events.target_type as targetType',
      'audit_events.target_id as targetId',
      'audit_events.details as details',
      'audit_events.ip as ip',
      'audit_events.request_id as requestId',
    ])
    .orderBy('audit_events.occurred_at', 'desc')
    .orderBy('audit_events.id', 'desc');

const cursorAfter = (record: AuditEventRecord): AuditCursor => ({
  occurredAt: record.occurredAt,
  id: record.id,
});

/** One page of the events `filter` selects. */
export const listAuditEvents = async (
  db: Database,
  filter: AuditEventFilter,
  page: AuditEventPageRequest,
): Promise<ListAuditEventsResult> => {
  let query = selectRecords(db, filter, page.cursor).limit(page.limit + 1);
  if (page.offset !== undefined && page.offset > 0) query = query.offset(page.offset);
  const rows: AuditEventRecord[] = await query.execute();
  const events = rows.slice(0, page.limit);
  const last = events.at(-1);
  return {
    events,
    nextCursor:
      rows.length > page.limit && last !== undefined ? encodeAuditCursor(cursorAfter(last)) : null,
  };
};

/**
 * How many events `filter` selects, counting no further than `cap + 1`: enough to tell whether
 * there are more than `cap` without counting a whole large log.
 */
export const countAuditEventsUpTo = async (
  db: Database,
  filter: AuditEventFilter,
  cap: number,
): Promise<number> => {
  const capped = filteredEvents(db, filter)
    .select('audit_events.id')
    .limit(cap + 1)
    .as('capped');
  const { count } = await db.kysely
    .selectFrom(capped)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return count;
};

export interface IterateAuditEventsOptions {
  /** Stop after this many events. */
  readonly max: number;
  /** Events read per query (default 500). */
  readonly batchSize?: number;
}

/** Every event `filter` selects, newest first, read in batches (for exports). */
export async function* iterateAuditEvents(
  db: Database,
  filter: AuditEventFilter,
  { max, batchSize = 500 }: IterateAuditEventsOptions,
): AsyncGenerator<AuditEventRecord> {
  let after: AuditCursor | undefined;
  let remaining = max;
  while (remaining > 0) {
    const size = Math.min(batchSize, remaining);
    const batch: AuditEventRecord[] = await selectRecords(db, filter, after).limit(size).execute();
    for (const record of batch) yield record;
    remaining -= batch.length;
    const last = batch.at(-1);
    if (batch.length < size || last === undefined) return;
    after = cursorAfter(last);
  }
}
