/**
 * Key rotation of an issuer profile: a new Ed25519 and/or RSA key signs from now on; the old ones
 * are retired but stay in the DID document, the JWKS and the key documents, so everything signed
 * before still verifies. Audited as `key.rotate` (per key, by the key store) and
 * `issuer.rotate-keys`.
 *
 * A did:key profile is named by its Ed25519 key, so that key is not rotated
 * (`ERR_ISSUER_DID_KEY_NOT_ROTATABLE`): a new key would be a new issuer, and the status lists its
 * earlier badges point at would be signed under another issuer id, which verifiers reject. Such
 * an organisation creates a new profile (did:web, where the platform's URL is https, rotates
 * freely). Its RSA key (OB 2.0) rotates as any other.
 *
 * Rotation is not revocation: a retired key is still accepted for what it signed. A key that
 * leaked needs its badges re-issued and revoked, not just a rotation.
 */
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import type { AppContext } from '../http/app-context.js';
import { ServerError } from '../http/server-error.js';
import type { IssuerKeyAlgorithm, IssuerPublicKey } from '../keys/issuer-key.js';
import { isKeyStoreError } from '../keys/key-store-error.js';
import { auditedBy, type CommandOrigin } from '../policy/command-origin.js';
import { didKeyOfMultikey } from './issuer-identifier.js';
import { readOrganisationIssuerProfile, type IssuerProfile } from './issuer-profile.js';
import { issuerKeyOwner } from './issuer-signing.js';

export interface RotateIssuerKeysResult {
  readonly profile: IssuerProfile;
  /** The new keys. */
  readonly rotated: readonly IssuerPublicKey[];
}

export const rotateIssuerKeys = async (
  context: AppContext,
  organisationId: string,
  profileId: string,
  algorithms: readonly IssuerKeyAlgorithm[],
  origin: CommandOrigin,
): Promise<RotateIssuerKeysResult> => {
  const { db, keys } = context;
  const profile = await readOrganisationIssuerProfile(db, organisationId, profileId);
  if (profile.archivedAt !== null) throw new ServerError('ERR_ISSUER_ARCHIVED');
  if (profile.identifierMethod === 'did:key' && algorithms.includes('ed25519')) {
    // The profile's identity is that key: a new one would be a new issuer, and the status lists
    // its earlier badges point at could no longer be signed under their issuer's id.
    throw new ServerError('ERR_ISSUER_DID_KEY_NOT_ROTATABLE');
  }
  const owner = issuerKeyOwner(profileId);
  const keyAudit = { ...auditedBy(origin), organisationId };
  const rotated: IssuerPublicKey[] = [];
  for (const algorithm of [...new Set(algorithms)]) {
    try {
      rotated.push(await keys.rotateKey(owner, algorithm, keyAudit));
    } catch (error) {
      if (!isKeyStoreError(error)) throw error;
      if (error.code === 'ERR_KEYSTORE_CONFLICT') {
        throw new ServerError('ERR_ISSUER_KEY_ROTATION_CONFLICT', { cause: error });
      }
      // A profile that somehow lost its key gets a first one.
      if (error.code !== 'ERR_KEYSTORE_NO_CURRENT_KEY') throw error;
      rotated.push(await keys.createKey(owner, algorithm, keyAudit));
    }
  }
  const ed25519 = rotated.find((key) => key.algorithm === 'ed25519');
  const identifier =
    profile.identifierMethod === 'did:key' && ed25519 !== undefined
      ? didKeyOfMultikey(ed25519.kid)
      : profile.identifier;
  const at = origin.now.toISOString();
  await runInTransaction(db, async (tx) => {
    await tx.kysely
      .updateTable('issuer_profiles')
      .set({ identifier, updated_at: at })
      .where('id', '=', profileId)
      .execute();
    await recordAuditEvent(
      tx,
      {
        action: 'issuer.rotate-keys',
        ...auditedBy(origin),
        organisationId,
        targetType: 'issuer-profile',
        targetId: profileId,
        details: {
          rotated: rotated.map((key) => ({ algorithm: key.algorithm, kid: key.kid })),
          ...(identifier === profile.identifier
            ? {}
            : { identifierFrom: profile.identifier, identifierTo: identifier }),
        },
      },
      origin.now,
    );
  });
  return { profile: { ...profile, identifier, updatedAt: at }, rotated };
};
