/**
 * The links a wallet is given for one exchange (ADR 0011, PROTOCOLS.md §3.1):
 * - `lcw.deepLink` / `lcw.url`: the Learner Credential Wallet's legacy request link
 *   (`dccrequest://request?…` and the same query on `https://lcw.app/request`), with
 *   `auth_type=bearer` (the default `code` throws in LCW), the challenge and
 *   `vc_request_url` = `${PUBLIC_URL}/exchanges/{id}/lcw`;
 * - `vcapi.invitationUrl`: `https://lcw.app/request?request=<JSON>` naming the VC-API exchange;
 *   LCW decodes the query and then runs `decodeURI` on the JSON again, so the JSON must hold no
 *   `%` (our URLs hold none: the exchange id is base64url);
 * - `vcapi.exchangeUrl`, `vcapi.interactionUrl` (`${PUBLIC_URL}/i/{id}?iuv=1`).
 * Every query is built with URLSearchParams.
 */

export const DELIVERY_WORKFLOW = 'award-delivery';

export interface DeliveryLinks {
  readonly lcw: { readonly deepLink: string; readonly url: string };
  readonly vcapi: {
    readonly invitationUrl: string;
    readonly exchangeUrl: string;
    readonly interactionUrl: string;
  };
}

const base = (publicUrl: string): string => publicUrl.replace(/\/+$/, '');

export const lcwRequestUrl = (publicUrl: string, exchangeId: string): string =>
  `${base(publicUrl)}/exchanges/${exchangeId}/lcw`;

export const vcApiExchangeUrl = (publicUrl: string, exchangeId: string): string =>
  `${base(publicUrl)}/workflows/${DELIVERY_WORKFLOW}/exchanges/${exchangeId}`;

export const interactionUrl = (publicUrl: string, exchangeId: string): string =>
  `${base(publicUrl)}/i/${exchangeId}?iuv=1`;

/** The VC-API invitation JSON, as LCW reads it from `?request=`. */
export const vcApiInvitation = (publicUrl: string, exchangeId: string) => ({
  credentialRequestOrigin: new URL(base(publicUrl)).origin,
  protocols: { vcapi: vcApiExchangeUrl(publicUrl, exchangeId) },
});

export const buildDeliveryLinks = (
  publicUrl: string,
  exchangeId: string,
  challenge: string,
): DeliveryLinks => {
  const query = new URLSearchParams({
    issuer: new URL(base(publicUrl)).host,
    auth_type: 'bearer',
    challenge,
    vc_request_url: lcwRequestUrl(publicUrl, exchangeId),
  }).toString();
  const invitation = JSON.stringify(vcApiInvitation(publicUrl, exchangeId));
  if (invitation.includes('%')) {
    throw new Error('buildDeliveryLinks: PUBLIC_URL must not contain "%" (LCW decodes it twice)');
  }
  return {
    lcw: { deepLink: `dccrequest://request?${query}`, url: `https://lcw.app/request?${query}` },
    vcapi: {
      invitationUrl: `https://lcw.app/request?${new URLSearchParams({ request: invitation }).toString()}`,
      exchangeUrl: vcApiExchangeUrl(publicUrl, exchangeId),
      interactionUrl: interactionUrl(publicUrl, exchangeId),
    },
  };
};
