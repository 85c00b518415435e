/**
 * A holder-bound copy of an award (ADR 0011), issued when the award is handed to an external
 * wallet (the Learner Credential Wallet, a VC-API wallet, an OpenID4VCI wallet):
 *
 *   const issued = await issueHolderBoundCredential(context, awardId, 'did:key:z6Mk…', 'ldp_vc');
 *
 * The award's OB 3.0 credential with the same content, except:
 * - `credentialSubject.id` = the holder's DID (proved by the caller: DID authentication or an
 *   OID4VCI proof of possession). The hashed e-mail `identifier` stays: OB 3.0 allows both, and a
 *   verifier who knows the address can still match it;
 * - a new `id` (`urn:uuid:…`): the copy is a credential of its own, not the hosted one;
 * - `credentialStatus`: the award's own entries, the revocation entry FIRST (the Learner
 *   Credential Wallet checks only the first), so revoking the award revokes every copy;
 * - the issuer id is the profile's current one (a did:key issuer is its current key);
 * - a fresh proof by the award's issuer key: `eddsa-rdfc-2022` for `ldp_vc`, a VC-JWT (EdDSA)
 *   for `jwt_vc_json`.
 * `validFrom`, `validUntil` and `awardedDate` are the award's. Revoked and suspended awards are
 * refused (`ERR_DELIVERY_AWARD_REVOKED`, `ERR_DELIVERY_AWARD_SUSPENDED`).
 */
import { randomUUID } from 'node:crypto';
import { issueCredential } from '@akashi/core';
import { readAward, type Award } from '../awards/award.js';
import type { AppContext } from '../http/app-context.js';
import { isServerError, ServerError } from '../http/server-error.js';
import { loadIssuerSigning } from '../issuers/issuer-signing.js';

type Json = Record<string, unknown>;

export type HolderBoundFormat = 'ldp_vc' | 'jwt_vc_json';

export type HolderBoundCredential =
  | {
      readonly format: 'ldp_vc';
      /** The copy's `id` (`urn:uuid:…`). */
      readonly id: string;
      /** The signed credential (embedded `DataIntegrityProof`). */
      readonly credential: Json;
    }
  | {
      readonly format: 'jwt_vc_json';
      readonly id: string;
      /** The compact VC-JWT. */
      readonly jwt: string;
      /** The credential the JWT carries (unsigned JSON). */
      readonly credential: Json;
    };

/** A DID as the delivery flows accept it for a holder: `did:<method>:<id>`, no fragment. */
const HOLDER_DID = /^did:[a-z0-9]+:[A-Za-z0-9._:%-]+$/;

export const isHolderDid = (value: string): boolean =>
  value.length <= 2048 && HOLDER_DID.test(value);

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The award's status entries as a list with the revocation entry first. */
export const orderStatusEntries = (status: unknown): Json[] => {
  const entries = (Array.isArray(status) ? status : [status]).filter(isObject);
  const rank = (entry: Json) => (entry.statusPurpose === 'revocation' ? 0 : 1);
  return [...entries].sort((a, b) => rank(a) - rank(b));
};

/** The award, readable and deliverable (active), or the delivery error. */
export const readDeliverableAward = async (
  context: AppContext,
  awardId: string,
): Promise<Award> => {
  let award: Award;
  try {
    award = await readAward(context.db, awardId);
  } catch (error) {
    if (isServerError(error) && error.code === 'ERR_AWARD_NOT_FOUND') {
      throw new ServerError('ERR_DELIVERY_AWARD_NOT_FOUND', { cause: error });
    }
    throw error;
  }
  if (award.state === 'revoked') throw new ServerError('ERR_DELIVERY_AWARD_REVOKED');
  if (award.state === 'suspended') throw new ServerError('ERR_DELIVERY_AWARD_SUSPENDED');
  return award;
};

/** The unsigned holder-bound copy of `credential` (the award's, as signed). */
export const bindCredentialToHolder = (
  credential: Json,
  holderDid: string,
  issuerId: string,
  copyId: string,
): Json => {
  const { proof: _proof, credentialStatus, credentialSubject, issuer, ...rest } = credential;
  const { id: _subjectId, ...subject } = isObject(credentialSubject) ? credentialSubject : {};
  const entries = orderStatusEntries(credentialStatus);
  const [first] = entries;
  return {
    ...rest,
    id: copyId,
    issuer: isObject(issuer) ? { ...issuer, id: issuerId } : issuerId,
    ...(first === undefined ? {} : { credentialStatus: entries.length === 1 ? first : entries }),
    credentialSubject: { id: holderDid, ...subject },
  };
};

const proofCreated = (now: Date): string => now.toISOString().replace(/\.\d{3}Z$/, 'Z');

export const issueHolderBoundCredential = async (
  context: AppContext,
  awardId: string,
  holderDid: string,
  format: HolderBoundFormat,
): Promise<HolderBoundCredential> => {
  if (!isHolderDid(holderDid)) throw new ServerError('ERR_DELIVERY_HOLDER_DID_INVALID');
  const award = await readDeliverableAward(context, awardId);
  const signing = await loadIssuerSigning(context, award.issuerProfileId);
  const id = `urn:uuid:${randomUUID()}`;
  const unsigned = bindCredentialToHolder(award.credential, holderDid, signing.issuerId, id);
  const options = {
    key: signing.ed25519.signingKey(),
    verificationMethod: signing.verificationMethod,
    created: proofCreated(context.clock()),
  };
  if (format === 'jwt_vc_json') {
    const issued = await issueCredential(unsigned, { ...options, format: 'jwt' });
    if (issued.format !== 'jwt') throw new Error('issueCredential: expected a VC-JWT');
    return { format, id, jwt: issued.jwt, credential: issued.credential };
  }
  const issued = await issueCredential(unsigned, options);
  return { format, id, credential: issued.credential };
};
