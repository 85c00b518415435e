/**
 * The dry run of a bulk-award CSV: decode (`decodeCsvBytes`), parse (csv-parse: RFC 4180
 * quotes, CRLF / LF / CR, line breaks inside quoted cells, blank rows skipped), map the header
 * row to fields (`mapAwardHeaders`), check every row (`collectAwardRows`).
 *
 * Cells are trimmed of ASCII white space and the ideographic space U+3000 at both ends, and
 * Excel's text guard `="0123"` is read as `0123`; nothing else is changed. The delimiter is a
 * comma, or a tab when the header row holds more tabs than commas (Excel's "Unicode text").
 *
 * A file that cannot be read at all throws a `ServerError` (`ERR_BULK_*`); everything else,
 * header problems included, is reported in the result so that a person can fix it all at once.
 */
import { parse } from 'csv-parse/sync';
import { ServerError } from '../http/server-error.js';
import { DEFAULT_REQUIRED_FIELDS, isAwardField, type AwardField } from './award-fields.js';
import {
  createRowIssue,
  type RowError,
  type RowIssueLocation,
  type RowWarning,
} from './award-row-issues.js';
import { collectAwardRows, type AwardRowEntry } from './collect-award-rows.js';
import { decodeCsvBytes, type CsvEncoding } from './decode-csv-bytes.js';
import {
  columnLetter,
  mapAwardHeaders,
  type AwardColumn,
  type AwardHeaderMapping,
} from './map-award-headers.js';
import { trimAwardCell, type AwardRow } from './validate-award-row.js';

export const DEFAULT_MAX_ROWS = 100_000;
export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

export interface ReadAwardRowsOptions {
  /** Header text → field (or null to ignore the column), before the built-in synonyms. */
  readonly mapping?: AwardHeaderMapping;
  /** Fields every row must have; `email` always is. Default: `email`, `name`. */
  readonly required?: readonly AwardField[];
  /** Most data rows accepted (blank rows not counted). Default 100,000. */
  readonly maxRows?: number;
  /** Largest input accepted, in bytes (text: its UTF-8 length). Default 32 MiB. */
  readonly maxBytes?: number;
}

/** What both the CSV and the JSON dry run report. */
export interface AwardRowsReport {
  /** Rows read, blank rows not counted. */
  readonly rowCount: number;
  /** The rows without errors, ready to award. */
  readonly rows: readonly AwardRow[];
  readonly errors: readonly RowError[];
  readonly warnings: readonly RowWarning[];
  /** Columns (JSON: properties) that no field takes; they are ignored. */
  readonly unknownColumns: readonly AwardColumn[];
}

export interface ReadAwardRowsResult extends AwardRowsReport {
  /** How the bytes were decoded; `text` when a string was given. */
  readonly encoding: CsvEncoding | 'text';
  readonly delimiter: ',' | '\t';
  /** Every column of the header row and the field it feeds. */
  readonly columns: readonly AwardColumn[];
}

const TEXT_GUARD = /^="((?:[^"]|"")*)"$/s;

/** A cell as the row check sees it: trimmed, Excel's `="…"` text guard removed. */
export const cleanCsvCell = (raw: string): string => {
  const trimmed = trimAwardCell(raw);
  const guarded = TEXT_GUARD.exec(trimmed);
  return guarded === null ? trimmed : trimAwardCell((guarded[1] ?? '').replaceAll('""', '"'));
};

const detectDelimiter = (text: string): ',' | '\t' => {
  const end = text.search(/[\r\n]/);
  const header = end === -1 ? text : text.slice(0, end);
  const count = (char: string) => header.split(char).length - 1;
  return count('\t') > count(',') ? '\t' : ',';
};

/** The records of the text; a malformed file throws ERR_BULK_CSV_MALFORMED with its row. */
const parseRecords = (text: string, delimiter: ',' | '\t'): string[][] => {
  let parsed = 0;
  try {
    return parse(text, {
      delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      // Excel's unquoted `="007"` has quotes inside an unquoted cell.
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      on_record: (record: string[]) => {
        parsed += 1;
        return record;
      },
    });
  } catch (error) {
    throw new ServerError('ERR_BULK_CSV_MALFORMED', { params: { row: parsed + 1 }, cause: error });
  }
};

const readLimit = (value: number | undefined, fallback: number, name: string): number => {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new TypeError(`readAwardRows: options.${name} must be a positive integer`);
  }
  return value;
};

/** The required fields of `options`, with `email` always among them. */
export const readRequiredFields = (
  required: readonly AwardField[] | undefined,
  caller: string,
): ReadonlySet<AwardField> => {
  const fields = required ?? DEFAULT_REQUIRED_FIELDS;
  if (!Array.isArray(fields) || !fields.every(isAwardField)) {
    throw new TypeError(`${caller}: options.required must list award fields`);
  }
  return new Set<AwardField>(['email', ...fields]);
};

