/**
 * The request schemas of the audit-log routes (filters, pagination, CSV options) and their reading
 * into an `AuditEventFilter`: date-times are brought to the stored UTC form, and the rules that
 * span two fields (`from` before `to`; `cursor` or `offset`, not both) are checked here, reported
 * like every other validation failure.
 */
import type { LocalizedMessage } from '@akashi/core';
import { Type, type Static } from '@sinclair/typebox';
import { ServerError, type FieldError } from '../http/server-error.js';
import { decodeAuditCursor, type AuditCursor } from './audit-cursor.js';

const Identifier = (description: string) =>
  Type.String({ minLength: 1, maxLength: 200, description });

export const OrganisationParams = Type.Object(
  { organisationId: Identifier('The organisation whose events are read.') },
  { additionalProperties: false },
);

const FILTERS = {
  action: Type.Optional(
    Type.String({
      maxLength: 100,
      pattern: '^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*\\.?$',
      description:
        'An action (`account.sign-in`), or every action under a prefix ending in a dot (`account.`).',
    }),
  ),
  actor: Type.Optional(Identifier('Only events done by this user id or API key id.')),
  from: Type.Optional(
    Type.String({
      format: 'date-time',
      description: 'Only events at or after this time (ISO 8601 with an offset).',
    }),
  ),
  to: Type.Optional(
    Type.String({
      format: 'date-time',
      description: 'Only events before this time (exclusive; ISO 8601 with an offset).',
    }),
  ),
  targetType: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'Only events on this kind of target.',
    }),
  ),
  targetId: Type.Optional(Identifier('Only events on the target with this id.')),
};

const ORGANISATION_FILTER = {
  organisationId: Type.Optional(Identifier("Only this organisation's events.")),
};

const DEFAULT_LIMIT = 50;

const PAGINATION = {
  limit: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 200,
      default: DEFAULT_LIMIT,
      description: `Events per page (default ${DEFAULT_LIMIT}, at most 200).`,
    }),
  ),
  cursor: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 600,
      description: "The previous page's `nextCursor`: the page after it.",
    }),
  ),
  offset: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 100_000,
      description: 'Skip this many events (instead of `cursor`; a cursor is faster and stable).',
    }),
  ),
};

const CSV_OPTIONS = {
  lang: Type.Optional(
    Type.Union([Type.Literal('en'), Type.Literal('ja')], {
      default: 'en',
      description: 'The language of the header row (default en).',
    }),
  ),
};

const strict = { additionalProperties: false } as const;

export const OrganisationAuditQuery = Type.Object({ ...FILTERS, ...PAGINATION }, strict);
export const AllAuditQuery = Type.Object(
  { ...FILTERS, ...ORGANISATION_FILTER, ...PAGINATION },
  strict,
);
export const OrganisationAuditCsvQuery = Type.Object({ ...FILTERS, ...CSV_OPTIONS }, strict);
export const AllAuditCsvQuery = Type.Object(
  { ...FILTERS, ...ORGANISATION_FILTER, ...CSV_OPTIONS },
  strict,
);

type FilterQuery = Static<typeof AllAuditCsvQuery>;
type PageQuery = Static<typeof AllAuditQuery>;

/** What to select; `undefined` leaves a criterion out. */
export interface AuditEventFilter {
  readonly organisationId: string | undefined;
  /** Exact, or a prefix when it ends with a dot. */
  readonly action: string | undefined;
  /** A user id or an API key id. */
  readonly actorId: string | undefined;
  /** Inclusive, in the stored form (`toISOString()`). */
  readonly from: string | undefined;
  /** Exclusive, in the stored form. */
  readonly to: string | undefined;
  readonly targetType: string | undefined;
  readonly targetId: string | undefined;
}

/** Which page: after a cursor, or after skipping `offset` events. */
export interface AuditEventPageRequest {
  readonly limit: number;
  readonly cursor: AuditCursor | undefined;
  readonly offset: number | undefined;
}

const toStoredTime = (value: string | undefined): string | undefined =>
  value === undefined ? undefined : new Date(value).toISOString();

const fieldError = (path: string, message: LocalizedMessage): FieldError => ({
  in: 'querystring',
  path,
  message,
});

/**
 * The filter of a validated query. `organisationId` is the organisation of the route, if any;
 * else the query's own `organisationId` filter.
 */
export const readAuditEventFilter = (
  query: Partial<FilterQuery>,
  organisationId: string | undefined,
): AuditEventFilter => {
  const from = toStoredTime(query.from);
  const to = toStoredTime(query.to);
  if (from !== undefined && to !== undefined && from >= to) {
    throw new ServerError('ERR_HTTP_VALIDATION', {
      fields: [
        fieldError('/to', {
          en: 'must be later than from',
          ja: 'from より後の日時を指定してください',
        }),
      ],
    });
  }
  return {
    organisationId: organisationId ?? query.organisationId,
    action: query.action,
    actorId: query.actor,
    from,
    to,
    targetType: query.targetType,
    targetId: query.targetId,
  };
};

/** The page a validated query asks for. */
export const readAuditEventPageRequest = (query: PageQuery): AuditEventPageRequest => {
  if (query.cursor !== undefined && query.offset !== undefined) {
    throw new ServerError('ERR_HTTP_VALIDATION', {
      fields: [
        fieldError('/offset', {
          en: 'cannot be used with cursor',
          ja: 'cursor と同時には指定できません',
        }),
      ],
    });
  }
  return {
    limit: query.limit ?? DEFAULT_LIMIT,
    cursor: query.cursor === undefined ? undefined : decodeAuditCursor(query.cursor),
    offset: query.offset,
  };
};
