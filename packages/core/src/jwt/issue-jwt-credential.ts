/**
 * Issuing a VC 2.0 credential as an OB 3.0 VC-JWT (compact JWS, header `typ: JWT`).
 */
import type { JsonWebKey } from 'node:crypto';
import { CompactSign } from 'jose';
import { CREDENTIALS_V2_URL } from '../contexts/bundled-contexts.js';
import { AkashiError } from '../errors/akashi-error.js';
import { pickPublicJwkMembers, type SigningKey } from '../keys/signing-key.js';

export interface IssueJwtCredentialOptions {
  /** The verification method URL to put in `kid` (a DID URL or an HTTPS key URL). */
  readonly kidUrl?: string;
  /** Also embed the public key as `jwk`. Defaults to true when no `kidUrl` is given. */
  readonly embedJwk?: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const invalid = (en: string, ja: string): AkashiError =>
  new AkashiError('ERR_CREDENTIAL_INVALID', {
    en: `Cannot issue this credential as a VC-JWT: ${en}.`,
    ja: `このクレデンシャルは VC-JWT として発行できません: ${ja}。`,
  });

const toNumericDate = (value: unknown, name: string): number => {
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw invalid(`${name} is not a date-time`, `${name} が日時ではありません`);
  }
  return Math.floor(ms / 1000);
};

const readSubjectId = (credentialSubject: unknown): string => {
  const subjects = Array.isArray(credentialSubject)
    ? (credentialSubject as unknown[])
    : [credentialSubject];
  const [subject] = subjects;
  if (subjects.length !== 1 || !isRecord(subject)) {
    throw invalid(
      'it needs exactly one credentialSubject',
      'credentialSubject がちょうど 1 つ必要です',
    );
  }
  if (typeof subject.id !== 'string' || subject.id === '') {
    throw invalid(
      'VC-JWT needs credentialSubject.id for the "sub" claim; for a recipient known only by an identifier (such as a hashed e-mail address), sign with a Data Integrity proof instead',
      'VC-JWT の "sub" クレームには credentialSubject.id が必要です。識別子（ハッシュ化したメールアドレスなど）しかない受領者には Data Integrity 証明で署名してください',
    );
  }
  return subject.id;
};

/** The JWT claims the OB 3.0 VC-JWT profile derives from a VC 2.0 credential. */
const deriveClaims = (credential: Record<string, unknown>): Record<string, unknown> => {
  const context = credential['@context'];
  if (!Array.isArray(context) || context[0] !== CREDENTIALS_V2_URL) {
    throw invalid(
      `@context[0] must be ${CREDENTIALS_V2_URL} (VC-JWTs are issued for VC 2.0 only)`,
      `@context[0] は ${CREDENTIALS_V2_URL} でなければなりません（VC-JWT は VC 2.0 でのみ発行します）`,
    );
  }
  const { issuer } = credential;
  const iss = isRecord(issuer) ? issuer.id : issuer;
  if (typeof iss !== 'string' || iss === '') {
    throw invalid(
      'the issuer has no id for the "iss" claim',
      '"iss" クレームに使う issuer の id がありません',
    );
  }
  const jti = credential.id;
  if (typeof jti !== 'string' || jti === '') {
    throw invalid(
      'the credential has no id for the "jti" claim',
      '"jti" クレームに使うクレデンシャルの id がありません',
    );
  }
  const claims: Record<string, unknown> = {
    iss,
    jti,
    nbf: toNumericDate(credential.validFrom, 'validFrom'),
    sub: readSubjectId(credential.credentialSubject),
  };
  if (credential.validUntil !== undefined) {
    claims.exp = toNumericDate(credential.validUntil, 'validUntil');
  }
  return claims;
};

/**
 * Signs a VC 2.0 credential as a VC-JWT: header `{ alg, typ: "JWT", kid }` (or the public `jwk`
 * when no `kidUrl` is given), payload = the credential plus `iss` (issuer id), `jti` (id), `nbf`
 * (validFrom), `sub` (credentialSubject.id) and, when validUntil is set, `exp`. Throws
 * `ERR_CREDENTIAL_INVALID` when a required property is missing; VC-JWT needs
 * `credentialSubject.id`.
 */
export const issueJwtCredential = async (
  credential: Record<string, unknown>,
  key: SigningKey,
  options: IssueJwtCredentialOptions = {},
): Promise<string> => {
  if (!isRecord(credential))
    throw new TypeError('issueJwtCredential: credential must be an object');
  const { kidUrl } = options;
  if (kidUrl !== undefined && (typeof kidUrl !== 'string' || kidUrl === '')) {
    throw new TypeError('issueJwtCredential: options.kidUrl must be a non-empty string');
  }
  const embedJwk = options.embedJwk ?? kidUrl === undefined;
  if (!embedJwk && kidUrl === undefined) {
    throw new TypeError('issueJwtCredential: give options.kidUrl or leave embedJwk on');
  }
  const payload = { ...credential, ...deriveClaims(credential) };
  // Only the public members, whatever the SigningKey object was built from.
  const jwk: JsonWebKey | undefined = embedJwk ? pickPublicJwkMembers(key.publicJwk) : undefined;
  const header = {
    alg: key.alg,
    typ: 'JWT',
    ...(kidUrl === undefined ? {} : { kid: kidUrl }),
    ...(jwk === undefined ? {} : { jwk }),
  };
  try {
    return await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader(header)
      .sign(key.privateKey);
  } catch (cause) {
    throw new AkashiError(
      'ERR_ISSUE_FAILED',
      { en: 'Signing the VC-JWT failed.', ja: 'VC-JWT の署名に失敗しました。' },
      { cause },
    );
  }
};
