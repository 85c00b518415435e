/**
 * The OAuth scopes this platform's authorization server grants (exact strings from the specs):
 * the Open Badges 3.0 API, Open Badges 2.1 Badge Connect, and `offline_access`.
 */
export const OB3_SCOPES = {
  credentialReadonly: 'https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly',
  credentialUpsert: 'https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.upsert',
  profileReadonly: 'https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.readonly',
  profileUpdate: 'https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.update',
} as const;

export const OB21_SCOPES = {
  assertionReadonly: 'https://purl.imsglobal.org/spec/ob/v2p1/scope/assertion.readonly',
  assertionCreate: 'https://purl.imsglobal.org/spec/ob/v2p1/scope/assertion.create',
  profileReadonly: 'https://purl.imsglobal.org/spec/ob/v2p1/scope/profile.readonly',
  profileUpdate: 'https://purl.imsglobal.org/spec/ob/v2p1/scope/profile.update',
} as const;

export const OFFLINE_ACCESS = 'offline_access';

export const ALL_SCOPES: readonly string[] = [
  ...Object.values(OB3_SCOPES),
  ...Object.values(OB21_SCOPES),
  OFFLINE_ACCESS,
];
