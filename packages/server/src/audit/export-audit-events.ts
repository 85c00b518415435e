/**
 * The CSV export of an audit-log query. Bounded: a query that selects more than `maxRows` events
 * is refused before anything is sent (ERR_AUDIT_EXPORT_TOO_LARGE, which suggests narrowing it),
 * so the response is always whole. Streamed: events are read in batches and written as they come.
 * The export itself is recorded in the log (`audit.export`, with its filter and row count), since
 * it hands personal data out of the platform.
 */
import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/open-database.js';
import { ServerError } from '../http/server-error.js';
import { recordAuditEvent } from './record-audit-event.js';
import type { AuditEventFilter } from './audit-event-query.js';
import { formatAuditCsv, type AuditCsvLanguage } from './format-audit-csv.js';
import { countAuditEventsUpTo, iterateAuditEvents } from './list-audit-events.js';
import { presentAuditEvent, type AuditEvent } from './present-audit-event.js';

/** The largest export; past it, narrow the query (by time range, action…) or page through JSON. */
export const MAX_EXPORT_ROWS = 100_000;

/**
 * Events that arrive between the count and the first batch (this export's own `audit.export`
 * among them) are included rather than cut; this bounds how many that may be.
 */
const LATE_ARRIVALS = 1_000;

export interface ExportAuditEventsOptions {
  readonly filter: AuditEventFilter;
  readonly language: AuditCsvLanguage;
  readonly actor: Actor;
  readonly request: Pick<FastifyRequest, 'ip' | 'id'>;
  readonly now: Date;
  readonly maxRows?: number;
}

export interface ExportAuditEventsResult {
  /** The CSV file: UTF-8 text chunks. */
  readonly body: Readable;
  readonly rows: number;
}

async function* presentEach(records: ReturnType<typeof iterateAuditEvents>) {
  for await (const record of records) yield presentAuditEvent(record);
}

const describeFilter = (filter: AuditEventFilter): Record<string, string> =>
  Object.fromEntries(
    Object.entries(filter).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );

export const exportAuditEvents = async (
  db: Database,
  { filter, language, actor, request, now, maxRows = MAX_EXPORT_ROWS }: ExportAuditEventsOptions,
): Promise<ExportAuditEventsResult> => {
  const rows = await countAuditEventsUpTo(db, filter, maxRows);
  if (rows > maxRows) {
    throw new ServerError('ERR_AUDIT_EXPORT_TOO_LARGE', { params: { limit: maxRows } });
  }
  await recordAuditEvent(
    db,
    {
      action: 'audit.export',
      actor,
      organisationId: filter.organisationId ?? null,
      details: { format: 'csv', rows, filter: describeFilter(filter) },
      request,
    },
    now,
  );
  const events: AsyncIterable<AuditEvent> = presentEach(
    iterateAuditEvents(db, filter, { max: maxRows + LATE_ARRIVALS }),
  );
  return { body: Readable.from(formatAuditCsv(events, language)), rows };
};

/** A file name for the download: ASCII only, so no RFC 5987 form is needed. */
export const nameAuditExportFile = (label: string, now: Date): string => {
  const stamp = now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
  const safeLabel = label.toLowerCase().replace(/[^a-z0-9.-]+/g, '-');
  return `akashi-audit-events-${safeLabel}-${stamp}.csv`;
};
