/**
 * The shapes of the platform's OAuth API as the pages read them (ADR 0011): the answer of
 * `POST /api/v1/oauth/authorization-requests`, of its `/decision`, and the account's grants.
 */

export interface OAuthScopeView {
  readonly scope: string;
  readonly label: { readonly ja: string; readonly en: string };
}

export interface OAuthClientView {
  readonly id: string;
  readonly name: string;
  readonly uri: string;
  readonly logoUri?: string | null;
  readonly tosUri?: string | null;
  readonly policyUri?: string | null;
}

export interface OAuthConsentAnswer {
  readonly kind: 'consent';
  readonly client: OAuthClientView;
  readonly scopes: readonly OAuthScopeView[];
  readonly request: Readonly<Record<string, unknown>>;
}

export interface OAuthRedirectAnswer {
  readonly kind: 'redirect';
  readonly redirectTo: string;
}

export type OAuthAuthorizationAnswer = OAuthConsentAnswer | OAuthRedirectAnswer;

export interface OAuthDecisionAnswer {
  readonly redirectTo: string;
}

/** The parameters of an authorization request that the page hands on to the API. */
export const AUTHORIZATION_PARAMETERS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'code_challenge',
  'code_challenge_method',
] as const;

export type AuthorizationParameter = (typeof AUTHORIZATION_PARAMETERS)[number];

export type AuthorizationParameters = Partial<Record<AuthorizationParameter, string>>;

/** An application the account allowed (`GET /api/v1/account/oauth-grants`). */
export interface OAuthGrantView {
  readonly clientId: string;
  readonly name: string;
  readonly uri: string;
  readonly scopes: readonly OAuthScopeView[];
  /** When the oldest live token was issued. */
  readonly grantedAt: string;
  /** When the newest token was issued (the application's last sign-in or refresh). */
  readonly lastIssuedAt: string;
}
