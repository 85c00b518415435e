/**
 * Where an issuer profile's public documents are, all under `PUBLIC_URL`, and its did:web:
 *
 *   issuerUrls('https://badges.example.ac.jp', id).didDocument
 *     → https://badges.example.ac.jp/issuers/<id>/did.json
 *   didWebFor('http://localhost:3000', id) → did:web:localhost%3A3000:issuers:<id>
 *
 * The did:web resolves (did:web method §3.2) to exactly `issuerUrls(…).didDocument` when
 * `PUBLIC_URL` is https.
 */

export interface IssuerUrls {
  /** The OB 2.0 issuer Profile (and the HTML page); the OB 3.0 issuer id of an `https` profile. */
  readonly profile: string;
  readonly didDocument: string;
  readonly jwks: string;
  /** The OB 2.0 RevocationList (served by `awards/`). */
  readonly revocationList: string;
  /** A key's document: an OB 2.0 CryptographicKey (RSA) or a Multikey document (Ed25519). */
  readonly key: (kid: string) => string;
}

export const issuerUrls = (publicUrl: string, profileId: string): IssuerUrls => {
  const profile = `${publicUrl}/issuers/${encodeURIComponent(profileId)}`;
  return {
    profile,
    didDocument: `${profile}/did.json`,
    jwks: `${profile}/jwks.json`,
    revocationList: `${profile}/revocations`,
    key: (kid) => `${profile}/keys/${encodeURIComponent(kid)}`,
  };
};

/** `did:web:<host>[%3A<port>][:<path segment>…]:issuers:<id>` for the profile. */
export const didWebFor = (publicUrl: string, profileId: string): string => {
  const url = new URL(publicUrl);
  const host = url.port === '' ? url.hostname : `${url.hostname}%3A${url.port}`;
  const segments = url.pathname
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => encodeURIComponent(decodeURIComponent(segment)));
  return ['did:web', host, ...segments, 'issuers', encodeURIComponent(profileId)].join(':');
};

/** Whether `PUBLIC_URL` is served over https (did:web needs it). */
export const isHttpsPublicUrl = (publicUrl: string): boolean => publicUrl.startsWith('https:');
