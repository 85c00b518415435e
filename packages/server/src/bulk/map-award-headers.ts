/**
 * Maps the header row of a bulk-award CSV to award fields: an explicit mapping from the caller
 * first (header text → field, or null to ignore the column), then the built-in Japanese and
 * English synonyms (`award-fields.ts`). Unknown columns are listed, not fatal. A header that
 * appears twice, a field that two columns claim, a required field without a column, and a
 * mapping that names a header the file lacks are errors on row 1.
 */
import {
  AWARD_HEADER_SYNONYMS,
  foldHeader,
  matchAwardHeader,
  type AwardField,
} from './award-fields.js';
import { createRowIssue, type RowError } from './award-row-issues.js';

/** A column of the file: its letter as Excel shows it, its header, and the field it feeds. */
export interface AwardColumn {
  readonly column: string;
  readonly header: string;
  /** null: the column is ignored (unknown, or mapped to null). */
  readonly field: AwardField | null;
}

/** Header text → the field it holds, or null to ignore the column. */
export type AwardHeaderMapping = Readonly<Record<string, AwardField | null>>;

export interface MapAwardHeadersResult {
  readonly columns: readonly AwardColumn[];
  /** Columns that no mapping entry or synonym names (empty headers included). */
  readonly unknownColumns: readonly AwardColumn[];
  readonly errors: readonly RowError[];
}

/** `0` → `A`, `25` → `Z`, `26` → `AA`: the letters Excel gives a column. */
export const columnLetter = (index: number): string => {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
};

const groupBy = (
  columns: readonly AwardColumn[],
  key: (column: AwardColumn) => string | null,
): AwardColumn[][] => {
  const groups = new Map<string, AwardColumn[]>();
  for (const column of columns) {
    const value = key(column);
    if (value === null) continue;
    const group = groups.get(value);
    if (group === undefined) groups.set(value, [column]);
    else group.push(column);
  }
  return [...groups.values()].filter((group) => group.length > 1);
};

export const mapAwardHeaders = (
  headers: readonly string[],
  mapping: AwardHeaderMapping,
  required: ReadonlySet<AwardField>,
): MapAwardHeadersResult => {
  const mappingKeys = Object.keys(mapping);
  const usedKeys = new Set<string>();
  const columns: AwardColumn[] = [];
  const unknownColumns: AwardColumn[] = [];

  headers.forEach((header, index) => {
    const key =
      mappingKeys.find((candidate) => candidate.trim() === header) ??
      mappingKeys.find(
        (candidate) => header !== '' && foldHeader(candidate) === foldHeader(header),
      );
    let field: AwardField | null;
    if (key !== undefined) {
      usedKeys.add(key);
      field = mapping[key] ?? null;
    } else field = header === '' ? null : (matchAwardHeader(header) ?? null);
    const column = { column: columnLetter(index), header, field };
    columns.push(column);
    if (key === undefined && field === null) unknownColumns.push(column);
  });

  const errors: RowError[] = [];
  const at = (column: AwardColumn | null, field: AwardField | null) => ({
    row: 1,
    column: column?.column ?? null,
    header: column?.header ?? null,
    field,
  });
  const letters = (group: readonly AwardColumn[]) => group.map((c) => c.column).join(', ');

  for (const key of mappingKeys) {
    if (!usedKeys.has(key)) {
      errors.push(
        createRowIssue('ERR_HEADER_MAPPING_UNKNOWN', at(null, null), { params: { header: key } }),
      );
    }
  }
  const sameText = groupBy(columns, (column) => (column.header === '' ? null : column.header));
  for (const group of sameText) {
    const first = group[0] as AwardColumn;
    errors.push(
      createRowIssue('ERR_HEADER_DUPLICATE', at(first, first.field), {
        params: { header: first.header, columns: letters(group) },
      }),
    );
  }
  const reported = new Set(sameText.flat());
  for (const group of groupBy(columns, (column) => column.field)) {
    if (group.every((column) => reported.has(column))) continue;
    const first = group[0] as AwardColumn;
    errors.push(
      createRowIssue('ERR_HEADER_FIELD_TWICE', at(first, first.field), {
        params: { columns: letters(group) },
      }),
    );
  }
  for (const field of required) {
    if (columns.some((column) => column.field === field)) continue;
    const examples = AWARD_HEADER_SYNONYMS[field].slice(0, 2).join(' / ');
    errors.push(createRowIssue('ERR_HEADER_MISSING', at(null, field), { params: { examples } }));
  }
  return { columns, unknownColumns, errors };
};
