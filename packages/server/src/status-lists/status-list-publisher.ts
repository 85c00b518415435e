/**
 * Publishes a stored list as a signed W3C `BitstringStatusListCredential` (VC 2.0, an
 * eddsa-rdfc-2022 Data Integrity proof by the issuer profile's current Ed25519 key, `issuer` =
 * the profile's identifier), as `GET /status/:listId` serves it.
 *
 * The signed credential is cached in the list's row with the `version` it was signed at and its
 * ETag, so a list is signed once per change, not once per fetch: a fetch signs afresh only when a
 * bit changed since (`version` ≠ `signed_version`) or the copy is a day old. Concurrent fetches
 * of the same version in this process share one signing.
 *
 * Validity: `validFrom` is the signing time less {@link STATUS_LIST_CLOCK_SKEW_MS} (a verifier
 * whose clock runs a little slow must not find a list fetched right after a change "not yet
 * valid"); `validUntil` is the signing time plus {@link STATUS_LIST_VALIDITY_MS}, which bounds how
 * long an old copy (one saying "not revoked") can be replayed; copies are re-signed long before.
 * No `ttl`: the spec assumes no default, and freshness is HTTP's job here (`max-age` of seconds).
 */
import { createHash } from 'node:crypto';
import {
  addDataIntegrityProof,
  buildStatusListCredential,
  StatusList,
  type SigningKey,
} from '@akashi/core';
import type { Database } from '../db/open-database.js';
import type { AppContext } from '../http/app-context.js';
import { ServerError } from '../http/server-error.js';
import { loadIssuerSigning } from '../issuers/issuer-signing.js';
import { statusListUrl } from './status-entry.js';

/** How long a signed list stays valid (`validUntil` − signing time): 7 days. */
export const STATUS_LIST_VALIDITY_MS = 7 * 24 * 60 * 60 * 1000;
/** A cached signed list older than this is signed again even without a change: 1 day. */
export const STATUS_LIST_RESIGN_AFTER_MS = 24 * 60 * 60 * 1000;
/** `validFrom` is set this much before the signing time: 5 minutes. */
export const STATUS_LIST_CLOCK_SKEW_MS = 5 * 60 * 1000;

/** Who signs a list: the issuer id written in it, the Ed25519 key and its verification method. */
export interface StatusListSigningIdentity {
  readonly issuerId: string;
  readonly key: SigningKey;
  readonly verificationMethod: string;
}

export type LoadStatusListSigner = (issuerProfileId: string) => Promise<StatusListSigningIdentity>;

/** The production signer: the issuer profile's current Ed25519 key (`loadIssuerSigning`). */
export const issuerProfileSigner =
  (context: AppContext): LoadStatusListSigner =>
  async (issuerProfileId) => {
    const signing = await loadIssuerSigning(context, issuerProfileId);
    return {
      issuerId: signing.issuerId,
      key: signing.ed25519.signingKey(),
      verificationMethod: signing.verificationMethod,
    };
  };

export interface PublishedStatusList {
  /** The signed credential, JSON text, served byte for byte. */
  readonly body: string;
  /** Strong ETag (with its quotes) of `body`. */
  readonly etag: string;
}

export interface StatusListPublisher {
  /** The list's current signed credential; `ERR_STATUS_LIST_NOT_FOUND` for an unknown id. */
  publish(listId: string): Promise<PublishedStatusList>;
}

export interface CreateStatusListPublisherOptions {
  readonly db: Database;
  /** `config.publicUrl`: the list credential's id is `${publicUrl}/status/${listId}`. */
  readonly publicUrl: string;
  readonly clock: () => Date;
  readonly loadSigner: LoadStatusListSigner;
}

const etagOf = (body: string): string =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;

const toSeconds = (date: Date): Date => new Date(Math.floor(date.getTime() / 1000) * 1000);

