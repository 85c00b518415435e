/**
 * `verifyCredential`: takes anything a verifier is handed and returns a report of named
 * checks. It never throws because of the input; a thrown error means a programming bug.
 * A verifier instance keeps its caches (compiled shapes, resolved keys, status lists, schemas).
 *
 * The pipeline (OB 3.0 §2.7): parse → context, JSON-LD, schema (with credentialSchema), proof,
 * issuer → refresh (once, after the proof) → validity and status (of the refreshed credential
 * when the refresh succeeded) → recipient → endorsements (recursively, the same pipeline).
 */
import { createCanonizer, type Canonizer } from '../canon/index.js';
import { createVerificationMethodResolver } from '../keys/index.js';
import {
  checkCredentialSchemas,
  combineSchemaChecks,
  createSchemaLoader,
} from './check-credential-schema.js';
import { checkDataIntegrity } from './check-data-integrity.js';
import { checkEndorsements } from './check-endorsements.js';
import { checkJwt } from './check-jwt.js';
import { checkRecipient } from './check-recipient.js';
import { checkRefresh } from './check-refresh.js';
import { checkStatus } from './check-status.js';
import { checkContext, checkSchema, credentialKind } from './check-structure.js';
import { checkValidity } from './check-validity.js';
import { createStatusListLoaders } from './load-status-lists.js';
import { parseVerifyInput, type ParsedInput, type VerifyInput } from './parse-input.js';
import { createRemoteDocuments } from './remote-documents.js';
import { issuerIdOf } from './resolve-key.js';
import {
  decideStatus,
  makeCheck,
  type CheckName,
  type VerificationCheck,
  type VerificationReport,
} from './verification-report.js';
import type { ResolveMethod, VerifierOptions, VerifyCredentialOptions } from './verify-options.js';

type Json = Record<string, unknown>;

export interface Verifier {
  verifyCredential(
    input: VerifyInput,
    options?: VerifyCredentialOptions,
  ): Promise<VerificationReport>;
  readonly canonizer: Canonizer;
}

const DEFAULT_TTL_MS = 5 * 60 * 1000;
const DEFAULT_MAX_ENDORSEMENT_DEPTH = 3;
const DEFAULT_MAX_ENDORSEMENTS = 50;

/** What one run of the pipeline is verifying, and for whom. */
interface RunContext {
  readonly now: Date;
  readonly recipient: string | undefined;
  /** A refreshed credential is not refreshed again and its endorsements are not checked. */
  readonly role: 'credential' | 'endorsement' | 'refreshed';
  /** 0 for the credential handed to `verifyCredential`, 1 for its endorsements, … */
  readonly depth: number;
  /** Endorsements still to be verified in this call, shared by every level. */
  readonly budget: { remaining: number };
}

type ParsedCredential = Extract<ParsedInput, { ok: true }>;

type Integrity =
  | {
      readonly ok: true;
      readonly credential: Json;
      readonly jsonld: VerificationCheck;
      readonly proof: VerificationCheck;
      readonly issuer: VerificationCheck;
    }
  | { readonly ok: false; readonly report: VerificationReport };

const countOption = (value: number | undefined, name: string, fallback: number): number => {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0)
    throw new TypeError(`createVerifier: options.${name} must be a non-negative integer`);
  return value;
};

