/**
 * The credential endpoint's work (OID4VCI 1.0 §8): the exchange behind the Bearer access token,
 * the request read in either version's words, the proof of possession checked and its nonce
 * spent, then the award issued again bound to the proof's key (`issueHolderBoundCredential` of
 * wallet delivery: same content, `credentialSubject.id` = the holder's DID, the award's status
 * entries, signed by the award's issuer key) and the exchange closed. One credential per exchange.
 */
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../http/app-context.js';
import { isServerError } from '../http/server-error.js';
import { issueHolderBoundCredential } from '../wallet-delivery/issue-holder-bound.js';
import { oid4vciUrls } from './oid4vci-metadata.js';
import { Oid4vciError } from './oid4vci-protocol-error.js';
import { hashSecret, spendCNonce } from './oid4vci-secrets.js';
import { readCredentialRequest } from './read-credential-request.js';
import { verifyProofJwt } from './verify-proof-jwt.js';

export interface IssuedOid4vciCredential {
  /** A JSON object for `ldp_vc`, the compact JWT for `jwt_vc_json`. */
  readonly credential: Record<string, unknown> | string;
}

const BEARER = /^Bearer[ ]+([A-Za-z0-9\-._~+/]+=*)$/i;

/** The live exchange the request's access token opens. */
const readExchange = async (
  context: AppContext,
  request: FastifyRequest,
): Promise<{ id: string; awardId: string }> => {
  const match = BEARER.exec(request.headers.authorization ?? '');
  if (match?.[1] === undefined) {
    throw new Oid4vciError('invalid_token', 'An access token (Authorization: Bearer) is required.');
  }
  const row = await context.db.kysely
    .selectFrom('credential_exchanges')
    .select(['id', 'award_id', 'state', 'expires_at'])
    .where('access_token', '=', hashSecret(match[1]))
    .executeTakeFirst();
  if (row?.state !== 'active') {
    throw new Oid4vciError('invalid_token', 'The access token is not valid (unknown or used).');
  }
  if (row.expires_at <= context.clock().toISOString()) {
    throw new Oid4vciError('invalid_token', 'The access token has expired.');
  }
  return { id: row.id, awardId: row.award_id };
};

export const issueOid4vciCredential = async (
  context: AppContext,
  request: FastifyRequest,
): Promise<IssuedOid4vciCredential> => {
  const exchange = await readExchange(context, request);
  const { format, proofJwt } = readCredentialRequest(request.body);
  const now = context.clock();
  const proof = await verifyProofJwt(proofJwt, {
    audience: oid4vciUrls(context.config.publicUrl).credentialIssuer,
    now,
  });
  if (!(await spendCNonce(context.db, proof.nonce, now))) {
    throw new Oid4vciError(
      'invalid_nonce',
      'The proof nonce is unknown, expired or already used: fetch a new c_nonce.',
    );
  }
  let issued;
  try {
    issued = await issueHolderBoundCredential(context, exchange.awardId, proof.holderDid, format);
  } catch (error) {
    if (isServerError(error)) {
      throw new Oid4vciError('credential_request_denied', error.localized.en);
    }
    throw error;
  }
  const credential = issued.format === 'jwt_vc_json' ? issued.jwt : issued.credential;
  const completed = await context.db.kysely
    .updateTable('credential_exchanges')
    .set({
      state: 'complete',
      protocol: 'oid4vci',
      holder_did: proof.holderDid,
      credential: typeof credential === 'string' ? credential : JSON.stringify(credential),
      completed_at: context.clock().toISOString(),
    })
    .where('id', '=', exchange.id)
    .where('state', '=', 'active')
    .executeTakeFirst();
  if (completed.numUpdatedRows !== 1n) {
    throw new Oid4vciError('invalid_token', 'The access token has already been used.');
  }
  return { credential };
};
