/**
 * Importing a badge into a learner's wallet (ADR 0010): verify first with the platform's
 * verifier, refuse what holds no credential (422 ERR_WALLET_IMPORT_UNREADABLE) and what does not
 * verify unless the learner keeps it anyway (422 ERR_WALLET_IMPORT_UNVERIFIED, the verdict and
 * report in the error's details), then store it — or merge it with the wallet's copy of the same
 * credential (same `dedupe_key`): the newer `validFrom` / `issuedOn` wins (an unverified copy
 * never replaces a genuine one), one row remains.
 * Expired, revoked and suspended badges are genuine: they are stored with that status.
 */
import { randomUUID } from 'node:crypto';
import type { BadgeVerificationReport, BadgeVerifier, LocalizedMessage } from '@akashi/core';
import type { Database } from '../db/open-database.js';
import { isUniqueViolation } from '../db/is-unique-violation.js';
import { ServerError } from '../http/server-error.js';
import { decideVerdict, type Verdict } from '../verification/decide-verdict.js';
import { compactJwtOf, type ImportSource } from './read-import-input.js';
import type { CardImageLocaliser } from './localise-card-image.js';
import { readWalletCard, type WalletCard } from './read-wallet-card.js';
import type { WalletCredentialsTable, WalletFormat, WalletStatus } from './wallet-tables.js';
import { walletStatusOf } from './wallet-status.js';

/** What the wallet's commands need: storage, the verifier, the clock, the re-check period. */
export interface WalletDeps {
  readonly db: Database;
  readonly verifier: BadgeVerifier;
  readonly clock: () => Date;
  /** Hours between background re-checks (`AKASHI_WALLET_RECHECK_HOURS`). */
  readonly recheckHours: number;
  /** Keeps an imported card's remote image in the wallet (`localise-card-image.ts`). */
  readonly localiseImage?: CardImageLocaliser;
}

/** The verdicts a learner may keep without saying so: genuine badges. */
const KEPT_WITHOUT_ASKING: ReadonlySet<Verdict> = new Set([
  'valid',
  'expired',
  'revoked',
  'suspended',
]);

export interface WalletVerification {
  readonly report: BadgeVerificationReport;
  readonly verdict: Verdict;
  readonly explanation: LocalizedMessage;
  readonly status: WalletStatus;
}

export const verifyForWallet = async (
  deps: WalletDeps,
  input: Parameters<BadgeVerifier['verify']>[0],
): Promise<WalletVerification> => {
  const report = await deps.verifier.verify(input, { now: deps.clock() });
  const { verdict, explanation } = decideVerdict(report);
  return { report, verdict, explanation, status: walletStatusOf(verdict) };
};

/** The columns a verification sets. */
export const checkedColumns = (deps: WalletDeps, verification: WalletVerification) => {
  const now = deps.clock();
  return {
    verdict: verification.verdict,
    status: verification.status,
    report: JSON.stringify({ ...verification.report, checks: [...verification.report.checks] }),
    checked_at: now.toISOString(),
    next_check_at: new Date(now.getTime() + deps.recheckHours * 3_600_000).toISOString(),
  };
};

const formatOf = (source: ImportSource, report: BadgeVerificationReport): WalletFormat => {
  if (source.kind === 'url' || source.kind === 'png' || source.kind === 'svg') return source.kind;
  if (source.kind === 'pdf') return 'pdf';
  const jwt = report.proofFormat === 'jwt';
  if (report.generation === 'ob2') return jwt ? 'ob2-jws' : 'ob2-json';
  return jwt ? 'ob3-jwt' : 'ob3-json';
};

/** The columns of the credential itself and its card: what a newer import replaces. */
const contentColumns = (
  source: ImportSource,
  report: BadgeVerificationReport,
  card: WalletCard,
  credential: Record<string, unknown>,
) => ({
  format: formatOf(source, report),
  ob_version: card.obVersion,
  credential: JSON.stringify(credential),
  credential_jwt: compactJwtOf(source),
  original:
    source.original === undefined ? null : Buffer.from(source.original.bytes).toString('base64'),
  original_media_type: source.original?.mediaType ?? null,
  source_url: source.sourceUrl ?? null,
  issuer_id: card.issuerId,
  issuer_name: card.issuerName,
  achievement_name: card.name,
  description: card.description,
  image: card.image,
  issued_at: card.issuedAt,
  valid_from: card.validFrom,
  valid_until: card.validUntil,
});

