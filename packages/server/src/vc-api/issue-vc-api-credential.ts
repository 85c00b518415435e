/**
 * `POST /credentials/issue`: signs an arbitrary Verifiable Credential for one of the caller's
 * issuer profiles with an `eddsa-rdfc-2022` proof, after adding its status entries, and keeps it
 * (`vc_api_credentials`) so that its status can be set later.
 *
 * The credential's `issuer` (or `issuer.id`) must be the identifier of an issuer profile of the
 * caller's organisation. Refused with a specific 400: a proof or a credentialStatus already
 * present, a missing or wrong first context, a context Akashi does not bundle (never fetched),
 * a credential that breaks the VC data model or JSON-LD safe mode (an Open Badge is also held to
 * the OB 3.0 schema, through core `issueCredential`). Nothing else is added: no `id` (VC-API: the
 * service does not invent one) and no `validFrom`. A VC 1.1 credential gets the Data Integrity
 * and Bitstring Status List contexts appended (its order otherwise kept), as it needs them.
 */
import { randomUUID } from 'node:crypto';
import {
  addDataIntegrityProof,
  type AkashiError,
  BITSTRING_STATUS_LIST_V1_URL,
  bundledContexts,
  CREDENTIALS_V1_URL,
  CREDENTIALS_V2_URL,
  DATA_INTEGRITY_V2_URL,
  isAkashiError,
  issueCredential,
} from '@akashi/core';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import type { AppContext } from '../http/app-context.js';
import { ServerError, type FieldError } from '../http/server-error.js';
import { findIssuerProfileByIdentifier, type IssuerProfile } from '../issuers/issuer-profile.js';
import { loadIssuerSigning } from '../issuers/issuer-signing.js';
import { authorizeRequest } from '../policy/authorize-request.js';
import { auditedBy, type CommandOrigin } from '../policy/command-origin.js';
import { allocateStatusEntries } from '../status-lists/allocate-status-entries.js';
import {
  buildStatusEntryObject,
  type AllocatedStatusEntry,
  type StatusPurpose,
} from '../status-lists/status-entry.js';
import {
  checkCredentialDataModel,
  contextsOf,
  issuerIdOf,
  isVc1,
  type VcProblem,
} from './check-vc-data-model.js';
import { isOpenBadge } from './vc-api-verifier.js';

type Json = Record<string, unknown>;

export interface IssueVcApiOptions {
  /** How the client will refer to the credential (default: its `id`). */
  readonly credentialId?: string | undefined;
  /**
   * Akashi extension: which status entries to add. Default: revocation and suspension; an Open
   * Badge gets revocation only (the OB 3.0 schema allows one `credentialStatus` object).
   */
  readonly statusPurposes?: readonly StatusPurpose[] | undefined;
}

export interface IssuedVcApiCredential {
  /** Our row id. */
  readonly id: string;
  readonly credentialId: string | null;
  readonly verifiableCredential: Json;
}

const fieldsOf = (problems: readonly VcProblem[]): FieldError[] =>
  problems.map((p) => ({ in: 'body', path: `/credential${p.path}`, message: p.message }));

/** The first-context and bundled-context rules (clear errors before any JSON-LD work). */
const assertContexts = (credential: Json): void => {
  const contexts = contextsOf(credential);
  if (contexts.length === 0) {
    throw new ServerError('ERR_VC_API_CONTEXT_MISSING', {
      params: { expected: CREDENTIALS_V2_URL },
    });
  }
  const first = contexts[0];
  if (first !== CREDENTIALS_V2_URL && first !== CREDENTIALS_V1_URL) {
    throw new ServerError('ERR_VC_API_CONTEXT_FIRST', {
      params: {
        expected: CREDENTIALS_V2_URL,
        found: typeof first === 'string' ? first : JSON.stringify(first),
      },
    });
  }
  for (const entry of contexts) {
    if (typeof entry === 'string' && !bundledContexts.has(entry)) {
      throw new ServerError('ERR_VC_API_CONTEXT_UNKNOWN', { params: { url: entry } });
    }
  }
};

