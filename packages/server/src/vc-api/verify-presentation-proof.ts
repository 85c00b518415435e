/**
 * The proof of a Verifiable Presentation: `eddsa-rdfc-2022` (and its old id `eddsa-2022`) with
 * proof purpose `authentication`, checked with the core's cryptosuite and key resolver. The core
 * verifier checks credential proofs only (purpose `assertionMethod`), so the presentation rules
 * are here: the challenge and domain the verifier asked for, the key's controller is the holder
 * (when one is named), and the controller lists the key under `authentication` (implied for
 * did:key; read from the DID or controller document otherwise). Other proof types are reported
 * as unsupported: failed, never assumed valid.
 */
import { didWebToUrl, EDDSA_2022, EDDSA_RDFC_2022, verifyEddsaRdfc2022Proof } from '@akashi/core';
import type { GenericCheck } from './vc-api-results.js';
import type { VcApiVerifier } from './vc-api-verifier.js';

type Json = Record<string, unknown>;

export interface PresentationProofOptions {
  readonly challenge?: string | undefined;
  readonly domain?: string | undefined;
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const result = (
  name: string,
  outcome: GenericCheck['outcome'],
  code: string,
  en: string,
  ja: string,
): GenericCheck => ({ name, outcome, code, message: { en, ja } });

const holderOf = (presentation: Json): string | undefined => {
  const { holder } = presentation;
  if (typeof holder === 'string') return holder;
  return isObject(holder) && typeof holder.id === 'string' ? holder.id : undefined;
};

/** Whether the controller's document lists `method` under `authentication`. */
const authenticates = async (
  verifier: VcApiVerifier,
  controller: string,
  method: string,
): Promise<boolean> => {
  if (controller.startsWith('did:key:')) return method.startsWith(`${controller}#`);
  const url = controller.startsWith('did:web:')
    ? didWebToUrl(controller)
    : /^https:\/\/[^#]+$/.test(controller)
      ? controller
      : undefined;
  if (url === undefined) return false;
  const fetched = await verifier.fetchDocument(url);
  if (fetched.status < 200 || fetched.status > 299) return false;
  const document = JSON.parse(new TextDecoder().decode(fetched.body)) as unknown;
  if (!isObject(document) || !Array.isArray(document.authentication)) return false;
  return document.authentication.some((item: unknown) => {
    const id = typeof item === 'string' ? item : isObject(item) ? item.id : undefined;
    if (typeof id !== 'string') return false;
    return id === method || (id.startsWith('#') && `${controller}${id}` === method);
  });
};

const domainMatches = (value: unknown, domain: string): boolean =>
  value === domain || (Array.isArray(value) && value.includes(domain));

/** The checks of one presentation proof (all passed: the proof is valid). */
const checkOneProof = async (
  verifier: VcApiVerifier,
  presentation: Json,
  proof: Json,
  options: PresentationProofOptions,
): Promise<GenericCheck[]> => {
  const fail = (code: string, en: string, ja: string) => [result('proof', 'failed', code, en, ja)];
  const suite = proof.cryptosuite;
  if (proof.type !== 'DataIntegrityProof' || (suite !== EDDSA_RDFC_2022 && suite !== EDDSA_2022)) {
    const kind = `${String(proof.type)}${typeof suite === 'string' ? `/${suite}` : ''}`;
    return fail(
      'ERR_VP_PROOF_UNSUPPORTED',
      `The presentation proof ${kind} is not supported (eddsa-rdfc-2022 is).`,
      `提示の署名 ${kind} には対応していません（対応は eddsa-rdfc-2022）。`,
    );
  }
  if (proof.proofPurpose !== 'authentication') {
    return fail(
      'ERR_VP_PROOF_PURPOSE',
      'A presentation proof must have the proof purpose "authentication".',
      '提示の署名の proofPurpose は "authentication" である必要があります。',
    );
  }
  const checks: GenericCheck[] = [];
  if (options.challenge !== undefined) {
    checks.push(
      proof.challenge === options.challenge
        ? result(
            'challenge',
            'passed',
            'VP_CHALLENGE_OK',
            'The challenge matches.',
            'チャレンジが一致しました。',
          )
        : result(
            'challenge',
            'failed',
            'ERR_VP_CHALLENGE',
            'The proof does not carry the challenge asked for.',
            '署名に指定のチャレンジが含まれていません。',
          ),
    );
  } else if (proof.challenge !== undefined) {
    checks.push(
      result(
        'challenge',
        'skipped',
        'VP_CHALLENGE_NOT_CHECKED',
        'The proof has a challenge, but none was given to check it against (options.challenge).',
        '署名にはチャレンジがありますが、照合するチャレンジ（options.challenge）が指定されていません。',
      ),
    );
  }
  if (options.domain !== undefined) {
    checks.push(
      domainMatches(proof.domain, options.domain)
        ? result(
            'domain',
            'passed',
            'VP_DOMAIN_OK',
            'The domain matches.',
            'ドメインが一致しました。',
          )
        : result(
            'domain',
            'failed',
            'ERR_VP_DOMAIN',
            'The proof is not for the domain asked for.',
            '署名は指定のドメイン向けではありません。',
          ),
    );
  }
  const method = proof.verificationMethod;
  if (typeof method !== 'string') {
    return [
      ...checks,
      ...fail(
        'ERR_PROOF_MALFORMED',
        'The proof has no verificationMethod.',
        '署名に verificationMethod がありません。',
      ),
    ];
  }
  let resolved;
  try {
    resolved = await verifier.resolveMethod(method);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [
      ...checks,
      result(
        'proof',
        'error',
        'ERR_PROOF_METHOD_UNREACHABLE',
        `The key ${method} could not be resolved: ${reason}`,
        `鍵 ${method} を解決できませんでした: ${reason}`,
      ),
    ];
  }
  const holder = holderOf(presentation);
  if (holder !== undefined && holder !== resolved.controller) {
    checks.push(
      result(
        'holder',
        'failed',
        'ERR_VP_HOLDER',
        `The proof was made by ${resolved.controller}, not by the holder ${holder}.`,
        `署名者は ${resolved.controller} で、保有者 ${holder} ではありません。`,
      ),
    );
  }
  let authorized = false;
  try {
    authorized = await authenticates(verifier, resolved.controller, method);
  } catch {
    authorized = false;
  }
  if (!authorized) {
    checks.push(
      result(
        'holder',
        'failed',
        'ERR_VP_NOT_AUTHENTICATION',
        `${resolved.controller} does not list ${method} for authentication.`,
        `${resolved.controller} は ${method} を認証（authentication）用に登録していません。`,
      ),
    );
  } else if (holder !== undefined && holder === resolved.controller) {
    checks.push(
      result(
        'holder',
        'passed',
        'VP_HOLDER_OK',
        'The holder made the proof.',
        '保有者が署名しています。',
      ),
    );
  }
  if (resolved.publicKey.asymmetricKeyType !== 'ed25519') {
    return [
      ...checks,
      ...fail(
        'ERR_PROOF_METHOD_INVALID',
        `${method} is not an Ed25519 key.`,
        `${method} は Ed25519 鍵ではありません。`,
      ),
    ];
  }
  try {
    const signature = await verifyEddsaRdfc2022Proof(
      presentation,
      proof,
      resolved.publicKey,
      verifier.canonizer,
    );
    checks.push(
      signature.ok
        ? result(
            'proof',
            'passed',
            'PROOF_OK',
            `The ${suite} signature is valid.`,
            `${suite} の署名は有効です。`,
          )
        : result(
            'proof',
            'failed',
            signature.reason === 'malformed-proof-value'
              ? 'ERR_PROOF_MALFORMED'
              : 'ERR_PROOF_SIGNATURE',
            'The presentation signature does not verify: the presentation was altered or not signed by this key.',
            '提示の署名を検証できません。提示が改ざんされたか、この鍵で署名されていません。',
          ),
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    checks.push(
      result(
        'jsonld',
        'failed',
        'ERR_JSONLD_UNDEFINED_TERM',
        `The presentation does not pass JSON-LD safe mode: ${reason}`,
        `提示が JSON-LD セーフモードを通りません: ${reason}`,
      ),
    );
  }
  return checks;
};

/** The checks of the presentation's proof(s); one `skipped` check when it has none. */
export const checkPresentationProof = async (
  verifier: VcApiVerifier,
  presentation: Json,
  options: PresentationProofOptions,
): Promise<GenericCheck[]> => {
  const proofs = (
    Array.isArray(presentation.proof) ? presentation.proof : [presentation.proof]
  ).filter(isObject);
  if (proofs.length === 0) {
    const asked = options.challenge !== undefined || options.domain !== undefined;
    return [
      asked
        ? result(
            'proof',
            'failed',
            'ERR_VP_PROOF_MISSING',
            'A challenge or domain was given, but the presentation is not signed.',
            'チャレンジまたはドメインが指定されましたが、提示は署名されていません。',
          )
        : result(
            'proof',
            'skipped',
            'VP_NOT_SIGNED',
            'The presentation is not signed: only the credentials in it were verified.',
            '提示は署名されていません。含まれる資格情報だけを検証しました。',
          ),
    ];
  }
  const checks: GenericCheck[] = [];
  for (const proof of proofs)
    checks.push(...(await checkOneProof(verifier, presentation, proof, options)));
  return checks;
};
