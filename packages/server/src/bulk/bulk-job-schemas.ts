/**
 * The request and response schemas (TypeBox) of the bulk-award routes, for validation and the
 * OpenAPI document, and the functions that turn jobs and reports into their API form.
 */
import { Type, type Static } from '@sinclair/typebox';
import { AWARD_FIELDS } from './award-fields.js';
import type { RowError, RowWarning } from './award-row-issues.js';
import { BULK_JOB_ROW_STATES, BULK_JOB_STATES, type BulkJob } from './bulk-job-model.js';
import type { BulkJobReport } from './create-bulk-job.js';

const Id = Type.String({ format: 'uuid' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Localized = Type.Object({ en: Type.String(), ja: Type.String() });
const literals = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((value) => Type.Literal(value)));

export const JobParams = Type.Object(
  { organisationId: Id, jobId: Id },
  { additionalProperties: false },
);
export const SubmitParams = Type.Object(
  { organisationId: Id, achievementId: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

export const SubmitQuery = Type.Object(
  {
    fileName: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
    notify: Type.Optional(Type.Boolean({ description: 'E-mail each recipient (default true).' })),
    locale: Type.Optional(literals(['ja', 'en'] as const)),
  },
  { additionalProperties: false },
);
export type SubmitQuery = Static<typeof SubmitQuery>;

const NullableText = Nullable(Type.String());

/** A valid row as stored: its row number, e-mail, and the other fields (null when absent). */
const AwardInput = Type.Object({
  row: Type.Integer(),
  email: Type.String(),
  name: NullableText,
  nameKana: NullableText,
  nameRomaji: NullableText,
  externalId: NullableText,
  evidenceUrl: NullableText,
  narrative: NullableText,
  awardedDate: NullableText,
  validFrom: NullableText,
  validUntil: NullableText,
});

export const SubmitBody = Type.Unknown({
  description:
    'Either a CSV file (Content-Type text/csv or application/octet-stream; UTF-8 or Shift_JIS, ' +
    'with or without BOM; header row in Japanese or English), or JSON: an array of award ' +
    'objects, or `{ "awards": [...], "notify": true, "locale": "ja" }`. Award object: ' +
    AWARD_FIELDS.join(', ') +
    ' (strings or null).',
});

export const ListJobsQuery = Type.Object(
  {
    state: Type.Optional(literals(BULK_JOB_STATES)),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export const ListRowsQuery = Type.Object(
  {
    state: Type.Optional(literals(BULK_JOB_ROW_STATES)),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
    cursor: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);

const Counts = Type.Object({
  total: Type.Integer(),
  valid: Type.Integer(),
  invalid: Type.Integer(),
  issued: Type.Integer(),
  duplicate: Type.Integer(),
  failed: Type.Integer(),
});

export const BulkJobView = Type.Object({
  id: Id,
  organisationId: Id,
  departmentId: Nullable(Type.String()),
  achievementId: Type.String(),
  createdBy: Type.Object({
    kind: literals(['user', 'api-key', 'system'] as const),
    userId: Type.Optional(Type.String()),
    apiKeyId: Type.Optional(Type.String()),
  }),
  source: literals(['csv', 'json'] as const),
  fileName: Nullable(Type.String()),
  encoding: Nullable(Type.String()),
  state: literals(BULK_JOB_STATES),
  options: Type.Object({ notify: Type.Boolean(), locale: literals(['ja', 'en'] as const) }),
  counts: Counts,
  progress: Type.Object({
    done: Type.Integer({ description: 'Valid rows issued, found duplicate or failed.' }),
    remaining: Type.Integer(),
    percent: Type.Integer({ minimum: 0, maximum: 100 }),
  }),
  error: Nullable(Type.Object({ code: Type.String(), message: Localized })),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  startedAt: Nullable(Type.String()),
  finishedAt: Nullable(Type.String()),
});
export type BulkJobView = Static<typeof BulkJobView>;

const RowIssue = Type.Object({
  code: Type.String(),
  row: Type.Integer(),
  column: Nullable(Type.String()),
  header: Nullable(Type.String()),
  field: Nullable(Type.String()),
  value: Type.Optional(Type.String()),
  params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
  message: Localized,
});

const Column = Type.Object({
  column: Type.String(),
  header: Type.String(),
  field: Nullable(Type.String()),
});

/** How many row errors and warnings the dry-run answer holds; the rest are paged. */
export const REPORT_ISSUE_LIMIT = 100;

export const SubmitResponse = Type.Object({
  job: BulkJobView,
  report: Type.Object({
    encoding: Nullable(Type.String()),
    delimiter: Nullable(Type.String()),
    columns: Type.Array(Column),
    unknownColumns: Type.Array(Column),
    headerErrors: Type.Array(RowIssue),
    errorCount: Type.Integer(),
    warningCount: Type.Integer(),
    errors: Type.Array(RowIssue, { description: `The first ${REPORT_ISSUE_LIMIT} row errors.` }),
    warnings: Type.Array(RowIssue, { description: `The first ${REPORT_ISSUE_LIMIT} warnings.` }),
  }),
});

export const BulkJobList = Type.Object({
  jobs: Type.Array(BulkJobView),
  nextCursor: Nullable(Type.String()),
});

export const BulkJobRowList = Type.Object({
  rows: Type.Array(
    Type.Object({
      rowNumber: Type.Integer(),
      state: literals(BULK_JOB_ROW_STATES),
      input: Nullable(AwardInput),
      idempotencyKey: Nullable(Type.String()),
      awardId: Nullable(Type.String()),
      errors: Type.Array(Type.Unknown()),
      warnings: Type.Array(Type.Unknown()),
      attempts: Type.Integer(),
    }),
  ),
  nextCursor: Nullable(Type.String()),
});

/** The API form of a job. */
export const presentBulkJob = (job: BulkJob): BulkJobView => {
  const done = job.counts.issued + job.counts.duplicate + job.counts.failed;
  const valid = job.counts.valid;
  return {
    ...job,
    createdBy: { ...job.createdBy },
    options: { ...job.options },
    counts: { ...job.counts },
    progress: {
      done,
      remaining: Math.max(valid - done, 0),
      percent: valid === 0 ? 100 : Math.min(100, Math.floor((done * 100) / valid)),
    },
    error: job.error === null ? null : { ...job.error },
  };
};

/** The dry-run report as answered: the first row errors and warnings with the totals. */
export const presentReport = (
  report: BulkJobReport,
  errors: readonly RowError[],
  warnings: readonly RowWarning[],
) => ({
  ...report,
  columns: [...report.columns],
  unknownColumns: [...report.unknownColumns],
  headerErrors: [...report.headerErrors],
  errors: errors.slice(0, REPORT_ISSUE_LIMIT),
  warnings: warnings.slice(0, REPORT_ISSUE_LIMIT),
});
