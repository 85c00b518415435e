/**
 * The `endorsements` check (OB 3.0 verification step 6): every embedded `endorsement[]`
 * (EndorsementCredential, which must carry a proof, P14) and `endorsementJwt[]` found anywhere
 * in the credential (the credential itself, its issuer, `credentialSubject.achievement`, the
 * achievement's creator, …; like the 1EdTech validator's `$..endorsement`) is verified the
 * same way as a credential, recursively, within a depth and a count limit.
 *
 * As in the 1EdTech validator, an endorsement that is not valid makes the check fail, and so the
 * endorsed credential invalid; one that could not be verified completely (network) leaves the
 * check in `error`.
 */
import type { VerifyInput } from './parse-input.js';
import {
  makeCheck,
  type VerificationCheck,
  type VerificationReport,
} from './verification-report.js';

type Json = Record<string, unknown>;

export interface FoundEndorsement {
  /** JSON Pointer to the endorsement inside the credential. */
  readonly path: string;
  readonly input: VerifyInput;
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const escape = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/**
 * Every embedded endorsement (in a stable order). The walk does not enter endorsements (their
 * own endorsements are found when they are verified), proofs or `@context` (where a term may be
 * named `endorsement`), and uses no recursion.
 */
export const findEndorsements = (credential: Json): FoundEndorsement[] => {
  const found: FoundEndorsement[] = [];
  const stack: [unknown, string][] = [[credential, '']];
  while (stack.length > 0) {
    const [node, path] = stack.pop() as [unknown, string];
    const children: [unknown, string][] = [];
    if (Array.isArray(node)) {
      node.forEach((child, index) => children.push([child, `${path}/${index}`]));
    } else if (isObject(node)) {
      for (const [key, value] of Object.entries(node)) {
        const at = `${path}/${escape(key)}`;
        if (key === 'endorsement' || key === 'endorsementJwt') {
          const list = asArray(value);
          list.forEach((item, index) => {
            const itemPath = Array.isArray(value) ? `${at}/${index}` : at;
            if (key === 'endorsement' ? isObject(item) : typeof item === 'string')
              found.push({ path: itemPath, input: item as VerifyInput });
          });
        } else if (key !== 'proof' && key !== '@context') children.push([value, at]);
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as [unknown, string]);
  }
  return found;
};

/** What the report keeps of one endorsement. */
export interface EndorsementResult {
  readonly path: string;
  readonly status: VerificationReport['status'];
  readonly valid: boolean;
  readonly proofFormat?: VerificationReport['proofFormat'];
  readonly checks: readonly VerificationCheck[];
  /** The decoded credential of an `endorsementJwt` (an embedded one is at `path`). */
  readonly credential?: Json;
}

export interface EndorsementLimits {
  /** The depth of the endorsements about to be verified (1 = the credential's own). */
  readonly depth: number;
  readonly maxDepth: number;
  /** Endorsements that may still be verified in this verification, shared by every level. */
  readonly budget: { remaining: number };
  readonly maxEndorsements: number;
}

const limitResult = (path: string, limits: EndorsementLimits): EndorsementResult => ({
  path,
  status: 'invalid',
  valid: false,
  checks: [
    makeCheck('endorsements', 'failed', 'ERR_ENDORSEMENT_LIMIT', {
      depth: limits.maxDepth,
      limit: limits.maxEndorsements,
    }),
  ],
});

export const checkEndorsements = async (
  credential: Json,
  verify: (input: VerifyInput) => Promise<VerificationReport>,
  limits: EndorsementLimits,
): Promise<VerificationCheck> => {
  const found = findEndorsements(credential);
  if (found.length === 0) return makeCheck('endorsements', 'skipped', 'ENDORSEMENTS_NONE');
  const results: EndorsementResult[] = [];
  for (const { path, input } of found) {
    if (limits.depth > limits.maxDepth || limits.budget.remaining <= 0) {
      results.push(limitResult(path, limits));
      continue;
    }
    limits.budget.remaining -= 1;
    const report = await verify(input);
    results.push({
      path,
      status: report.status,
      valid: report.valid,
      ...(report.proofFormat === undefined ? {} : { proofFormat: report.proofFormat }),
      checks: report.checks,
      ...(report.proofFormat === 'jwt' && report.credential !== undefined
        ? { credential: report.credential }
        : {}),
    });
  }
  const count = results.length;
  const details = { endorsements: results };
  const notValid = results.filter((r) => r.status !== 'valid' && r.status !== 'indeterminate');
  if (notValid.length > 0) {
    return makeCheck(
      'endorsements',
      'failed',
      'ERR_ENDORSEMENT_INVALID',
      { failed: notValid.length, count, paths: notValid.map((r) => r.path).join(', ') },
      details,
    );
  }
  const unsure = results.filter((r) => r.status === 'indeterminate');
  if (unsure.length > 0) {
    return makeCheck(
      'endorsements',
      'error',
      'ERR_ENDORSEMENT_INDETERMINATE',
      { unsure: unsure.length, count, paths: unsure.map((r) => r.path).join(', ') },
      details,
    );
  }
  return makeCheck('endorsements', 'passed', 'ENDORSEMENTS_OK', { count }, details);
};
