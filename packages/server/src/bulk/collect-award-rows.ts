/**
 * The part of a dry run that CSV and JSON input share: every row checked
 * (`validateAwardRow`), then the rows compared with each other. Issues come in row order.
 *
 * Duplicates within one input, decided as follows:
 * - the same external ID twice is an error on the later row: the ID is the idempotency key, so
 *   the later row would silently never be awarded;
 * - two rows without an external ID that are identical (same idempotency key) are an error for
 *   the same reason;
 * - the same e-mail address twice (ASCII letters compared case-insensitively) is only a warning:
 *   it has real uses (a shared family or department mailbox, two people with one address in a
 *   local-government programme), and both rows are awarded.
 */
import { normaliseEmail } from '../accounts/email-address.js';
import type { AwardField } from './award-fields.js';
import {
  createRowIssue,
  type RowError,
  type RowIssueLocation,
  type RowWarning,
} from './award-row-issues.js';
import { fingerprintAwardRow, foldForKey } from './row-idempotency-key.js';
import { validateAwardRow, type AwardRow } from './validate-award-row.js';

export interface AwardRowEntry {
  readonly row: number;
  /** null: the entry has no cells to check (a JSON item that is not an object). */
  readonly cells: Readonly<Partial<Record<AwardField, string>>> | null;
  readonly locate: (field: AwardField) => RowIssueLocation;
  /** Problems found before the cells were checked (a non-string JSON value, extra cells). */
  readonly errors: readonly RowError[];
}

export interface CollectAwardRowsResult {
  readonly rows: readonly AwardRow[];
  readonly errors: readonly RowError[];
  readonly warnings: readonly RowWarning[];
}

export const collectAwardRows = (
  entries: Iterable<AwardRowEntry>,
  required: ReadonlySet<AwardField>,
): CollectAwardRowsResult => {
  const rows: AwardRow[] = [];
  const errors: RowError[] = [];
  const warnings: RowWarning[] = [];
  const firstById = new Map<string, number>();
  const firstByEmail = new Map<string, number>();
  const firstByContent = new Map<string, number>();

  for (const entry of entries) {
    if (entry.cells === null) {
      errors.push(...entry.errors);
      continue;
    }
    const checked = validateAwardRow({ ...entry, cells: entry.cells, required });
    // A value already refused (not a string) is not "missing" as well.
    const refused = new Set(entry.errors.map((error) => error.field));
    const rowErrors = [
      ...entry.errors,
      ...checked.errors.filter((e) => e.code !== 'ERR_ROW_REQUIRED' || !refused.has(e.field)),
    ];
    warnings.push(...checked.warnings);

    const externalId = entry.cells.externalId;
    if (externalId !== undefined && externalId !== '') {
      const key = foldForKey(externalId);
      const first = firstById.get(key);
      if (first === undefined) firstById.set(key, entry.row);
      else {
        rowErrors.push(
          createRowIssue('ERR_ROW_DUPLICATE_EXTERNAL_ID', entry.locate('externalId'), {
            value: externalId,
            params: { firstRow: first },
          }),
        );
      }
    }

    const email = entry.cells.email;
    if (email !== undefined && email !== '') {
      const key = normaliseEmail(email);
      const first = firstByEmail.get(key);
      if (first === undefined) firstByEmail.set(key, entry.row);
      else {
        warnings.push(
          createRowIssue('WARN_ROW_DUPLICATE_EMAIL', entry.locate('email'), {
            value: email,
            params: { firstRow: first },
          }),
        );
      }
    }

    const row = checked.row;
    if (row !== undefined && row.externalId === null && rowErrors.length === 0) {
      const key = JSON.stringify(fingerprintAwardRow(row));
      const first = firstByContent.get(key);
      if (first === undefined) firstByContent.set(key, entry.row);
      else {
        const at = { ...entry.locate('email'), column: null, header: null, field: null };
        rowErrors.push(
          createRowIssue('ERR_ROW_DUPLICATE_ROW', at, { params: { firstRow: first } }),
        );
      }
    }

    errors.push(...rowErrors);
    if (row !== undefined && rowErrors.length === 0) rows.push(row);
  }
  return { rows, errors, warnings };
};
