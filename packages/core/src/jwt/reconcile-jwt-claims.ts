/**
 * The OB 3.0 VC-JWT claims (`iss`, `jti`, `nbf`, `sub`, `exp`) against the credential body.
 */
import type { Credential, JwtPayload, VcVersion } from './decode-jwt-credential.js';

export type JwtClaimName = 'iss' | 'jti' | 'nbf' | 'sub' | 'exp';

export interface JwtClaimMismatch {
  readonly claim: JwtClaimName;
  /** The credential property the claim mirrors (`issuer.id`, `validFrom`, …). */
  readonly field: string;
  readonly claimValue: unknown;
  readonly fieldValue: unknown;
}

export interface ReconcileJwtClaimsResult {
  /** The credential; for VC 1.1, absent properties are filled from the claims (VC 1.1 §6.3.1). */
  readonly credential: Credential;
  readonly mismatches: readonly JwtClaimMismatch[];
  /** Claims the OB profile requires but the JWT leaves out (`exp` only when validUntil is set). */
  readonly missingClaims: readonly JwtClaimName[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Seconds since the epoch (floored) of an XML Schema dateTime, or `undefined`. */
const toNumericDate = (value: unknown): number | undefined => {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : undefined;
};

/** A NumericDate as an XML Schema dateTime in UTC without fractional seconds. */
export const toDateTime = (seconds: number): string =>
  new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

const isNumericDate = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

interface ClaimRule {
  readonly claim: JwtClaimName;
  readonly field: string;
  readonly read: (body: Credential) => unknown;
  readonly matches: (claimValue: unknown, fieldValue: unknown) => boolean;
  /** Sets the property from a well-typed claim (VC 1.1 only); false when the claim is ill-typed. */
  readonly fill: (body: Credential, claimValue: unknown) => boolean;
}

const sameString = (claimValue: unknown, fieldValue: unknown): boolean =>
  typeof claimValue === 'string' && claimValue === fieldValue;

const sameDate = (claimValue: unknown, fieldValue: unknown): boolean =>
  isNumericDate(claimValue) && toNumericDate(fieldValue) === Math.floor(claimValue);

const fillString =
  (set: (body: Credential, value: string) => void) =>
  (body: Credential, value: unknown): boolean => {
    if (typeof value !== 'string') return false;
    set(body, value);
    return true;
  };

const fillDate =
  (name: string) =>
  (body: Credential, value: unknown): boolean => {
    if (!isNumericDate(value)) return false;
    body[name] = toDateTime(Math.floor(value));
    return true;
  };

const subjectIds = (body: Credential): string[] | undefined => {
  const subjects = Array.isArray(body.credentialSubject)
    ? (body.credentialSubject as unknown[])
    : [body.credentialSubject];
  const ids = subjects
    .filter(isRecord)
    .flatMap((subject) => (typeof subject.id === 'string' ? [subject.id] : []));
  return ids.length === 0 ? undefined : ids;
};

const rulesFor = (vcVersion: VcVersion): readonly ClaimRule[] => {
  const from = vcVersion === '2.0' ? 'validFrom' : 'issuanceDate';
  const until = vcVersion === '2.0' ? 'validUntil' : 'expirationDate';
  return [
    {
      claim: 'iss',
      field: 'issuer.id',
      read: (body) => (isRecord(body.issuer) ? body.issuer.id : body.issuer),
      matches: sameString,
      fill: fillString((body, value) => {
        body.issuer = isRecord(body.issuer) ? { ...body.issuer, id: value } : value;
      }),
    },
    {
      claim: 'jti',
      field: 'id',
      read: (body) => body.id,
      matches: sameString,
      fill: fillString((body, value) => {
        body.id = value;
      }),
    },
    {
      claim: 'nbf',
      field: from,
      read: (body) => body[from],
      matches: sameDate,
      fill: fillDate(from),
    },
    {
      claim: 'sub',
      field: 'credentialSubject.id',
      read: subjectIds,
      matches: (claimValue, fieldValue) =>
        typeof claimValue === 'string' &&
        Array.isArray(fieldValue) &&
        fieldValue.includes(claimValue),
      fill: (body, value) => {
        if (typeof value !== 'string' || !isRecord(body.credentialSubject)) return false;
        body.credentialSubject = { ...body.credentialSubject, id: value };
        return true;
      },
    },
    {
      claim: 'exp',
      field: until,
      read: (body) => body[until],
      matches: sameDate,
      fill: fillDate(until),
    },
  ];
};

/**
 * Compares the JWT claims with the credential body. A claim that is present must equal its
 * property (`nbf`/`exp` to the second). For VC 2.0 a claim whose property is absent is a
 * mismatch; for VC 1.1 the property is filled from the claim instead. Absent claims are listed in
 * `missingClaims` and are not mismatches (the 1EdTech samples omit `sub`).
 */
export const reconcileJwtClaims = (
  payload: JwtPayload,
  body: Credential,
  vcVersion: VcVersion,
): ReconcileJwtClaimsResult => {
  const credential: Credential = { ...body };
  const mismatches: JwtClaimMismatch[] = [];
  const missingClaims: JwtClaimName[] = [];
  for (const rule of rulesFor(vcVersion)) {
    const claimValue = payload[rule.claim];
    const fieldValue = rule.read(credential);
    if (claimValue === undefined) {
      if (rule.claim !== 'exp' || fieldValue !== undefined) missingClaims.push(rule.claim);
      continue;
    }
    const agrees =
      fieldValue === undefined
        ? vcVersion === '1.1' && rule.fill(credential, claimValue)
        : rule.matches(claimValue, fieldValue);
    if (!agrees) {
      mismatches.push({ claim: rule.claim, field: rule.field, claimValue, fieldValue });
    }
  }
  return { credential, mismatches, missingClaims };
};