/** The caller's issuer profile named by the credential, authorised to issue. */
const resolveIssuer = async (
  context: AppContext,
  credential: Json,
  origin: CommandOrigin,
): Promise<IssuerProfile> => {
  const issuer = issuerIdOf(credential);
  if (issuer === undefined) throw new ServerError('ERR_VC_API_ISSUER_MISSING');
  const profile = await findIssuerProfileByIdentifier(context.db, issuer);
  if (profile === undefined)
    throw new ServerError('ERR_VC_API_ISSUER_UNKNOWN', { params: { issuer } });
  const { actor } = origin;
  if (actor.kind === 'api-key' && actor.organisationId !== profile.organisationId) {
    throw new ServerError('ERR_VC_API_ISSUER_FORBIDDEN', { params: { issuer } });
  }
  await authorizeRequest(context.db, actor, 'badge.issue', {
    organisationId: profile.organisationId,
    departmentId: profile.departmentId,
  });
  if (profile.archivedAt !== null) {
    throw new ServerError('ERR_VC_API_ISSUER_ARCHIVED', { params: { issuer } });
  }
  return profile;
};

const assertCredentialIdFree = async (
  context: AppContext,
  organisationId: string,
  credentialId: string | null,
): Promise<void> => {
  if (credentialId === null) return;
  const base = context.config.publicUrl.replace(/\/+$/, '');
  if (credentialId.startsWith(`${base}/badges/`)) {
    throw new ServerError('ERR_VC_API_CREDENTIAL_ID_RESERVED', { params: { credentialId } });
  }
  const taken = await context.db.kysely
    .selectFrom('vc_api_credentials')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('credential_id', '=', credentialId)
    .executeTakeFirst();
  if (taken !== undefined) {
    throw new ServerError('ERR_VC_API_CREDENTIAL_ID_TAKEN', { params: { credentialId } });
  }
};

/** A VC 1.1 credential needs the DI and status contexts for what is added to it. */
const withV1Contexts = (credential: Json, addsStatus: boolean): Json => {
  if (!isVc1(credential)) return credential;
  const contexts = contextsOf(credential);
  const needed = [DATA_INTEGRITY_V2_URL, ...(addsStatus ? [BITSTRING_STATUS_LIST_V1_URL] : [])];
  const missing = needed.filter((url) => !contexts.includes(url));
  return missing.length === 0
    ? credential
    : { ...credential, '@context': [...contexts, ...missing] };
};

/** The loader's ERR_CONTEXT_NOT_BUNDLED inside an error (jsonld.js nests it in `details.cause`). */
const findUnbundled = (error: unknown, depth = 0): AkashiError | undefined => {
  if (depth > 5 || typeof error !== 'object' || error === null) return undefined;
  if (isAkashiError(error) && error.code === 'ERR_CONTEXT_NOT_BUNDLED') return error;
  const { cause, details } = error as { cause?: unknown; details?: { cause?: unknown } };
  return findUnbundled(cause, depth + 1) ?? findUnbundled(details?.cause, depth + 1);
};

/** The core's signing errors as VC-API errors. */
const translateSigningError = (error: unknown): unknown => {
  if (!isAkashiError(error)) return error;
  const cause = error.cause;
  const unbundled = findUnbundled(error);
  if (unbundled !== undefined) {
    return new ServerError('ERR_VC_API_CONTEXT_UNKNOWN', {
      params: { url: String(unbundled.details?.url) },
      cause: error,
    });
  }
  switch (error.code) {
    case 'ERR_JSONLD_SAFE_MODE': {
      const reason = cause instanceof Error ? cause.message : error.message;
      return new ServerError('ERR_VC_API_JSONLD_INVALID', { params: { reason }, cause: error });
    }
    case 'ERR_CREDENTIAL_INVALID': {
      const errors = (error.details?.errors ?? []) as { path: string; message: string }[];
      return new ServerError('ERR_VC_API_CREDENTIAL_INVALID', {
        cause: error,
        fields: errors.map((e) => ({
          in: 'body',
          path: `/credential${e.path}`,
          message: { en: e.message, ja: `Open Badges 3.0 のスキーマに合いません: ${e.message}` },
        })),
      });
    }
    default:
      return error;
  }
};