export interface ImportResult {
  readonly row: WalletCredentialsTable;
  readonly merged: boolean;
  /** For a merge: whose credential the row now holds. */
  readonly kept?: 'stored' | 'new';
}

const timeOf = (instant: string | null): number => {
  const time = instant === null ? Number.NaN : Date.parse(instant);
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
};

const readRow = (db: Database, userId: string, dedupeKey: string) =>
  db.kysely
    .selectFrom('wallet_credentials')
    .selectAll()
    .where('user_id', '=', userId)
    .where('dedupe_key', '=', dedupeKey)
    .executeTakeFirst();

export const readWalletRowById = (db: Database, id: string) =>
  db.kysely.selectFrom('wallet_credentials').selectAll().where('id', '=', id).executeTakeFirst();

export const importWalletCredential = async (
  deps: WalletDeps,
  userId: string,
  source: ImportSource,
  keepUnverified: boolean,
): Promise<ImportResult> => {
  const verification = await verifyForWallet(deps, source.input);
  const { report, verdict, explanation } = verification;
  const details = { verdict, explanation, report: { ...report, checks: [...report.checks] } };
  const card = readWalletCard(report);
  if (card === undefined || report.credential === undefined) {
    throw new ServerError('ERR_WALLET_IMPORT_UNREADABLE', { details });
  }
  if (!KEPT_WITHOUT_ASKING.has(verdict) && !keepUnverified) {
    throw new ServerError('ERR_WALLET_IMPORT_UNVERIFIED', { params: { verdict }, details });
  }
  const image = (await deps.localiseImage?.(card.image)) ?? card.image;
  const content = {
    ...contentColumns(source, report, card, report.credential),
    image,
  };
  const checked = checkedColumns(deps, verification);
  const now = deps.clock().toISOString();

  const merge = async (stored: WalletCredentialsTable): Promise<ImportResult> => {
    const restoring = stored.removed_at !== null;
    // A copy that does not verify never replaces a genuine one, however new it claims to be.
    const demoted = !KEPT_WITHOUT_ASKING.has(verdict) && stored.status !== 'unverified';
    const newer = !demoted && timeOf(card.validFrom) > timeOf(stored.valid_from);
    if (!restoring && !newer) return { row: stored, merged: true, kept: 'stored' };
    await deps.db.kysely
      .updateTable('wallet_credentials')
      .set({
        ...content,
        ...checked,
        // An award keeps saying it is one: the imported copy is the same credential.
        ...(stored.origin === 'award' ? { format: stored.format } : {}),
        removed_at: null,
        previous_status: null,
        updated_at: now,
      })
      .where('id', '=', stored.id)
      .execute();
    const row = await readWalletRowById(deps.db, stored.id);
    if (row === undefined) throw new ServerError('ERR_WALLET_CREDENTIAL_NOT_FOUND');
    // A removed award is no duplicate: importing it again brings it back as a new badge.
    return restoring ? { row, merged: false } : { row, merged: true, kept: 'new' };
  };

  const stored = await readRow(deps.db, userId, card.dedupeKey);
  if (stored !== undefined) return merge(stored);
  const row: WalletCredentialsTable = {
    id: randomUUID(),
    user_id: userId,
    origin: 'import',
    award_id: null,
    dedupe_key: card.dedupeKey,
    ...content,
    ...checked,
    status_changed_at: null,
    previous_status: null,
    visibility: 'private',
    removed_at: null,
    created_at: now,
    updated_at: now,
  };
  try {
    await deps.db.kysely.insertInto('wallet_credentials').values(row).execute();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // The same badge came in concurrently: the other request's row is the one to merge with.
    const raced = await readRow(deps.db, userId, card.dedupeKey);
    if (raced === undefined) throw error;
    return merge(raced);
  }
  return { row, merged: false };
};
