/**
 * Issuing: an unsigned OpenBadgeCredential in, a secured one out — with an embedded
 * `DataIntegrityProof` (eddsa-rdfc-2022, Ed25519) or as a VC-JWT (EdDSA, ES256, RS256).
 */
import { createCanonizer, type Canonizer } from '../canon/index.js';
import { AkashiError } from '../errors/akashi-error.js';
import { issueJwtCredential } from '../jwt/index.js';
import type { SigningKey } from '../keys/index.js';
import { validateOpenBadgeCredential } from '../models/index.js';
import { createEddsaRdfc2022Proof } from '../proof/index.js';

type Json = Record<string, unknown>;

export type IssueFormat = 'di' | 'jwt';

export interface IssueCredentialOptions {
  readonly key: SigningKey;
  readonly format?: IssueFormat;
  /** The key's URL. Default: `did:key:z…#z…` for a did:key issuer, else `<issuer id>#<kid>`. */
  readonly verificationMethod?: string;
  /** The proof's `created`; default now (seconds precision); `false` leaves it out. */
  readonly created?: string | false;
  readonly canonizer?: Canonizer;
}

export type IssueCredentialResult =
  | { readonly format: 'di'; readonly credential: Json }
  | { readonly format: 'jwt'; readonly jwt: string; readonly credential: Json };

const issuerIdOf = (credential: Json): string | undefined => {
  const issuer = credential.issuer;
  if (typeof issuer === 'string') return issuer;
  const id = (issuer as Json | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
};

export const defaultVerificationMethod = (credential: Json, key: SigningKey): string => {
  const issuer = issuerIdOf(credential);
  if (issuer === undefined) {
    throw new AkashiError('ERR_CREDENTIAL_INVALID', {
      en: 'The credential has no issuer id.',
      ja: '資格情報に発行者の ID がありません。',
    });
  }
  if (issuer.startsWith('did:key:')) return `${issuer}#${issuer.slice('did:key:'.length)}`;
  return `${issuer}#${key.kid}`;
};

export const nowSeconds = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

let sharedCanonizer: Canonizer | undefined;

const assertValid = (credential: Json): void => {
  const result = validateOpenBadgeCredential(credential);
  if (!result.ok) {
    const fields = result.errors.map((e) => `${e.path || '/'}: ${e.message}`).join('; ');
    throw new AkashiError(
      'ERR_CREDENTIAL_INVALID',
      {
        en: `The credential is not a valid OpenBadgeCredential: ${fields}`,
        ja: `OpenBadgeCredential として正しくありません: ${fields}`,
      },
      { details: { errors: result.errors } },
    );
  }
};

/** Wraps JSON-LD safe-mode failures (undefined terms, unknown contexts) in a typed error. */
const signSafely = async <T>(sign: () => Promise<T>): Promise<T> => {
  try {
    return await sign();
  } catch (error) {
    if (error instanceof AkashiError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new AkashiError(
      'ERR_JSONLD_SAFE_MODE',
      {
        en: `The credential does not pass JSON-LD safe mode (every term must be defined by its contexts): ${message}`,
        ja: `JSON-LD セーフモードを通りません（すべての用語がコンテキストで定義されている必要があります）: ${message}`,
      },
      { cause: error },
    );
  }
};

export const issueCredential = async (
  credential: Json,
  options: IssueCredentialOptions,
): Promise<IssueCredentialResult> => {
  if (typeof credential !== 'object' || (credential as unknown) === null)
    throw new TypeError('credential must be an object');
  if ('proof' in credential) {
    throw new AkashiError('ERR_ISSUE_FAILED', {
      en: 'The credential already carries a proof.',
      ja: '資格情報にはすでに署名（proof）があります。',
    });
  }
  assertValid(credential);
  const canonizer = options.canonizer ?? (sharedCanonizer ??= createCanonizer());
  const { key } = options;
  if ((options.format ?? 'di') === 'jwt') {
    // The JWT carries no JSON-LD proof, but its content must still pass safe mode.
    await signSafely(() => canonizer.canonicalize(credential));
    const jwt = await issueJwtCredential(credential, key, {
      kidUrl: options.verificationMethod ?? defaultVerificationMethod(credential, key),
    });
    return { format: 'jwt', jwt, credential };
  }
  return {
    format: 'di',
    credential: await addDataIntegrityProof(credential, { ...options, canonizer }),
  };
};

export type AddDataIntegrityProofOptions = Omit<IssueCredentialOptions, 'format'>;

/**
 * Secures any VC 2.0 document (an OpenBadgeCredential, a status list credential, an
 * endorsement) with an eddsa-rdfc-2022 proof, as a one-element `proof` array. No Open Badges
 * schema check: `issueCredential` does that for badges.
 */
export const addDataIntegrityProof = async (
  document: Json,
  options: AddDataIntegrityProofOptions,
): Promise<Json> => {
  const { key } = options;
  if (key.type !== 'ed25519') {
    throw new AkashiError('ERR_KEY_UNSUPPORTED', {
      en: `eddsa-rdfc-2022 needs an Ed25519 key, not ${key.type}; issue a VC-JWT with this key instead.`,
      ja: `eddsa-rdfc-2022 には Ed25519 鍵が必要です（${key.type} は使えません）。この鍵では VC-JWT として発行してください。`,
    });
  }
  const canonizer = options.canonizer ?? (sharedCanonizer ??= createCanonizer());
  const created = options.created === undefined ? nowSeconds() : options.created;
  const proof = await signSafely(() =>
    createEddsaRdfc2022Proof(document, {
      privateKey: key.privateKey,
      verificationMethod: options.verificationMethod ?? defaultVerificationMethod(document, key),
      ...(created === false ? {} : { created }),
      canonizer,
    }),
  );
  return { ...document, proof: [proof] };
};
