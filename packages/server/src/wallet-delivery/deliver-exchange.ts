/**
 * Delivering through an exchange: the wallet's DID-auth presentation is verified against the
 * exchange's challenge (and domain), the exchange is claimed atomically (single use), and the
 * award's holder-bound copy (`ldp_vc`, eddsa-rdfc-2022) is issued to the proved DID and kept on
 * the exchange. A presentation that fails leaves the exchange open: a wallet may try again
 * until it expires (the endpoints are rate-limited). Issuing that fails after the claim marks
 * the exchange invalid.
 */
import { CREDENTIALS_V2_URL } from '@akashi/core';
import type { AppContext } from '../http/app-context.js';
import { ServerError } from '../http/server-error.js';
import type { VcApiVerifier } from '../vc-api/vc-api-verifier.js';
import {
  claimExchange,
  invalidateExchange,
  isExpired,
  markExchangeActive,
  readExchange,
  readOpenExchange,
  recordDelivered,
} from './exchange-store.js';
import { issueHolderBoundCredential } from './issue-holder-bound.js';
import { verifyDidAuthentication } from './verify-did-auth.js';

type Json = Record<string, unknown>;

/** The domain our DIDAuthentication requests name: the origin of PUBLIC_URL. */
export const deliveryDomain = (publicUrl: string): string => new URL(publicUrl).origin;

/** The VC-API DIDAuthentication request of an open exchange (marks it active). */
export const requestDidAuthentication = async (context: AppContext, exchangeId: string) => {
  const exchange = await readOpenExchange(context, exchangeId);
  await markExchangeActive(context, exchange.id);
  return {
    verifiablePresentationRequest: {
      query: [
        {
          type: 'DIDAuthentication',
          acceptedMethods: [{ method: 'key' }],
          acceptedCryptosuites: [
            { cryptosuite: 'Ed25519Signature2020' },
            { cryptosuite: 'eddsa-rdfc-2022' },
          ],
        },
      ],
      challenge: exchange.challenge ?? '',
      domain: deliveryDomain(context.config.publicUrl),
    },
  };
};

/** Verifies the presentation, claims the exchange and issues the bound credential. */
export const deliverThroughExchange = async (
  context: AppContext,
  verifier: VcApiVerifier,
  exchangeId: string,
  presentation: unknown,
  protocol: 'lcw' | 'vcapi',
): Promise<Json> => {
  const exchange = await readOpenExchange(context, exchangeId);
  const url = new URL(context.config.publicUrl);
  const holder = await verifyDidAuthentication(verifier, presentation, {
    challenge: exchange.challenge ?? '',
    domains: [url.origin, url.host],
    // The VC-API request names a domain; the legacy link does not (checked when sent).
    domainRequired: protocol === 'vcapi',
  });
  if (!(await claimExchange(context, exchange.id, protocol, holder))) {
    const now = await readExchange(context, exchange.id);
    const open = now.state === 'pending' || now.state === 'active';
    throw new ServerError(
      open && isExpired(now, context.clock())
        ? 'ERR_DELIVERY_EXCHANGE_EXPIRED'
        : 'ERR_DELIVERY_EXCHANGE_USED',
    );
  }
  try {
    const issued = await issueHolderBoundCredential(context, exchange.award_id, holder, 'ldp_vc');
    await recordDelivered(context, exchange.id, JSON.stringify(issued.credential));
    return issued.credential;
  } catch (error) {
    await invalidateExchange(context, exchange.id);
    throw error;
  }
};

/** The VC-API answer: the credential wrapped in a presentation (LCW #763's shape). */
export const wrapInPresentation = (credential: Json) => ({
  verifiablePresentation: {
    '@context': [CREDENTIALS_V2_URL],
    type: ['VerifiablePresentation'],
    verifiableCredential: [credential],
  },
});
