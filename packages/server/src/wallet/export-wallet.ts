/**
 * The whole wallet as one ZIP (`fflate`; ADR 0010): per badge its files — `NNN-<name>.json` (the
 * credential as verified), `.jwt` / `.jws` (the compact form, when it came as one) and the
 * original `.png` / `.svg` / `.pdf` — plus `index.json` (each badge's card and file names) and
 * `index.csv` (UTF-8 with a BOM, CRLF, formula-safe cells, as the audit CSV export writes them).
 * Removed badges are not exported. The file is named for the day in Japan.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { formatCsvRecord, UTF8_BOM } from '../audit/format-audit-csv.js';
import type { Database } from '../db/open-database.js';
import {
  credentialJsonFile,
  credentialJwtFile,
  originalFile,
  safeFileName,
  type WalletFile,
} from './wallet-downloads.js';
import { presentWalletSummary, type WalletCredentialSummary } from './wallet-summary.js';

const CSV_COLUMNS = [
  'id',
  'name',
  'issuerName',
  'issuerId',
  'status',
  'verdict',
  'issuedAt',
  'validFrom',
  'validUntil',
  'format',
  'obVersion',
  'origin',
  'visibility',
  'addedAt',
  'files',
] as const;

export interface WalletExport {
  readonly fileName: string;
  readonly zip: Uint8Array;
}

type IndexEntry = WalletCredentialSummary & { readonly files: string[] };

const csvOf = (entries: readonly IndexEntry[]): string =>
  UTF8_BOM +
  formatCsvRecord(CSV_COLUMNS) +
  entries
    .map((entry) =>
      formatCsvRecord(
        CSV_COLUMNS.map((column) => {
          const value = column === 'files' ? entry.files.join(' ') : entry[column];
          return value === null ? null : String(value);
        }),
      ),
    )
    .join('');

export const exportWallet = async (
  db: Database,
  userId: string,
  now: Date,
): Promise<WalletExport> => {
  const rows = await db.kysely
    .selectFrom('wallet_credentials')
    .selectAll()
    .where('user_id', '=', userId)
    .where('removed_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const files: Zippable = {};
  const entries: IndexEntry[] = rows.map((row, index) => {
    const base = `${String(index + 1).padStart(3, '0')}-${safeFileName(row.achievement_name, 'badge')}`;
    const names: string[] = [];
    const add = (file: WalletFile | undefined) => {
      if (file === undefined) return;
      const name = `${base}.${file.extension}`;
      files[name] = file.bytes;
      names.push(name);
    };
    add(credentialJsonFile(row));
    add(credentialJwtFile(row));
    add(originalFile(row));
    return { ...presentWalletSummary(row), files: names };
  });
  files['index.json'] = strToU8(JSON.stringify(entries, null, 2) + '\n');
  files['index.csv'] = strToU8(csvOf(entries));
  // The date in Japan, as the learner's calendar shows it.
  const day = new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
  return { fileName: `akashi-wallet-${day}.zip`, zip: zipSync(files, { level: 6 }) };
};
