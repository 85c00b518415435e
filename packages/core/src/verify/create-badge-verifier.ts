/**
 * One entry point for every badge in the wild: `verify(input)` takes a URL, file bytes, text
 * or a parsed object, detects the container (PNG, SVG, JSON, compact JWS/JWT) and the
 * generation (Open Badges 2.0 — 1.x upgraded —, OB 3.0 on VC 2.0, OB 3.0 of the VC 1.1 era)
 * and returns the same report shape for all of them. Never throws because of the input.
 */
import { extractBaked } from '../bake/index.js';
import { CREDENTIALS_V1_URL, CREDENTIALS_V2_URL } from '../contexts/bundled-contexts.js';
import type { FetchDocument } from '../fetch/index.js';
import { verifyOb2 } from '../ob2/index.js';
import { createVerifier } from './create-verifier.js';
import { decideStatus, makeCheck, type VerificationReport } from './verification-report.js';
import type { VerifierOptions, VerifyCredentialOptions } from './verify-options.js';

export type BadgeGeneration = 'ob2' | 'ob3';

export type BadgeInput = string | Uint8Array | Record<string, unknown>;

export interface BadgeVerificationReport extends VerificationReport {
  /** Which generation the input was recognised as (absent when it could not be read). */
  readonly generation?: BadgeGeneration;
}

export interface BadgeVerifier {
  verify(input: BadgeInput, options?: VerifyCredentialOptions): Promise<BadgeVerificationReport>;
}

const URL_PATTERN = /^https?:\/\/\S+$/;
const JWS_PATTERN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  !(value instanceof Uint8Array);

const contextsOf = (document: Record<string, unknown>): unknown[] => {
  const context = document['@context'];
  return Array.isArray(context) ? context : [context];
};

/** OB 3.0 documents are Verifiable Credentials: their first context is a VC context. */
const generationOfObject = (document: Record<string, unknown>): BadgeGeneration => {
  const contexts = contextsOf(document);
  if (contexts.includes(CREDENTIALS_V2_URL) || contexts.includes(CREDENTIALS_V1_URL)) return 'ob3';
  if (isObject(document.vc)) return 'ob3'; // a VC 1.1 JWT payload
  return 'ob2';
};

const generationOfJws = (jws: string): BadgeGeneration | undefined => {
  try {
    const payload: unknown = JSON.parse(
      Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString('utf8'),
    );
    return isObject(payload) ? generationOfObject(payload) : undefined;
  } catch {
    return undefined;
  }
};

const generationOfText = (text: string): BadgeGeneration | undefined => {
  const trimmed = text.trim();
  if (JWS_PATTERN.test(trimmed)) return generationOfJws(trimmed);
  try {
    const value: unknown = JSON.parse(trimmed);
    return isObject(value) ? generationOfObject(value) : undefined;
  } catch {
    return undefined;
  }
};

const isImage = (bytes: Uint8Array): boolean => {
  if (PNG_SIGNATURE.every((byte, i) => bytes[i] === byte)) return true;
  const head = Buffer.from(bytes.subarray(0, 2048))
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  return head.startsWith('<') && /<svg[\s>]/i.test(head);
};

const unreadable = (): BadgeVerificationReport => {
  const checks = [makeCheck('parse', 'failed', 'ERR_PARSE_UNKNOWN_FORMAT')];
  return { status: decideStatus(checks), valid: false, checks };
};

export interface CreateBadgeVerifierOptions extends VerifierOptions {
  /** Every remote document comes through it (use `createGuardedFetcher().fetchDocument`). */
  readonly fetchDocument?: FetchDocument;
}

