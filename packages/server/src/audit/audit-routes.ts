/**
 * The audit log, read side (issue 4). Append-only: there is no route that changes or removes an
 * event. Each route reads its query, asks the policy, runs the query and presents the result.
 *
 *   GET /organisations/:organisationId/audit-events      one organisation's events (its org
 *                                                        admins, operators)
 *   GET /organisations/:organisationId/audit-events.csv  the same as CSV for Excel
 *   GET /audit-events                                    every organisation's events (operators)
 *   GET /audit-events.csv                                the same as CSV
 */
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { RoutePlugin } from '../http/app-context.js';
import { ErrorEnvelope } from '../http/error-envelope.js';
import { authorizeRequest } from '../policy/authorize-request.js';
import {
  AllAuditCsvQuery,
  AllAuditQuery,
  OrganisationAuditCsvQuery,
  OrganisationAuditQuery,
  OrganisationParams,
  readAuditEventFilter,
  readAuditEventPageRequest,
} from './audit-event-query.js';
import {
  exportAuditEvents,
  MAX_EXPORT_ROWS,
  nameAuditExportFile,
  type ExportAuditEventsOptions,
} from './export-audit-events.js';
import { findAuditedOrganisation } from './find-audited-organisation.js';
import { listAuditEvents } from './list-audit-events.js';
import { AuditEventPage, presentAuditEventPage } from './present-audit-event.js';

export interface AuditRoutesOptions {
  /** The largest CSV export (default `MAX_EXPORT_ROWS`). */
  readonly maxExportRows?: number;
}

const TAGS = ['audit'] as const;

const ERRORS = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope } as const;

const CSV_DESCRIPTION =
  'A `text/csv` file for spreadsheets: UTF-8 with a byte order mark, CRLF line ends, RFC 4180 ' +
  'quoting, a header row (`lang=ja` for Japanese headers), newest event first. Cells that a ' +
  `spreadsheet would run as a formula start with \`'\`. Exports of more than ${MAX_EXPORT_ROWS.toLocaleString('en')} events are ` +
  'refused with ERR_AUDIT_EXPORT_TOO_LARGE: narrow the range. The export is itself recorded in ' +
  'the log (`audit.export`).';

const sendCsv = (reply: FastifyReply, fileName: string, body: Readable) =>
  reply
    .type('text/csv; charset=utf-8; header=present')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .send(body);

export const createAuditRoutes =
  ({ maxExportRows }: AuditRoutesOptions = {}): RoutePlugin =>
  (app, { db, clock }) => {
    const exportOptions = (
      options: Omit<ExportAuditEventsOptions, 'maxRows'>,
    ): ExportAuditEventsOptions =>
      maxExportRows === undefined ? options : { ...options, maxRows: maxExportRows };

    app.get(
      '/organisations/:organisationId/audit-events',
      {
        schema: {
          summary: "List an organisation's audit events",
          description:
            'Newest first. For its org admins and for operators. Page with `cursor` (the previous `nextCursor`) or with `offset`.',
          tags: TAGS,
          operationId: 'listOrganisationAuditEvents',
          params: OrganisationParams,
          querystring: OrganisationAuditQuery,
          response: { 200: AuditEventPage, ...ERRORS, 404: ErrorEnvelope },
        },
      },
      async (request) => {
        const { organisationId } = request.params;
        await authorizeRequest(db, request.actor, 'audit.read', { organisationId });
        await findAuditedOrganisation(db, organisationId);
        const filter = readAuditEventFilter(request.query, organisationId);
        const page = readAuditEventPageRequest(request.query);
        return presentAuditEventPage(await listAuditEvents(db, filter, page));
      },
    );

    app.get(
      '/organisations/:organisationId/audit-events.csv',
      {
        // A HEAD request would run (and record) an export whose file nobody receives.
        exposeHeadRoute: false,
        schema: {
          summary: "Export an organisation's audit events as CSV",
          description: CSV_DESCRIPTION,
          tags: TAGS,
          operationId: 'exportOrganisationAuditEvents',
          params: OrganisationParams,
          querystring: OrganisationAuditCsvQuery,
          response: { ...ERRORS, 404: ErrorEnvelope, 422: ErrorEnvelope },
        },
      },
      async (request, reply) => {
        const { organisationId } = request.params;
        await authorizeRequest(db, request.actor, 'audit.read', { organisationId });
        const organisation = await findAuditedOrganisation(db, organisationId);
        const now = clock();
        const { body } = await exportAuditEvents(
          db,
          exportOptions({
            filter: readAuditEventFilter(request.query, organisationId),
            language: request.query.lang ?? 'en',
            actor: request.actor,
            request,
            now,
          }),
        );
        return sendCsv(reply, nameAuditExportFile(organisation.domain, now), body);
      },
    );

    app.get(
      '/audit-events',
      {
        schema: {
          summary: "List every organisation's audit events (operators)",
          description:
            'Newest first, platform events (no organisation) included. Page with `cursor` or `offset`.',
          tags: TAGS,
          operationId: 'listAuditEvents',
          querystring: AllAuditQuery,
          response: { 200: AuditEventPage, ...ERRORS },
        },
      },
      async (request) => {
        await authorizeRequest(db, request.actor, 'audit.read', {});
        const filter = readAuditEventFilter(request.query, undefined);
        const page = readAuditEventPageRequest(request.query);
        return presentAuditEventPage(await listAuditEvents(db, filter, page));
      },
    );

    app.get(
      '/audit-events.csv',
      {
        // A HEAD request would run (and record) an export whose file nobody receives.
        exposeHeadRoute: false,
        schema: {
          summary: "Export every organisation's audit events as CSV (operators)",
          description: CSV_DESCRIPTION,
          tags: TAGS,
          operationId: 'exportAuditEvents',
          querystring: AllAuditCsvQuery,
          response: { ...ERRORS, 422: ErrorEnvelope },
        },
      },
      async (request, reply) => {
        await authorizeRequest(db, request.actor, 'audit.read', {});
        const now = clock();
        const { body } = await exportAuditEvents(
          db,
          exportOptions({
            filter: readAuditEventFilter(request.query, undefined),
            language: request.query.lang ?? 'en',
            actor: request.actor,
            request,
            now,
          }),
        );
        const label = request.query.organisationId ?? 'all';
        return sendCsv(reply, nameAuditExportFile(label, now), body);
      },
    );
  };

export const registerAuditRoutes: RoutePlugin = createAuditRoutes();
