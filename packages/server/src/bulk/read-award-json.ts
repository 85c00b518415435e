/**
 * The dry run of bulk awards sent through the API as a JSON array: each item an object whose
 * properties are the award fields (`email`, `name`, `nameKana`, `nameRomaji`, `externalId`,
 * `evidenceUrl`, `narrative`, `awardedDate`, `validFrom`, `validUntil`), strings or null.
 * The same checks as a CSV file (`collectAwardRows`), the same trimming, and so the same
 * idempotency keys for the same data. Property names are exact: no synonyms, unlike CSV
 * headers, since an API client reads the schema. An item's `row` is its index + 1.
 */
import { ServerError } from '../http/server-error.js';
import { isAwardField, type AwardField } from './award-fields.js';
import { createRowIssue, type RowError, type RowIssueLocation } from './award-row-issues.js';
import { collectAwardRows, type AwardRowEntry } from './collect-award-rows.js';
import type { AwardColumn } from './map-award-headers.js';
import { DEFAULT_MAX_ROWS, readRequiredFields, type AwardRowsReport } from './read-award-rows.js';
import { trimAwardCell } from './validate-award-row.js';

export interface ReadAwardJsonOptions {
  /** Fields every item must have; `email` always is. Default: `email`, `name`. */
  readonly required?: readonly AwardField[];
  /** Most items accepted. Default 100,000. */
  readonly maxRows?: number;
}

export type ReadAwardJsonResult = AwardRowsReport;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks every item of `value`. Throws `ServerError` `ERR_BULK_JSON_NOT_ARRAY` or
 * `ERR_BULK_TOO_MANY_ROWS` when the input cannot be taken at all; `TypeError` on bad options.
 */
export const readAwardJson = (
  value: unknown,
  options: ReadAwardJsonOptions = {},
): ReadAwardJsonResult => {
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  if (!Number.isSafeInteger(maxRows) || maxRows < 1) {
    throw new TypeError('readAwardJson: options.maxRows must be a positive integer');
  }
  const required = readRequiredFields(options.required, 'readAwardJson');
  if (!Array.isArray(value)) throw new ServerError('ERR_BULK_JSON_NOT_ARRAY');
  const items: readonly unknown[] = value;
  if (items.length > maxRows) {
    throw new ServerError('ERR_BULK_TOO_MANY_ROWS', { params: { limit: maxRows } });
  }

  const unknown = new Set<string>();
  const entries = function* (): Generator<AwardRowEntry> {
    for (const [index, item] of items.entries()) {
      const row = index + 1;
      const locate = (field: AwardField): RowIssueLocation => ({
        row,
        column: field,
        header: field,
        field,
      });
      if (!isPlainObject(item)) {
        const at = { row, column: null, header: null, field: null };
        yield { row, cells: null, locate, errors: [createRowIssue('ERR_ROW_NOT_OBJECT', at)] };
        continue;
      }
      const cells: Partial<Record<AwardField, string>> = {};
      const errors: RowError[] = [];
      for (const [name, cell] of Object.entries(item)) {
        if (!isAwardField(name)) unknown.add(name);
        else if (typeof cell === 'string') cells[name] = trimAwardCell(cell);
        else if (cell !== null && cell !== undefined) {
          errors.push(createRowIssue('ERR_ROW_NOT_STRING', locate(name)));
        }
      }
      yield { row, cells, locate, errors };
    }
  };
  const collected = collectAwardRows(entries(), required);
  const unknownColumns: AwardColumn[] = [...unknown].map((name) => ({
    column: name,
    header: name,
    field: null,
  }));
  return { rowCount: items.length, ...collected, unknownColumns };
};
