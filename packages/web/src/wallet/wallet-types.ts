/**
 * The wallet API's answers as the wallet pages read them (web code does not import the server:
 * these mirror `packages/server/src/wallet/wallet-summary.ts` and the wallet route schemas of
 * ADR 0010).
 */
import type { JsonObject, LocalizedText, VerificationReportView } from '../verify/verify-types.js';

export type WalletStatus = 'valid' | 'expired' | 'revoked' | 'suspended' | 'unverified';

export const WALLET_STATUSES: readonly WalletStatus[] = [
  'valid',
  'expired',
  'revoked',
  'suspended',
  'unverified',
];

export const isWalletStatus = (value: unknown): value is WalletStatus =>
  typeof value === 'string' && (WALLET_STATUSES as readonly string[]).includes(value);

export type WalletVisibility = 'private' | 'public';

export interface WalletCredentialSummary {
  readonly id: string;
  readonly origin: 'award' | 'import';
  readonly awardId: string | null;
  readonly format: string;
  readonly obVersion: 2 | 3;
  readonly name: string | null;
  readonly description: string | null;
  readonly issuerId: string | null;
  readonly issuerName: string | null;
  /** An https URL or a data: URL. */
  readonly image: string | null;
  readonly issuedAt: string | null;
  readonly validFrom: string | null;
  readonly validUntil: string | null;
  readonly status: WalletStatus;
  readonly verdict: string | null;
  readonly checkedAt: string | null;
  readonly previousStatus: string | null;
  readonly statusChangedAt: string | null;
  readonly visibility: WalletVisibility;
  readonly addedAt: string;
}

export interface WalletListAnswer {
  readonly items: readonly WalletCredentialSummary[];
  readonly nextCursor: string | null;
  /** How many badges match the filters, over every page. */
  readonly total: number;
  /** How many badges changed status since the learner last looked. */
  readonly changed: number;
}

export interface WalletShareLink {
  readonly id: string;
  /** The public page `{PUBLIC_URL}/s/{id}`. */
  readonly url: string;
  readonly createdAt: string;
  readonly views: number;
  readonly linkedinClicks: number;
}

export interface WalletCollectionRef {
  readonly id: string;
  readonly name: string;
}

export interface WalletCredentialView extends WalletCredentialSummary {
  /** The OB 3.0 credential or OB 2.0 assertion as verified. */
  readonly credential: JsonObject;
  readonly credentialJwt: string | null;
  readonly report: VerificationReportView | null;
  /** Why the last verdict is what it is. */
  readonly explanation: LocalizedText | null;
  readonly sourceUrl: string | null;
  readonly collections: readonly WalletCollectionRef[];
  readonly shareLinks: readonly WalletShareLink[];
  /** The formats `GET …/download?format=` has for this badge. */
  readonly downloads: readonly WalletDownloadFormat[];
}

export type WalletDownloadFormat = 'original' | 'json' | 'jwt' | 'png';

export interface WalletImportAnswer {
  readonly item: WalletCredentialView;
  readonly merged: boolean;
}

export interface WalletCollection {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly visibility: WalletVisibility;
  /** 0 is first. */
  readonly position: number;
  readonly count: number;
  /** The badges in the collection, in order. */
  readonly credentialIds: readonly string[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface WalletCollectionList {
  readonly items: readonly WalletCollection[];
}

export interface WalletProfile {
  /** False: no profile yet; the other fields are suggestions. */
  readonly saved: boolean;
  readonly enabled: boolean;
  readonly slug: string;
  readonly displayName: string;
  readonly nameKana: string | null;
  readonly nameRomaji: string | null;
  readonly headline: string | null;
  /** `{PUBLIC_URL}/p/{slug}` */
  readonly url: string;
  readonly updatedAt: string | null;
}
