/**
 * The Badge Connect manifest (OB 2.1 `/.well-known/badgeconnect.json`): exactly one
 * `badgeConnectAPI` entry, because Moodle's core code takes the last element and its newer
 * OAuth plugin the first (PROTOCOLS.md §2.2). Every URL is absolute, built from `PUBLIC_URL`;
 * the OAuth endpoints are this platform's authorization server (ADR 0011). The image is a small
 * SVG mark served beside the API (`LOGO_PATH`), so a Moodle site can show whose backpack it is.
 */
import type { Config } from '../config/load-config.js';
import { OB21_SCOPES, OFFLINE_ACCESS } from '../oauth/scopes.js';
import type { BadgeConnectManifestValue } from './badge-connect-schemas.js';

/** Where the API lives (the manifest's `apiBase`, no trailing slash). */
export const API_PATH = '/ims/ob/v2p1';
export const MANIFEST_PATH = '/.well-known/badgeconnect.json';
export const LOGO_PATH = `${API_PATH}/logo.svg`;

export const BADGE_CONNECT_NAME = 'Akashi';

/** The scopes a Badge Connect client may ask for: the four OB 2.1 scopes and offline_access. */
export const SCOPES_OFFERED: readonly string[] = [...Object.values(OB21_SCOPES), OFFLINE_ACCESS];

/**
 * The terms of service and privacy policy are the platform's (`AKASHI_TERMS_URL`,
 * `AKASHI_PRIVACY_URL`), as the Open Badges 3.0 service description names them; unset, the
 * platform's home page.
 */
export const buildBadgeConnectManifest = (
  config: Pick<Config, 'publicUrl' | 'termsUrl' | 'privacyUrl'>,
): BadgeConnectManifestValue => {
  const { publicUrl } = config;
  return {
    '@context': 'https://purl.imsglobal.org/spec/ob/v2p1/ob_v2p1.jsonld',
    id: `${publicUrl}${MANIFEST_PATH}`,
    badgeConnectAPI: [
      {
        name: BADGE_CONNECT_NAME,
        image: `${publicUrl}${LOGO_PATH}`,
        apiBase: `${publicUrl}${API_PATH}`,
        version: 'v2p1',
        termsOfServiceUrl: config.termsUrl ?? `${publicUrl}/`,
        privacyPolicyUrl: config.privacyUrl ?? `${publicUrl}/`,
        scopesOffered: [...SCOPES_OFFERED],
        registrationUrl: `${publicUrl}/oauth/register`,
        authorizationUrl: `${publicUrl}/oauth/authorize`,
        tokenUrl: `${publicUrl}/oauth/token`,
        tokenRevocationUrl: `${publicUrl}/oauth/revoke`,
      },
    ],
  };
};

/** The mark shown as the backpack's logo: 証 (akashi, "proof") on the platform's indigo. */
export const BADGE_CONNECT_LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256" role="img" aria-label="Akashi"><rect width="256" height="256" rx="48" fill="#2b3a67"/><text x="128" y="170" font-size="140" text-anchor="middle" fill="#ffffff" font-family="'Noto Sans JP','Hiragino Sans','Yu Gothic',sans-serif">証</text></svg>\n`;
