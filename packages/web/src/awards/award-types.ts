/**
 * The API's JSON as the award pages read it: awards (`GET …/awards`, `…/awards/{id}`),
 * achievements (name and image for headings and the filter) and the notification log. Declared
 * here because the web app never imports the server.
 */

export type AwardState = 'active' | 'revoked' | 'suspended';

/** What a page shows: the API's state, or `expired` for an active award past its end date. */
export type AwardDisplayStatus = AwardState | 'expired';

export interface AwardRecipient {
  readonly email: string;
  readonly name: string | null;
  readonly nameKana: string | null;
  readonly nameRomaji: string | null;
  readonly did: string | null;
}

export interface AwardLinks {
  readonly badgePage: string;
  readonly credential: string;
  readonly credentialJwt: string | null;
  readonly ob2Assertion: string;
  readonly ob2SignedAssertion: string;
  readonly bakedImage: string;
  readonly ob2BakedImage: string;
}

export interface AwardView {
  readonly id: string;
  readonly organisationId: string;
  readonly departmentId: string | null;
  readonly achievementId: string;
  readonly state: AwardState;
  readonly stateReason: string | null;
  readonly recipient: AwardRecipient;
  readonly externalId: string | null;
  readonly idempotencyKey: string;
  readonly awardedAt: string;
  readonly validFrom: string;
  readonly validUntil: string | null;
  readonly suspendable: boolean;
  readonly replacesAwardId: string | null;
  readonly replacedByAwardId: string | null;
  readonly bulkJobId: string | null;
  readonly links: AwardLinks;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

export interface AwardPage {
  readonly awards: readonly AwardView[];
  readonly nextCursor: string | null;
}

export interface AwardWithCredential {
  readonly award: AwardView;
  readonly created: boolean;
}

export interface ReissueResult {
  readonly award: AwardView;
  readonly previous: AwardView;
}

export interface AchievementSummary {
  readonly id: string;
  readonly departmentId: string | null;
  readonly status: 'active' | 'archived';
  readonly name: { readonly ja: string; readonly en?: string };
  readonly urls: { readonly image: string };
}

export interface AchievementList {
  readonly achievements: readonly AchievementSummary[];
  readonly nextCursor: string | null;
}

export interface NotificationView {
  readonly id: string;
  readonly kind: string;
  readonly recipientEmail: string;
  readonly state: 'pending' | 'sent' | 'failed';
  readonly attempts: number;
  readonly lastError: string | null;
  readonly sentAt: string | null;
  readonly createdAt: string;
}

export interface NotificationPage {
  readonly notifications: readonly NotificationView[];
}