export const createVerifier = (options: VerifierOptions = {}): Verifier => {
  const canonizer = options.canonizer ?? createCanonizer();
  const clock = options.now ?? (() => new Date());
  const now = () => clock().getTime();
  const ttlMs = options.cacheTtlMs ?? DEFAULT_TTL_MS;
  const keyProvenance = options.keyProvenance ?? 'strict';
  const followRefresh = options.followRefreshService ?? true;
  const maxDepth = countOption(
    options.maxEndorsementDepth,
    'maxEndorsementDepth',
    DEFAULT_MAX_ENDORSEMENT_DEPTH,
  );
  const maxEndorsements = countOption(
    options.maxEndorsements,
    'maxEndorsements',
    DEFAULT_MAX_ENDORSEMENTS,
  );
  const remote = createRemoteDocuments(options);
  const { fetchJson } = remote;
  const resolver = createVerificationMethodResolver({
    ...(fetchJson === undefined ? {} : { fetchJson }),
    ttlMs,
    now,
  });
  const resolveMethod: ResolveMethod = (url) => resolver.resolve(url);
  const statusLoaders = createStatusListLoaders({
    remote,
    canonizer,
    resolveMethod,
    keyProvenance,
    ttlMs,
    now,
  });
  const loadSchema = createSchemaLoader(remote, ttlMs, now);

  /** The `jsonld`, `proof` and `issuer` checks of a VC-JWT or of embedded proofs. */
  const checkIntegrity = async (parsed: ParsedCredential): Promise<Integrity> => {
    if (parsed.jwt === undefined) {
      const credential = parsed.credential as Json;
      const { jsonld, proof, issuer } = await checkDataIntegrity(
        credential,
        canonizer,
        resolveMethod,
        keyProvenance,
      );
      return { ok: true, credential, jsonld, proof, issuer };
    }
    const jwt = await checkJwt(parsed.jwt, resolveMethod, keyProvenance, fetchJson);
    if (jwt.credential === undefined) {
      const reason = jwt.proof.message.en;
      return {
        ok: false,
        report: {
          status: 'unreadable',
          valid: false,
          format: parsed.format,
          proofFormat: 'jwt',
          checks: [makeCheck('parse', 'failed', 'ERR_PARSE_JWT', { reason })],
        },
      };
    }
    let jsonld: VerificationCheck = makeCheck('jsonld', 'passed', 'JSONLD_OK');
    try {
      await canonizer.canonicalize(jwt.credential);
    } catch (error) {
      jsonld = makeCheck('jsonld', 'failed', 'ERR_JSONLD_UNDEFINED_TERM', {
        reason: error instanceof Error ? error.message : String(error),
      });
    }
    return { ok: true, credential: jwt.credential, jsonld, proof: jwt.proof, issuer: jwt.issuer };
  };

  /** The `schema` check: the Open Badges shape rules, then every credentialSchema. */
  const checkAllSchemas = async (credential: Json, role: RunContext['role']) => {
    const shape =
      role === 'endorsement' && credentialKind(credential) !== 'endorsement'
        ? makeCheck('schema', 'failed', 'ERR_ENDORSEMENT_TYPE')
        : checkSchema(credential);
    return combineSchemaChecks(shape, await checkCredentialSchemas(credential, loadSchema));
  };

  const run = async (input: VerifyInput, context: RunContext): Promise<VerificationReport> => {
    const parsed = parseVerifyInput(input, options.maxInputBytes);
    if (!parsed.ok) return { status: 'unreadable', valid: false, checks: [parsed.check] };
    const integrity = await checkIntegrity(parsed);
    if (!integrity.ok) return integrity.report;
    const { credential, jsonld, proof, issuer } = integrity;
    const checks: VerificationCheck[] = [
      parsed.check,
      checkContext(credential),
      jsonld,
      await checkAllSchemas(credential, context.role),
      proof,
      issuer,
    ];

    const refresh = await checkRefresh(credential, {
      ...(context.role === 'refreshed'
        ? { notFollowed: 'a refreshed credential is not refreshed again' }
        : followRefresh
          ? {}
          : { notFollowed: 'following refresh services is turned off' }),
      integrityPassed: proof.outcome === 'passed' && issuer.outcome === 'passed',
      loadCredential: remote.loadCredential,
      verify: (refreshed) =>
        run(refreshed, { ...context, role: 'refreshed', recipient: undefined }),
    });
    checks.push(refresh.check);
    const fromRefreshed = (name: CheckName) =>
      refresh.refreshed?.checks.find((check) => check.name === name);
    checks.push(fromRefreshed('validity') ?? checkValidity(credential, context.now));
    checks.push(
      fromRefreshed('status') ??
        (await checkStatus(credential, issuerIdOf(credential), statusLoaders)),
    );
    checks.push(checkRecipient(credential, context.recipient));
    if (context.role !== 'refreshed') {
      const depth = context.depth + 1;
      const verifyEndorsement = (endorsement: VerifyInput) =>
        run(endorsement, { ...context, role: 'endorsement', depth, recipient: undefined });
      checks.push(
        await checkEndorsements(credential, verifyEndorsement, {
          depth,
          maxDepth,
          budget: context.budget,
          maxEndorsements,
        }),
      );
    }
    const status = decideStatus(checks);
    return {
      status,
      valid: status === 'valid',
      checks,
      format: parsed.format,
      proofFormat: parsed.jwt === undefined ? 'data-integrity' : 'jwt',
      credential,
    };
  };

  const verifyCredential = (
    input: VerifyInput,
    callOptions: VerifyCredentialOptions = {},
  ): Promise<VerificationReport> =>
    run(input, {
      now: callOptions.now ?? clock(),
      recipient: callOptions.recipient,
      role: 'credential',
      depth: 0,
      budget: { remaining: maxEndorsements },
    });

  return { verifyCredential, canonizer };
};

let defaultVerifier: Verifier | undefined;

/** Verifies with a shared default verifier (no network: remote keys and lists are `error`). */
export const verifyCredential = (
  input: VerifyInput,
  options?: VerifyCredentialOptions,
): Promise<VerificationReport> => {
  defaultVerifier ??= createVerifier();
  return defaultVerifier.verifyCredential(input, options);
};