export const createStatusListPublisher = ({
  db,
  publicUrl,
  clock,
  loadSigner,
}: CreateStatusListPublisherOptions): StatusListPublisher => {
  const inFlight = new Map<
    string,
    { signing: Promise<PublishedStatusList>; settledAt: number | undefined }
  >();
  /** How long a finished signing of a version is shared with late concurrent requests. */
  const SIGNED_REUSE_MS = 2_000;

  const sign = async (listId: string): Promise<PublishedStatusList> => {
    const row = await db.kysely
      .selectFrom('status_lists')
      .select(['issuer_profile_id', 'purpose', 'bits', 'version'])
      .where('id', '=', listId)
      .executeTakeFirst();
    if (row === undefined)
      throw new ServerError('ERR_STATUS_LIST_NOT_FOUND', { params: { listId } });
    const signer = await loadSigner(row.issuer_profile_id);
    const signedAt = toSeconds(clock());
    const unsigned = buildStatusListCredential({
      id: statusListUrl(publicUrl, listId),
      issuer: signer.issuerId,
      statusPurpose: row.purpose,
      list: new StatusList(new Uint8Array(row.bits)),
      validFrom: new Date(signedAt.getTime() - STATUS_LIST_CLOCK_SKEW_MS),
      validUntil: new Date(signedAt.getTime() + STATUS_LIST_VALIDITY_MS),
    });
    const signed = await addDataIntegrityProof(unsigned, {
      key: signer.key,
      verificationMethod: signer.verificationMethod,
      created: signedAt.toISOString().replace(/\.000Z$/, 'Z'),
    });
    const body = JSON.stringify(signed);
    const etag = etagOf(body);
    // Cached only if no bit changed meanwhile (else the next fetch signs the newer bits).
    await db.kysely
      .updateTable('status_lists')
      .set({
        signed_credential: body,
        signed_version: row.version,
        signed_at: signedAt.toISOString(),
        etag,
      })
      .where('id', '=', listId)
      .where('version', '=', row.version)
      .execute();
    return { body, etag };
  };

  return {
    async publish(listId) {
      const head = await db.kysely
        .selectFrom('status_lists')
        .select(['version', 'signed_version', 'signed_at', 'signed_credential', 'etag'])
        .where('id', '=', listId)
        .executeTakeFirst();
      if (head === undefined) {
        throw new ServerError('ERR_STATUS_LIST_NOT_FOUND', { params: { listId } });
      }
      const age =
        head.signed_at === null ? Infinity : clock().getTime() - Date.parse(head.signed_at);
      if (
        head.signed_version === head.version &&
        head.signed_credential !== null &&
        head.etag !== null &&
        age >= -STATUS_LIST_CLOCK_SKEW_MS &&
        age < STATUS_LIST_RESIGN_AFTER_MS
      ) {
        return { body: head.signed_credential, etag: head.etag };
      }
      const key = `${listId}\n${head.version}`;
      const shared = inFlight.get(key);
      // A signing of this version in flight, or finished a moment ago (a request that read the
      // list before the signed copy was stored), is shared instead of signing the same again.
      if (
        shared !== undefined &&
        (shared.settledAt === undefined || clock().getTime() - shared.settledAt < SIGNED_REUSE_MS)
      ) {
        return shared.signing;
      }
      const entry: { signing: Promise<PublishedStatusList>; settledAt: number | undefined } = {
        signing: sign(listId).then(
          (published) => {
            entry.settledAt = clock().getTime();
            setTimeout(() => {
              if (inFlight.get(key) === entry) inFlight.delete(key);
            }, SIGNED_REUSE_MS).unref();
            return published;
          },
          (error: unknown) => {
            if (inFlight.get(key) === entry) inFlight.delete(key);
            throw error;
          },
        ),
        settledAt: undefined,
      };
      inFlight.set(key, entry);
      return entry.signing;
    },
  };
};

/**
 * Drops the cached signed lists of an issuer profile, so that the next fetch signs them again:
 * for when its identifier or signing key changes (a did:key profile's rotation changes its id).
 */
export const forgetSignedStatusLists = async (
  db: Database,
  issuerProfileId: string,
): Promise<void> => {
  await db.kysely
    .updateTable('status_lists')
    .set({ signed_credential: null, signed_version: null, signed_at: null, etag: null })
    .where('issuer_profile_id', '=', issuerProfileId)
    .execute();
};
