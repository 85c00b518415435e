/**
 * `POST /presentations/verify`: the presentation's own checks (its data model and its proof:
 * `verify-presentation-proof.ts`; an unsigned presentation is allowed and says so in a warning)
 * and every credential in it, each verified as `POST /credentials/verify` does. A credential may
 * be embedded as an object or enveloped (`EnvelopedVerifiableCredential` with a
 * `data:application/vc+jwt,…` id). `verified` is true when the presentation and every
 * credential verified.
 */
import type { Language } from '../http/pick-language.js';
import { ServerError } from '../http/server-error.js';
import { checkPresentationDataModel, typesOf } from './check-vc-data-model.js';
import {
  checkPresentationProof,
  type PresentationProofOptions,
} from './verify-presentation-proof.js';
import {
  summariseChecks,
  toCredentialResult,
  type CredentialResult,
  type GenericCheck,
  type ProblemDetail,
} from './vc-api-results.js';
import type { CredentialVerification, VcApiVerifier } from './vc-api-verifier.js';

type Json = Record<string, unknown>;

export interface PresentationResult {
  readonly verified: boolean;
  readonly checks: string[];
  readonly warnings: ProblemDetail[];
  readonly errors: ProblemDetail[];
  readonly problemDetails: ProblemDetail[];
  readonly presentationResult: {
    readonly verified: boolean;
    readonly checks: string[];
    readonly warnings: ProblemDetail[];
    readonly errors: ProblemDetail[];
  };
  readonly credentialResults: CredentialResult[];
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const ENVELOPED_JWT = /^data:application\/vc\+(?:jwt|ld\+json\+jwt)[;,]/;

/** What the core verifier is handed for one credential (an enveloped VC-JWT: the JWT). */
export const credentialInput = (item: Json): Json | string => {
  if (typesOf(item.type).includes('EnvelopedVerifiableCredential') && typeof item.id === 'string') {
    const match = ENVELOPED_JWT.exec(item.id);
    if (match !== null) return item.id.slice(item.id.indexOf(',') + 1);
  }
  return item;
};

export const verifyPresentation = async (
  verifier: VcApiVerifier,
  presentation: Json,
  options: PresentationProofOptions,
  language: Language,
): Promise<PresentationResult> => {
  const problems = checkPresentationDataModel(presentation);
  if (problems.length > 0) {
    throw new ServerError('ERR_VC_API_PRESENTATION_INVALID', {
      fields: problems.map((p) => ({
        in: 'body',
        path: `/verifiablePresentation${p.path}`,
        message: p.message,
      })),
    });
  }
  const presentationChecks: GenericCheck[] = [
    {
      name: 'dataModel',
      outcome: 'passed',
      code: 'VP_DATA_MODEL_OK',
      message: {
        en: 'The presentation follows the W3C data model.',
        ja: '提示は W3C のデータモデルに従っています。',
      },
    },
    ...(await checkPresentationProof(verifier, presentation, options)),
  ];
  const summary = summariseChecks(presentationChecks, language);
  const presentationVerified = summary.errors.length === 0;

  const embedded = presentation.verifiableCredential;
  const items = (
    Array.isArray(embedded) ? embedded : embedded === undefined ? [] : [embedded]
  ).filter(isObject);
  const verifications: CredentialVerification[] = [];
  for (const item of items)
    verifications.push(await verifier.verifyCredential(credentialInput(item)));
  const credentialResults = verifications.map((v) => toCredentialResult(v, language));

  const verified = presentationVerified && credentialResults.every((r) => r.verified);
  const errors = [...summary.errors, ...credentialResults.flatMap((r) => r.errors)];
  const warnings = [...summary.warnings, ...credentialResults.flatMap((r) => r.warnings)];
  return {
    verified,
    checks: summary.checks,
    warnings,
    errors,
    problemDetails: [...errors, ...warnings],
    presentationResult: {
      verified: presentationVerified,
      checks: summary.checks,
      warnings: summary.warnings,
      errors: summary.errors,
    },
    credentialResults,
  };
};
