/**
 * The public wallet API's answers as the public pages read them (web code does not import the
 * server: these mirror `packages/server/src/wallet/wallet-summary.ts` and
 * `packages/server/src/wallet-sharing/`): a shared badge (`GET /api/v1/public/share-links/{id}`),
 * a public profile (`GET /api/v1/public/profiles/{slug}`) and one of its badges.
 */
import type { JsonObject, VerifyAnswer } from '../verify/verify-types.js';

export type WalletStatus = 'valid' | 'expired' | 'revoked' | 'suspended' | 'unverified';

/** A wallet badge as a card shows it (`WalletCredentialSummary`). */
export interface WalletCredentialCard {
  readonly id: string;
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
}

/** The card plus the credential object the holder chose to share. */
export interface SharedCredential extends WalletCredentialCard {
  readonly credential?: JsonObject;
}

/** The fields of LinkedIn's "add to profile" form (PROTOCOLS.md §4). */
export interface LinkedInFields {
  readonly name?: string;
  readonly organizationName?: string;
  readonly organizationId?: string;
  readonly issueYear?: number | string;
  readonly issueMonth?: number | string;
  readonly expirationYear?: number | string;
  readonly expirationMonth?: number | string;
  readonly certUrl?: string;
  readonly certId?: string;
}

/** A badge as a public page shows it: share link or profile (live verification). */
export interface PublicBadgeAnswer {
  readonly shareLink?: { readonly id: string; readonly url: string; readonly createdAt: string };
  readonly owner?: { readonly displayName: string | null; readonly profileUrl?: string | null };
  /** On a profile's badge: the profile it is shown on. */
  readonly profile?: { readonly slug: string; readonly url: string; readonly displayName: string };
  readonly credential: SharedCredential;
  readonly verification: VerifyAnswer;
  readonly linkedin?: {
    /** Our counted redirect for a share link, else LinkedIn's own URL. */
    readonly url: string;
    /** LinkedIn's "Add to profile" URL. */
    readonly addToProfileUrl?: string;
    readonly fields: LinkedInFields;
  };
}

export interface PublicCollection {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly credentials: readonly WalletCredentialCard[];
}

export interface PublicProfileAnswer {
  readonly slug: string;
  readonly url: string;
  readonly displayName: string;
  readonly nameKana: string | null;
  readonly nameRomaji: string | null;
  readonly headline: string | null;
  readonly credentials: readonly WalletCredentialCard[];
  readonly collections: readonly PublicCollection[];
}
