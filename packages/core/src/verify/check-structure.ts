/** The `context` and `schema` checks of an OB 3.0 credential. */
import {
  CREDENTIALS_V1_URL,
  CREDENTIALS_V2_URL,
  OB_V3_CONTEXT_PATTERN,
  OB_V3_EXTENSIONS_URL,
} from '../contexts/bundled-contexts.js';
import { validateEndorsementCredential, validateOpenBadgeCredential } from '../models/index.js';
import { makeCheck, type VerificationCheck } from './verification-report.js';

type Json = Record<string, unknown>;

const EXTENSION_TYPES = [
  '1EdTechJsonSchemaValidator2019',
  '1EdTechRevocationList',
  '1EdTechCredentialRefresh',
];

const collectTypes = (value: unknown, into: Set<string>): void => {
  if (Array.isArray(value)) {
    for (const item of value) collectTypes(item, into);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value as Json)) {
      if ((key === 'type' || key === '@type') && typeof child === 'string') into.add(child);
      else if ((key === 'type' || key === '@type') && Array.isArray(child)) {
        for (const t of child) if (typeof t === 'string') into.add(t);
      } else collectTypes(child, into);
    }
  }
};

export const checkContext = (credential: Json): VerificationCheck => {
  const context = credential['@context'];
  if (!Array.isArray(context) || context.length < 2)
    return makeCheck('context', 'failed', 'ERR_CONTEXT_MISSING');
  if (context[0] !== CREDENTIALS_V2_URL && context[0] !== CREDENTIALS_V1_URL) {
    return makeCheck('context', 'failed', 'ERR_CONTEXT_VC_FIRST');
  }
  if (typeof context[1] !== 'string' || !OB_V3_CONTEXT_PATTERN.test(context[1])) {
    return makeCheck('context', 'failed', 'ERR_CONTEXT_OB_MISSING');
  }
  const types = new Set<string>();
  collectTypes(credential, types);
  const needsExtensions = EXTENSION_TYPES.find((type) => types.has(type));
  if (needsExtensions !== undefined && !context.includes(OB_V3_EXTENSIONS_URL)) {
    return makeCheck('context', 'failed', 'ERR_CONTEXT_EXTENSIONS_MISSING', {
      type: needsExtensions,
    });
  }
  return makeCheck('context', 'passed', 'CONTEXT_OK');
};

const typeList = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.filter((t) => typeof t === 'string')
      : [];

export type CredentialKind = 'achievement' | 'endorsement';

export const credentialKind = (credential: Json): CredentialKind | undefined => {
  const types = typeList(credential.type);
  if (!types.includes('VerifiableCredential')) return undefined;
  if (types.includes('OpenBadgeCredential') || types.includes('AchievementCredential'))
    return 'achievement';
  if (types.includes('EndorsementCredential')) return 'endorsement';
  return undefined;
};

/**
 * A VC 1.1-era credential seen through the VC 2.0 names (`issuanceDate` → `validFrom`,
 * `expirationDate` → `validUntil`), so that the same Open Badges shape rules apply to it.
 */
const asVc2 = (credential: Json): Json => {
  const context = credential['@context'];
  if (!Array.isArray(context) || context[0] !== CREDENTIALS_V1_URL) return credential;
  const { issuanceDate, expirationDate, ...rest } = credential;
  return {
    ...rest,
    '@context': [CREDENTIALS_V2_URL, ...(context.slice(1) as unknown[])],
    ...(issuanceDate === undefined ? {} : { validFrom: issuanceDate }),
    ...(expirationDate === undefined ? {} : { validUntil: expirationDate }),
  };
};

export const checkSchema = (original: Json): VerificationCheck => {
  const credential = asVc2(original);
  const kind = credentialKind(credential);
  if (kind === undefined) return makeCheck('schema', 'failed', 'ERR_SCHEMA_TYPE');
  const result =
    kind === 'achievement'
      ? validateOpenBadgeCredential(credential)
      : validateEndorsementCredential(credential);
  if (result.ok) return makeCheck('schema', 'passed', 'SCHEMA_OK');
  const reason = result.errors
    .slice(0, 5)
    .map((error) => `${error.path || '/'} ${error.message}`)
    .join('; ');
  return makeCheck('schema', 'failed', 'ERR_SCHEMA_INVALID', { reason }, { errors: result.errors });
};
