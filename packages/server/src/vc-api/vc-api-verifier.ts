/**
 * The verifier behind `POST /credentials/verify` and `/presentations/verify`: the core verifier
 * (`createVerifier`), reading our own issuers' documents from the database (the issuers' local
 * resolver), our other public documents under `PUBLIC_URL` (status lists) through the app itself
 * (`app.inject`), and everything else through the guarded fetcher. Nothing of ours goes over the
 * network, so a revocation is seen at once.
 *
 * The core verifier judges Open Badges: its `context` and `schema` checks want the OB context
 * and an OpenBadgeCredential, and it wants a `validFrom`. The VC-API verifies any Verifiable
 * Credential, so for a credential that is not an Open Badge those three checks are replaced by
 * the W3C VC data-model checks (`check-vc-data-model.ts`), a missing validity period is not an
 * error, and the verdict is decided again from the adjusted checks (core `decideStatus`).
 */
import {
  createCanonizer,
  createGuardedFetcher,
  createVerificationMethodResolver,
  createVerifier,
  CREDENTIALS_V1_URL,
  CREDENTIALS_V2_URL,
  decideStatus,
  type Canonizer,
  type FetchDocument,
  type ResolveMethod,
  type VerificationCheck,
  type VerificationStatus,
} from '@akashi/core';
import type { App, AppContext } from '../http/app-context.js';
import { createInProcessFetchDocument } from '../http/in-process-fetch.js';
import { createLocalMethodResolver } from '../issuers/resolve-local-did.js';
import { checkCredentialDataModel, contextsOf, typesOf } from './check-vc-data-model.js';

type Json = Record<string, unknown>;

/** What the VC-API reports for one credential. */
export interface CredentialVerification {
  readonly verified: boolean;
  readonly status: VerificationStatus;
  readonly checks: readonly VerificationCheck[];
  /** The credential as read (absent when it could not be read). */
  readonly credential?: Json;
}

export interface VcApiVerifier {
  /** A credential object, or a VC-JWT (compact) string. */
  verifyCredential(input: Json | string): Promise<CredentialVerification>;
  /** Resolves verification methods as the credential verifier does (presentation proofs). */
  readonly resolveMethod: ResolveMethod;
  /** Fetches documents as the credential verifier does (controller documents). */
  readonly fetchDocument: FetchDocument;
  readonly canonizer: Canonizer;
}

export interface CreateVcApiVerifierOptions {
  /** Fetches URLs outside `PUBLIC_URL` (default: a fresh guarded fetcher). */
  readonly fallback?: FetchDocument;
}

const OPEN_BADGE_TYPES = ['OpenBadgeCredential', 'AchievementCredential', 'EndorsementCredential'];

/** Whether the core's Open Badges rules apply to this credential. */
export const isOpenBadge = (credential: Json): boolean =>
  typesOf(credential.type).some((type) => OPEN_BADGE_TYPES.includes(type));

const check = (
  name: VerificationCheck['name'],
  outcome: VerificationCheck['outcome'],
  code: VerificationCheck['code'],
  en: string,
  ja: string,
  details?: Record<string, unknown>,
): VerificationCheck => ({
  name,
  outcome,
  code,
  message: { en, ja },
  ...(details === undefined ? {} : { details }),
});

const vcContextCheck = (credential: Json): VerificationCheck => {
  const first = contextsOf(credential)[0];
  if (first === undefined) {
    return check(
      'context',
      'failed',
      'ERR_CONTEXT_MISSING',
      '@context is missing.',
      '@context がありません。',
    );
  }
  return first === CREDENTIALS_V2_URL || first === CREDENTIALS_V1_URL
    ? check(
        'context',
        'passed',
        'CONTEXT_OK',
        '@context is correct.',
        '@context は正しい形式です。',
      )
    : check(
        'context',
        'failed',
        'ERR_CONTEXT_VC_FIRST',
        `The first @context entry must be ${CREDENTIALS_V2_URL}.`,
        `@context の最初の項目は ${CREDENTIALS_V2_URL} である必要があります。`,
      );
};

const vcDataModelCheck = (credential: Json): VerificationCheck => {
  const problems = checkCredentialDataModel(credential);
  if (problems.length === 0) {
    return check(
      'schema',
      'passed',
      'SCHEMA_OK',
      'The credential follows the W3C Verifiable Credentials data model.',
      '資格情報は W3C 検証可能な資格情報（VC）のデータモデルに従っています。',
    );
  }
  const reason = (language: 'en' | 'ja') =>
    problems
      .slice(0, 5)
      .map((p) => `${p.path || '/'} ${p.message[language]}`)
      .join('; ');
  return check(
    'schema',
    'failed',
    'ERR_SCHEMA_INVALID',
    `The credential does not follow the W3C VC data model: ${reason('en')}`,
    `資格情報が W3C VC データモデルに従っていません: ${reason('ja')}`,
    { errors: problems.map((p) => ({ path: p.path, message: p.message.en })) },
  );
};

/** The core's checks, adjusted for a credential that is not an Open Badge. */
export const adjustForPlainCredential = (
  credential: Json,
  checks: readonly VerificationCheck[],
): VerificationCheck[] =>
  checks.map((original) => {
    switch (original.name) {
      case 'context':
        return vcContextCheck(credential);
      case 'schema':
        return vcDataModelCheck(credential);
      case 'validity':
        return original.code === 'ERR_VALIDITY_MISSING'
          ? check(
              'validity',
              'skipped',
              'ERR_VALIDITY_MISSING',
              'The credential gives no validity period (optional in VC 2.0).',
              '資格情報に有効期間の指定はありません（VC 2.0 では任意です）。',
            )
          : original;
      default:
        return original;
    }
  });

export const createVcApiVerifier = (
  app: Pick<App, 'inject'>,
  context: AppContext,
  options: CreateVcApiVerifierOptions = {},
): VcApiVerifier => {
  const fallback = options.fallback ?? createGuardedFetcher().fetchDocument;
  const ours = createInProcessFetchDocument(app, context.config.publicUrl, fallback);
  const local = createLocalMethodResolver(context, { fallback: ours });
  const canonizer = createCanonizer();
  // No cache here: our own documents are cheap to read and must be fresh (a revocation is seen
  // at once); the guarded fetcher caches remote documents itself.
  const verifier = createVerifier({ fetchDocument: local.fetchDocument, canonizer, cacheTtlMs: 0 });
  const resolver = createVerificationMethodResolver({
    ttlMs: 0,
    fetchJson: async (url) => {
      const document = await local.fetchDocument(url);
      if (document.status < 200 || document.status > 299) {
        throw new Error(`HTTP ${String(document.status)} for ${url}`);
      }
      return JSON.parse(new TextDecoder().decode(document.body)) as unknown;
    },
  });

  const verifyCredential = async (input: Json | string): Promise<CredentialVerification> => {
    const report = await verifier.verifyCredential(input, { now: context.clock() });
    const { credential } = report;
    if (credential === undefined || isOpenBadge(credential)) {
      return {
        verified: report.valid,
        status: report.status,
        checks: report.checks,
        ...(credential === undefined ? {} : { credential }),
      };
    }
    const checks = adjustForPlainCredential(credential, report.checks);
    const status = decideStatus(checks);
    return { verified: status === 'valid', status, checks, credential };
  };

  return {
    verifyCredential,
    resolveMethod: (url) => resolver.resolve(url),
    fetchDocument: local.fetchDocument,
    canonizer,
  };
};