const readMapping = (mapping: AwardHeaderMapping | undefined): AwardHeaderMapping => {
  if (mapping === undefined) return {};
  const given: unknown = mapping;
  const valid =
    typeof given === 'object' &&
    given !== null &&
    Object.values(mapping).every((field) => field === null || isAwardField(field));
  if (!valid) throw new TypeError('readAwardRows: options.mapping must map headers to fields');
  return mapping;
};

const decodeInput = (
  input: Uint8Array | string,
  maxBytes: number,
): { text: string; encoding: CsvEncoding | 'text' } => {
  if (typeof input === 'string') {
    const size = Buffer.byteLength(input, 'utf8');
    if (size > maxBytes) {
      throw new ServerError('ERR_BULK_FILE_TOO_LARGE', { params: { limit: maxBytes } });
    }
    return { text: input.startsWith('\uFEFF') ? input.slice(1) : input, encoding: 'text' };
  }
  if (!(input instanceof Uint8Array)) {
    throw new TypeError('readAwardRows: input must be bytes or a string');
  }
  if (input.length > maxBytes) {
    throw new ServerError('ERR_BULK_FILE_TOO_LARGE', { params: { limit: maxBytes } });
  }
  return decodeCsvBytes(input);
};

/**
 * Reads a bulk-award CSV (bytes in UTF-8 with or without BOM, UTF-16 with BOM or Shift_JIS /
 * CP932; or a string) and checks every row. Throws `ServerError` `ERR_BULK_FILE_TOO_LARGE`,
 * `ERR_BULK_ENCODING_UNKNOWN`, `ERR_BULK_CSV_MALFORMED`, `ERR_BULK_FILE_EMPTY` or
 * `ERR_BULK_TOO_MANY_ROWS` when the file cannot be taken at all; `TypeError` on bad options.
 */
export const readAwardRows = (
  input: Uint8Array | string,
  options: ReadAwardRowsOptions = {},
): ReadAwardRowsResult => {
  const maxRows = readLimit(options.maxRows, DEFAULT_MAX_ROWS, 'maxRows');
  const maxBytes = readLimit(options.maxBytes, DEFAULT_MAX_BYTES, 'maxBytes');
  const required = readRequiredFields(options.required, 'readAwardRows');
  const mapping = readMapping(options.mapping);
  const { text, encoding } = decodeInput(input, maxBytes);

  const delimiter = detectDelimiter(text);
  // Cleaned in place: a 100,000-row file must not be held twice.
  const records = parseRecords(text, delimiter);
  for (const record of records) {
    for (let index = 0; index < record.length; index += 1) {
      record[index] = cleanCsvCell(record[index] ?? '');
    }
  }
  const headers = records[0] ?? [];
  if (headers.every((header) => header === '')) throw new ServerError('ERR_BULK_FILE_EMPTY');

  const data: { row: number; cells: string[] }[] = [];
  records.forEach((cells, index) => {
    if (index > 0 && cells.some((cell) => cell !== '')) data.push({ row: index + 1, cells });
  });
  if (data.length > maxRows) {
    throw new ServerError('ERR_BULK_TOO_MANY_ROWS', { params: { limit: maxRows } });
  }

  const mapped = mapAwardHeaders(headers, mapping, required);
  // A column without a header counts only when it holds something (Excel's trailing commas).
  const unknownColumns = mapped.unknownColumns.filter((column) => {
    const index = mapped.columns.indexOf(column);
    return column.header !== '' || data.some(({ cells }) => (cells[index] ?? '') !== '');
  });
  const base = { encoding, delimiter, columns: mapped.columns, unknownColumns };
  if (mapped.errors.length > 0) {
    return { ...base, rowCount: data.length, rows: [], errors: mapped.errors, warnings: [] };
  }

  const indexOfField = new Map<AwardField, number>();
  mapped.columns.forEach((column, index) => {
    if (column.field !== null) indexOfField.set(column.field, index);
  });
  const entries = function* (): Generator<AwardRowEntry> {
    for (const { row, cells } of data) {
      const locate = (field: AwardField): RowIssueLocation => {
        const index = indexOfField.get(field);
        const column = index === undefined ? undefined : mapped.columns[index];
        return { row, column: column?.column ?? null, header: column?.header ?? null, field };
      };
      const values: Partial<Record<AwardField, string>> = {};
      for (const [field, index] of indexOfField) values[field] = cells[index] ?? '';
      yield { row, cells: values, locate, errors: checkExtraCells(row, cells, headers.length) };
    }
  };
  const collected = collectAwardRows(entries(), required);
  return { ...base, rowCount: data.length, ...collected };
};

/** ERR_ROW_EXTRA_CELLS when a row has values past the last header. */
const checkExtraCells = (row: number, cells: readonly string[], width: number): RowError[] => {
  let last = cells.length - 1;
  while (last >= width && cells[last] === '') last -= 1;
  if (last < width) return [];
  const at = { row, column: columnLetter(width), header: null, field: null };
  return [createRowIssue('ERR_ROW_EXTRA_CELLS', at, { params: { count: last + 1 - width } })];
};
