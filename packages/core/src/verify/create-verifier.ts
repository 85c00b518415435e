/**
 * `verifyCredential`: takes anything a verifier is handed and returns a report of named
 * checks. It never throws because of the input; a thrown error means a programming bug.
 * A verifier instance keeps its caches (compiled shapes, resolved keys, status lists).
 */
import { createCanonizer, type Canonizer } from '../canon/index.js';
import { createVerificationMethodResolver } from '../keys/index.js';
import { checkContext, checkSchema } from './check-structure.js';
import { checkDataIntegrity } from './check-data-integrity.js';
import { checkJwt } from './check-jwt.js';
import { checkRecipient } from './check-recipient.js';
import { checkStatus, type LoadedStatusList } from './check-status.js';
import { checkValidity } from './check-validity.js';
import { parseVerifyInput, type VerifyInput } from './parse-input.js';
import { issuerIdOf } from './resolve-key.js';
import {
  decideStatus,
  makeCheck,
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

export const createVerifier = (options: VerifierOptions = {}): Verifier => {
  const canonizer = options.canonizer ?? createCanonizer();
  const clock = options.now ?? (() => new Date());
  const ttlMs = options.cacheTtlMs ?? DEFAULT_TTL_MS;
  const keyProvenance = options.keyProvenance ?? 'strict';
  const fetchJson = options.fetchJson;
  const resolver = createVerificationMethodResolver({
    ...(fetchJson === undefined ? {} : { fetchJson }),
    ttlMs,
    now: () => clock().getTime(),
  });
  const resolveMethod: ResolveMethod = (url) => resolver.resolve(url);
  const statusLists = new Map<string, { expires: number; value: Promise<LoadedStatusList> }>();

  const fetchStatusList = async (
    url: string,
    credentialIssuer: string | undefined,
  ): Promise<LoadedStatusList> => {
    if (fetchJson === undefined) {
      return {
        ok: false,
        check: makeCheck('status', 'error', 'ERR_STATUS_UNREACHABLE', {
          url,
          reason: 'no fetcher configured',
        }),
      };
    }
    let list: unknown;
    try {
      list = await fetchJson(url);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        check: makeCheck('status', 'error', 'ERR_STATUS_UNREACHABLE', { url, reason }),
      };
    }
    if (typeof list !== 'object' || list === null || Array.isArray(list)) {
      return {
        ok: false,
        check: makeCheck('status', 'error', 'ERR_STATUS_LIST_INVALID', {
          reason: 'not a JSON object',
        }),
      };
    }
    const credential = list as Json;
    const { jsonld, proof, issuer } = await checkDataIntegrity(
      credential,
      canonizer,
      resolveMethod,
      keyProvenance,
    );
    const failed = [jsonld, proof, issuer].find((check) => check.outcome !== 'passed');
    if (failed !== undefined) {
      return {
        ok: false,
        check: makeCheck('status', 'error', 'ERR_STATUS_LIST_INVALID', {
          reason: failed.message.en,
        }),
      };
    }
    if (credentialIssuer !== undefined && issuerIdOf(credential) !== credentialIssuer) {
      return {
        ok: false,
        check: makeCheck('status', 'error', 'ERR_STATUS_LIST_INVALID', {
          reason: 'the list has another issuer',
        }),
      };
    }
    return { ok: true, credential };
  };

  const loadStatusList = (
    url: string,
    credentialIssuer: string | undefined,
  ): Promise<LoadedStatusList> => {
    const key = `${credentialIssuer ?? ''} ${url}`;
    const now = clock().getTime();
    const cached = statusLists.get(key);
    if (cached !== undefined && cached.expires > now) return cached.value;
    const value = fetchStatusList(url, credentialIssuer);
    statusLists.set(key, { expires: now + ttlMs, value });
    // A failure is not kept: the next verification tries again.
    void value.then((loaded) => {
      if (!loaded.ok) statusLists.delete(key);
    });
    return value;
  };

  const verifyCredential = async (
    input: VerifyInput,
    callOptions: VerifyCredentialOptions = {},
  ): Promise<VerificationReport> => {
    const now = callOptions.now ?? clock();
    const parsed = parseVerifyInput(input, options.maxInputBytes);
    if (!parsed.ok) return { status: 'unreadable', valid: false, checks: [parsed.check] };
    const checks: VerificationCheck[] = [parsed.check];
    let credential = parsed.credential;
    let proofChecks: VerificationCheck[];
    if (parsed.jwt !== undefined) {
      const jwt = await checkJwt(parsed.jwt, resolveMethod, keyProvenance, fetchJson);
      credential = jwt.credential;
      if (credential === undefined) {
        const report: VerificationReport = {
          status: 'unreadable',
          valid: false,
          format: parsed.format,
          proofFormat: 'jwt',
          checks: [makeCheck('parse', 'failed', 'ERR_PARSE_JWT', { reason: jwt.proof.message.en })],
        };
        return report;
      }
      let jsonld: VerificationCheck = makeCheck('jsonld', 'passed', 'JSONLD_OK');
      try {
        await canonizer.canonicalize(credential);
      } catch (error) {
        jsonld = makeCheck('jsonld', 'failed', 'ERR_JSONLD_UNDEFINED_TERM', {
          reason: error instanceof Error ? error.message : String(error),
        });
      }
      proofChecks = [jsonld, jwt.proof, jwt.issuer];
    } else {
      const di = await checkDataIntegrity(
        credential as Json,
        canonizer,
        resolveMethod,
        keyProvenance,
      );
      proofChecks = [di.jsonld, di.proof, di.issuer];
    }
    const subject = credential as Json;
    checks.push(
      checkContext(subject),
      ...proofChecks.slice(0, 1),
      checkSchema(subject),
      ...proofChecks.slice(1),
    );
    checks.push(checkValidity(subject, now));
    checks.push(await checkStatus(subject, issuerIdOf(subject), loadStatusList));
    checks.push(checkRecipient(subject, callOptions.recipient));
    const status = decideStatus(checks);
    return {
      status,
      valid: status === 'valid',
      checks,
      format: parsed.format,
      proofFormat: parsed.jwt === undefined ? 'data-integrity' : 'jwt',
      credential: subject,
    };
  };

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
