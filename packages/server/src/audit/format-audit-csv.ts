/**
 * Audit events as CSV that Excel opens correctly in Japan (JAPAN.md, "CSV from Excel"): UTF-8
 * with a byte order mark (without it Japanese Excel reads the file as CP932 and garbles names),
 * CRLF line ends, RFC 4180 quoting, a header row in English or Japanese. Values are written as
 * stored, never normalised. A cell that a spreadsheet would take as a formula (starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return) is prefixed with `'` so that it stays text.
 */
import type { AuditEvent } from './present-audit-event.js';

export type AuditCsvLanguage = 'en' | 'ja';

export const UTF8_BOM = '\uFEFF';
export const CSV_LINE_END = '\r\n';

interface Column {
  readonly en: string;
  readonly ja: string;
  readonly value: (event: AuditEvent) => string | null;
}

const userField = (event: AuditEvent, field: 'userId' | 'email' | 'displayName') =>
  event.actor.type === 'user' ? event.actor[field] : null;
const keyField = (event: AuditEvent, field: 'apiKeyId' | 'keyPrefix' | 'name') =>
  event.actor.type === 'api-key' ? event.actor[field] : null;

export const AUDIT_CSV_COLUMNS: readonly Column[] = [
  { en: 'Occurred at (UTC)', ja: '日時 (UTC)', value: (e) => e.occurredAt },
  { en: 'Action', ja: '操作', value: (e) => e.action },
  { en: 'Actor type', ja: '実行者の種別', value: (e) => e.actor.type },
  { en: 'User ID', ja: 'ユーザー ID', value: (e) => userField(e, 'userId') },
  { en: 'E-mail', ja: 'メールアドレス', value: (e) => userField(e, 'email') },
  { en: 'Display name', ja: '表示名', value: (e) => userField(e, 'displayName') },
  { en: 'API key ID', ja: 'API キー ID', value: (e) => keyField(e, 'apiKeyId') },
  { en: 'API key prefix', ja: 'API キー接頭辞', value: (e) => keyField(e, 'keyPrefix') },
  { en: 'API key name', ja: 'API キー名', value: (e) => keyField(e, 'name') },
  { en: 'Organisation ID', ja: '組織 ID', value: (e) => e.organisationId },
  { en: 'Target type', ja: '対象の種別', value: (e) => e.target?.type ?? null },
  { en: 'Target ID', ja: '対象 ID', value: (e) => e.target?.id ?? null },
  { en: 'Details (JSON)', ja: '詳細 (JSON)', value: (e) => JSON.stringify(e.details) },
  { en: 'IP address', ja: 'IP アドレス', value: (e) => e.ip },
  { en: 'Request ID', ja: 'リクエスト ID', value: (e) => e.requestId },
  { en: 'Event ID', ja: 'イベント ID', value: (e) => e.id },
];

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: neutralised if it could run as a formula, quoted when RFC 4180 requires it. */
export const escapeCsvCell = (value: string): string => {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** One record, CRLF-terminated. */
export const formatCsvRecord = (cells: readonly (string | null)[]): string =>
  cells.map((cell) => escapeCsvCell(cell ?? '')).join(',') + CSV_LINE_END;

/** The BOM and the header row. */
export const formatAuditCsvHeader = (language: AuditCsvLanguage): string =>
  UTF8_BOM + formatCsvRecord(AUDIT_CSV_COLUMNS.map((column) => column[language]));

export const formatAuditCsvRecord = (event: AuditEvent): string =>
  formatCsvRecord(AUDIT_CSV_COLUMNS.map((column) => column.value(event)));

/** The whole file, chunk by chunk: the header, then one record per event. */
export async function* formatAuditCsv(
  events: AsyncIterable<AuditEvent>,
  language: AuditCsvLanguage,
): AsyncGenerator<string> {
  yield formatAuditCsvHeader(language);
  let chunk = '';
  for await (const event of events) {
    chunk += formatAuditCsvRecord(event);
    if (chunk.length >= 64 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}