const secondsOf = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

export const issueVcApiCredential = async (
  context: AppContext,
  unsigned: Json,
  options: IssueVcApiOptions,
  origin: CommandOrigin,
): Promise<IssuedVcApiCredential> => {
  if (origin.actor.kind === 'anonymous') throw new ServerError('ERR_HTTP_UNAUTHENTICATED');
  if ('proof' in unsigned) throw new ServerError('ERR_VC_API_PROOF_PRESENT');
  if ('credentialStatus' in unsigned) throw new ServerError('ERR_VC_API_STATUS_PRESENT');
  assertContexts(unsigned);
  const profile = await resolveIssuer(context, unsigned, origin);
  const problems = checkCredentialDataModel(unsigned);
  if (problems.length > 0) {
    throw new ServerError('ERR_VC_API_CREDENTIAL_INVALID', { fields: fieldsOf(problems) });
  }
  const openBadge = isOpenBadge(unsigned);
  const credentialId =
    options.credentialId ?? (typeof unsigned.id === 'string' ? unsigned.id : null);
  await assertCredentialIdFree(context, profile.organisationId, credentialId);

  const purposes = [
    ...new Set(
      options.statusPurposes ?? (openBadge ? ['revocation'] : ['revocation', 'suspension']),
    ),
  ] as StatusPurpose[];
  const entries: AllocatedStatusEntry[] = [];
  for (const purpose of purposes) {
    const [entry] = await allocateStatusEntries(context.db, {
      publicUrl: context.config.publicUrl,
      issuerProfileId: profile.id,
      purpose,
      count: 1,
      now: origin.now,
    });
    if (entry !== undefined) entries.push(entry);
  }
  const statusObjects = entries.map(buildStatusEntryObject);
  const credential: Json = withV1Contexts(unsigned, entries.length > 0);
  if (statusObjects.length === 1) credential.credentialStatus = statusObjects[0];
  else if (statusObjects.length > 1) credential.credentialStatus = statusObjects;

  const signing = await loadIssuerSigning(context, profile.id);
  const signOptions = {
    key: signing.ed25519.signingKey(),
    verificationMethod: signing.verificationMethod,
    created: secondsOf(origin.now),
  };
  let signed: Json;
  try {
    signed = openBadge
      ? (await issueCredential(credential, signOptions)).credential
      : await addDataIntegrityProof(credential, signOptions);
  } catch (error) {
    throw translateSigningError(error);
  }
  // One proof goes out as an object, as most VC-API issuers (and the W3C suites) expect.
  if (Array.isArray(signed.proof) && signed.proof.length === 1) {
    signed = { ...signed, proof: signed.proof[0] as unknown };
  }

  const revocation = entries.find((e) => e.purpose === 'revocation');
  const suspension = entries.find((e) => e.purpose === 'suspension');
  const id = randomUUID();
  const now = origin.now.toISOString();
  const store = runInTransaction(context.db, async (tx) => {
    await tx.kysely
      .insertInto('vc_api_credentials')
      .values({
        id,
        organisation_id: profile.organisationId,
        issuer_profile_id: profile.id,
        credential_id: credentialId,
        credential: JSON.stringify(signed),
        revocation_list_id: revocation?.listId ?? null,
        revocation_index: revocation?.index ?? null,
        suspension_list_id: suspension?.listId ?? null,
        suspension_index: suspension?.index ?? null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await recordAuditEvent(
      tx,
      {
        action: 'vc-api.issue',
        ...auditedBy(origin),
        organisationId: profile.organisationId,
        targetType: 'vc-api-credential',
        targetId: id,
        details: {
          issuerProfileId: profile.id,
          ...(credentialId === null ? {} : { credentialId }),
          statusPurposes: purposes,
        },
      },
      origin.now,
    );
  });
  try {
    await store;
  } catch (error) {
    // Another request took the same credential id in the meantime (the unique constraint).
    await assertCredentialIdFree(context, profile.organisationId, credentialId);
    throw error;
  }
  return { id, credentialId, verifiableCredential: signed };
};
