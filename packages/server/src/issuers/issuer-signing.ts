/**
 * What signs for an issuer profile: its current Ed25519 key (Data Integrity proofs, EdDSA JWTs)
 * and RSA key (OB 2.0 signed assertions), with the ids to write beside the signatures.
 *
 *   const signing = await loadIssuerSigning(context, profileId);
 *   await issueCredential(credential, {
 *     key: signing.ed25519.signingKey(),
 *     verificationMethod: signing.verificationMethod,
 *   });
 *
 * Archived profiles load too: their status lists must still be signed when a badge they issued
 * is revoked. Whether a profile may issue new badges is the caller's check (`archivedAt`).
 */
import type { AppContext } from '../http/app-context.js';
import type { KeyOwner } from '../keys/issuer-key.js';
import { isLocalSigner, type LocalSigner, type Signer } from '../keys/signer.js';
import { didKeyOfMultikey, verificationMethodFor } from './issuer-identifier.js';
import { readIssuerProfile, type IssuerProfile } from './issuer-profile.js';
import { issuerUrls } from './issuer-urls.js';

export interface IssuerSigning {
  readonly profile: IssuerProfile;
  /** = profile.identifier */
  readonly issuerId: string;
  /** The current Ed25519 key. */
  readonly ed25519: LocalSigner;
  /** DI proof `verificationMethod` and VC-JWT `kid`, e.g. did:web:host:issuers:id#z6Mk…. */
  readonly verificationMethod: string;
  /** The current RSA key (OB 2.0 signed assertions, RS256). */
  readonly rsa: LocalSigner;
  /** The OB 2.0 CryptographicKey URL of the current RSA key (`verification.creator`). */
  readonly ob2PublicKeyUrl: string;
  /**
   * The verification method of the RSA key for an RS256 VC-JWT `kid`: did:web profiles only
   * (their DID document lists RSA keys as JsonWebKey); undefined for the others.
   */
  readonly rsaVerificationMethod: string | undefined;
}

export const issuerKeyOwner = (profileId: string): KeyOwner => ({
  type: 'issuer-profile',
  id: profileId,
});

const requireLocal = (signer: Signer): LocalSigner => {
  if (!isLocalSigner(signer)) {
    throw new TypeError(`loadIssuerSigning: the ${signer.kind} signer cannot sign in process`);
  }
  return signer;
};

export const loadIssuerSigning = async (
  context: AppContext,
  profileId: string,
): Promise<IssuerSigning> => {
  const stored = await readIssuerProfile(context.db, profileId);
  const owner = issuerKeyOwner(profileId);
  const [ed25519, rsa] = await Promise.all([
    context.keys.currentSigner(owner, 'ed25519').then(requireLocal),
    context.keys.currentSigner(owner, 'rsa').then(requireLocal),
  ]);
  // A did:key is its current key, whatever the row says (a rotation updates both, not atomically).
  const identifier =
    stored.identifierMethod === 'did:key' ? didKeyOfMultikey(ed25519.kid) : stored.identifier;
  const profile = identifier === stored.identifier ? stored : { ...stored, identifier };
  const { publicUrl } = context.config;
  return {
    profile,
    issuerId: identifier,
    ed25519,
    verificationMethod: verificationMethodFor(
      profile.identifierMethod,
      identifier,
      publicUrl,
      profileId,
      ed25519.kid,
    ),
    rsa,
    ob2PublicKeyUrl: issuerUrls(publicUrl, profileId).key(rsa.kid),
    rsaVerificationMethod:
      profile.identifierMethod === 'did:web' ? `${identifier}#${rsa.kid}` : undefined,
  };
};