export const createBadgeVerifier = (options: CreateBadgeVerifierOptions = {}): BadgeVerifier => {
  const ob3 = createVerifier(options);
  const clock = options.now ?? (() => new Date());
  const fetchDocument = options.fetchDocument;

  const verifyAsOb2 = async (
    input: string | Uint8Array | Record<string, unknown>,
    call: VerifyCredentialOptions,
  ) => {
    if (fetchDocument === undefined) {
      // OB 2.0 verification always fetches (hosted: the assertion itself; signed: keys, lists).
      const noFetch: FetchDocument = () => Promise.reject(new Error('no fetcher configured'));
      return verifyOb2(input, {
        fetchDocument: noFetch,
        now: call.now ?? clock(),
        recipient: call.recipient,
        maxInputBytes: options.maxInputBytes,
      });
    }
    return verifyOb2(input, {
      fetchDocument,
      now: call.now ?? clock(),
      recipient: call.recipient,
      maxInputBytes: options.maxInputBytes,
    });
  };

  const verify = async (
    input: BadgeInput,
    call: VerifyCredentialOptions = {},
  ): Promise<BadgeVerificationReport> => {
    if (input instanceof Uint8Array) {
      if (isImage(input)) {
        let generation: BadgeGeneration | undefined;
        try {
          generation = extractBaked(input).generation;
        } catch {
          generation = undefined; // the OB 3.0 parser reports the image problem precisely
        }
        if (generation === 'ob2') return { ...(await verifyAsOb2(input, call)), generation: 'ob2' };
        return { ...(await ob3.verifyCredential(input, call)), generation: 'ob3' };
      }
      return verify(Buffer.from(input).toString('utf8'), call);
    }
    if (typeof input === 'string') {
      const trimmed = input.trim();
      if (URL_PATTERN.test(trimmed)) return verifyUrl(trimmed, call);
      const generation = generationOfText(trimmed);
      if (generation === 'ob2') return { ...(await verifyAsOb2(trimmed, call)), generation };
      const report = await ob3.verifyCredential(trimmed, call);
      return report.status === 'unreadable' ? report : { ...report, generation: 'ob3' };
    }
    if (isObject(input)) {
      const generation = generationOfObject(input);
      if (generation === 'ob2') return { ...(await verifyAsOb2(input, call)), generation };
      return { ...(await ob3.verifyCredential(input, call)), generation };
    }
    return unreadable();
  };

  const verifyUrl = async (
    url: string,
    call: VerifyCredentialOptions,
  ): Promise<BadgeVerificationReport> => {
    if (fetchDocument === undefined) {
      const checks = [
        makeCheck('parse', 'error', 'ERR_PARSE_UNREACHABLE', {
          url,
          reason: 'no fetcher configured',
        }),
      ];
      return { status: 'indeterminate', valid: false, checks };
    }
    let body: Uint8Array;
    try {
      const document = await fetchDocument(url, {
        accept:
          'application/ld+json, application/json, application/vc+ld+json, text/plain;q=0.5, */*;q=0.1',
      });
      // OB 2.0 hosted badges answer 410 Gone when revoked: the OB 2.0 verifier reads that itself.
      if (document.status === 410) return { ...(await verifyAsOb2(url, call)), generation: 'ob2' };
      if (document.status < 200 || document.status > 299) {
        const checks = [
          makeCheck('parse', 'failed', 'ERR_PARSE_NOT_FOUND', { url, status: document.status }),
        ];
        return { status: 'unreadable', valid: false, checks };
      }
      body = document.body;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const checks = [makeCheck('parse', 'error', 'ERR_PARSE_UNREACHABLE', { url, reason })];
      return { status: 'indeterminate', valid: false, checks };
    }
    if (isImage(body)) return verify(body, call);
    const generation = generationOfText(Buffer.from(body).toString('utf8'));
    // A hosted OB 2.0 assertion is verified from its URL (the origin policy needs it).
    if (generation === 'ob2') return { ...(await verifyAsOb2(url, call)), generation };
    return verify(body, call);
  };

  return { verify };
};

let defaultBadgeVerifier: BadgeVerifier | undefined;

/** Verifies with a shared default verifier that never reaches the network. */
export const verify = (
  input: BadgeInput,
  options?: VerifyCredentialOptions,
): Promise<BadgeVerificationReport> => {
  defaultBadgeVerifier ??= createBadgeVerifier();
  return defaultBadgeVerifier.verify(input, options);
};
