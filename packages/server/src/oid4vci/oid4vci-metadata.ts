/**
 * What this platform says about itself as an OpenID4VCI credential issuer (ADR 0011): its
 * endpoints, the two credential configurations (an OpenBadgeCredential as `ldp_vc` with an
 * `eddsa-rdfc-2022` Data Integrity proof, and as `jwt_vc_json`, an EdDSA VC-JWT), and the
 * metadata of the small authorization server that serves the pre-authorized code grant.
 *
 * The credential issuer identifier is `PUBLIC_URL`. The token endpoint is ours
 * (`/oid4vci/token`), not the platform's OAuth server (`/oauth/token`, which does not serve the
 * pre-authorized grant). So the issuer metadata names a separate authorization server,
 * `${PUBLIC_URL}/oid4vci`, whose RFC 8414 metadata is served here (1.0 wallets read it), and also
 * carries `token_endpoint` itself (draft 13 wallets read it there).
 */

/** The credential configuration ids of the offers and the metadata. */
export const LDP_VC_CONFIGURATION = 'OpenBadgeCredential_ldp_vc';
export const JWT_VC_JSON_CONFIGURATION = 'OpenBadgeCredential_jwt_vc_json';
export const CREDENTIAL_CONFIGURATION_IDS = [LDP_VC_CONFIGURATION, JWT_VC_JSON_CONFIGURATION];

export type Oid4vciFormat = 'ldp_vc' | 'jwt_vc_json';

export const FORMAT_OF_CONFIGURATION: Readonly<Record<string, Oid4vciFormat>> = {
  [LDP_VC_CONFIGURATION]: 'ldp_vc',
  [JWT_VC_JSON_CONFIGURATION]: 'jwt_vc_json',
};

export const PRE_AUTHORIZED_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';
export const PROOF_JWT_TYP = 'openid4vci-proof+jwt';
export const PROOF_ALGS = ['EdDSA', 'ES256'];

export const CREDENTIAL_TYPES = ['VerifiableCredential', 'OpenBadgeCredential'];
export const CREDENTIAL_CONTEXTS = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
];

const ISSUER_DISPLAY = [
  { name: 'Akashi', locale: 'ja' },
  { name: 'Akashi', locale: 'en' },
];

const CREDENTIAL_DISPLAY = [
  {
    name: 'オープンバッジ',
    locale: 'ja',
    description: '学習や活動の成果を証明するデジタルバッジ（Open Badges 3.0）',
    background_color: '#1f3a5f',
    text_color: '#ffffff',
  },
  {
    name: 'Open Badge',
    locale: 'en',
    description: 'A digital badge that attests a learning achievement (Open Badges 3.0)',
    background_color: '#1f3a5f',
    text_color: '#ffffff',
  },
];

/** The URLs of the issuer, derived from `PUBLIC_URL` (no trailing slash). */
export interface Oid4vciUrls {
  readonly credentialIssuer: string;
  readonly authorizationServer: string;
  readonly tokenEndpoint: string;
  readonly nonceEndpoint: string;
  readonly credentialEndpoint: string;
  readonly offer: (code: string) => string;
}

export const oid4vciUrls = (publicUrl: string): Oid4vciUrls => {
  const base = publicUrl.replace(/\/+$/, '');
  return {
    credentialIssuer: base,
    authorizationServer: `${base}/oid4vci`,
    tokenEndpoint: `${base}/oid4vci/token`,
    nonceEndpoint: `${base}/oid4vci/nonce`,
    credentialEndpoint: `${base}/oid4vci/credential`,
    offer: (code) => `${base}/oid4vci/offers/${code}`,
  };
};

/**
 * The paths a well-known document is served at: `/.well-known/{name}` followed by the path of
 * `identifier` (RFC 8414 §3; OID4VCI 1.0 §12.2.2 inserts it after the host), and the bare
 * `/.well-known/{name}` too when the identifier has a path and `alsoBare` is set.
 */
export const wellKnownPaths = (name: string, identifier: string, alsoBare: boolean): string[] => {
  const path = new URL(identifier).pathname.replace(/\/+$/, '');
  const inserted = `/.well-known/${name}${path}`;
  return path === '' || !alsoBare ? [inserted] : [inserted, `/.well-known/${name}`];
};

const bindingAndProof = {
  cryptographic_binding_methods_supported: ['did:key', 'did:jwk', 'jwk'],
  proof_types_supported: { jwt: { proof_signing_alg_values_supported: PROOF_ALGS } },
};

/** The credential issuer metadata (OID4VCI 1.0 §12.2.4, with draft 13's members too). */
export const buildIssuerMetadata = (publicUrl: string): Record<string, unknown> => {
  const urls = oid4vciUrls(publicUrl);
  return {
    credential_issuer: urls.credentialIssuer,
    authorization_servers: [urls.authorizationServer],
    credential_endpoint: urls.credentialEndpoint,
    nonce_endpoint: urls.nonceEndpoint,
    token_endpoint: urls.tokenEndpoint,
    display: ISSUER_DISPLAY,
    credential_configurations_supported: {
      [LDP_VC_CONFIGURATION]: {
        format: 'ldp_vc',
        ...bindingAndProof,
        credential_signing_alg_values_supported: ['eddsa-rdfc-2022'],
        credential_definition: { '@context': CREDENTIAL_CONTEXTS, type: CREDENTIAL_TYPES },
        display: CREDENTIAL_DISPLAY,
        credential_metadata: { display: CREDENTIAL_DISPLAY },
      },
      [JWT_VC_JSON_CONFIGURATION]: {
        format: 'jwt_vc_json',
        ...bindingAndProof,
        credential_signing_alg_values_supported: ['EdDSA'],
        credential_definition: { type: CREDENTIAL_TYPES },
        display: CREDENTIAL_DISPLAY,
        credential_metadata: { display: CREDENTIAL_DISPLAY },
      },
    },
  };
};

/** The RFC 8414 metadata of the pre-authorized code authorization server. */
export const buildAuthorizationServerMetadata = (publicUrl: string): Record<string, unknown> => {
  const urls = oid4vciUrls(publicUrl);
  return {
    issuer: urls.authorizationServer,
    token_endpoint: urls.tokenEndpoint,
    grant_types_supported: [PRE_AUTHORIZED_CODE_GRANT],
    token_endpoint_auth_methods_supported: ['none'],
    response_types_supported: [],
    'pre-authorized_grant_anonymous_access_supported': true,
  };
};
