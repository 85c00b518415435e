/**
 * What a wallet import hands the verifier, from the validated request body: a URL, a credential
 * (object, JSON text, compact VC-JWT or OB 2.0 JWS), or raw bytes told apart by content — a
 * baked PNG or SVG, or a sealed PDF certificate whose embedded credential is read with
 * `@akashi/certificates` (loaded only when a PDF comes: a server that never sees one never loads
 * PDF code). The bytes of an image or PDF are kept as the original.
 */
import { extractBaked, type BadgeInput } from '@akashi/core';
import { ServerError } from '../http/server-error.js';
import { MAX_WALLET_IMPORT_BYTES, type WalletImportBodyValue } from './wallet-schemas.js';

export type ImportKind = 'url' | 'text' | 'object' | 'png' | 'svg' | 'pdf';

export interface ImportSource {
  readonly kind: ImportKind;
  /** What the verifier reads. */
  readonly input: BadgeInput;
  /** The bytes as given (images and PDFs), to give back on export. */
  readonly original?: { readonly bytes: Uint8Array; readonly mediaType: string };
  readonly sourceUrl?: string;
}

const JWS_PATTERN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const MEDIA_TYPES = { png: 'image/png', svg: 'image/svg+xml', pdf: 'application/pdf' } as const;

const missing = (path: string): ServerError =>
  new ServerError('ERR_WALLET_IMPORT_INPUT_MISSING', {
    fields: [
      {
        in: 'body',
        path,
        message: { en: 'Give the badge to import.', ja: '取り込むバッジを指定してください。' },
      },
    ],
  });

const startsWith = (bytes: Uint8Array, text: string): boolean =>
  Buffer.from(bytes.subarray(0, text.length)).toString('latin1') === text;

const kindOfBytes = (bytes: Uint8Array): 'png' | 'svg' | 'pdf' | undefined => {
  if (startsWith(bytes, '\x89PNG')) return 'png';
  if (startsWith(bytes, '%PDF-')) return 'pdf';
  const head = Buffer.from(bytes.subarray(0, 1024))
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  return /^\s*(<\?xml|<svg|<!--)/.test(head) ? 'svg' : undefined;
};

/** The OB 3.0 credential embedded in a certificate, else its OB 2.0 assertion (JSON text). */
const readPdfCredential = async (pdf: Uint8Array): Promise<string | undefined> => {
  const certificates = await import('@akashi/certificates');
  let files: Awaited<ReturnType<typeof certificates.extractEmbeddedCredentials>>;
  try {
    files = await certificates.extractEmbeddedCredentials(pdf);
  } catch {
    return undefined; // not a PDF pdf-lib can read: no credential
  }
  const preferred = [certificates.CREDENTIAL_FILE_NAME, certificates.ASSERTION_FILE_NAME];
  const file =
    preferred.map((name) => files.get(name)).find((found) => found !== undefined) ??
    [...files.values()].find((found) => /\.(json|jwt|jws)$/i.test(found.name));
  return file === undefined ? undefined : Buffer.from(file.bytes).toString('utf8');
};

export const readImportInput = async (body: WalletImportBodyValue): Promise<ImportSource> => {
  if (body instanceof Uint8Array) {
    if (body.length === 0) throw missing('');
    if (body.length > MAX_WALLET_IMPORT_BYTES) {
      throw new ServerError('ERR_WALLET_IMPORT_TOO_LARGE', {
        params: { limit: MAX_WALLET_IMPORT_BYTES },
      });
    }
    const bytes = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
    const kind = kindOfBytes(bytes);
    if (kind === undefined) throw new ServerError('ERR_WALLET_IMPORT_UNREADABLE');
    const original = { bytes, mediaType: MEDIA_TYPES[kind] };
    if (kind !== 'pdf') return { kind, input: bytes, original };
    const credential = await readPdfCredential(bytes);
    if (credential === undefined) throw new ServerError('ERR_WALLET_IMPORT_UNREADABLE');
    return { kind, input: credential, original };
  }
  const { url, credential } = body;
  if (url !== undefined && credential !== undefined) {
    throw new ServerError('ERR_WALLET_IMPORT_INPUT_AMBIGUOUS', {
      fields: ['/url', '/credential'].map((path) => ({
        in: 'body' as const,
        path,
        message: {
          en: 'Give only one of url and credential.',
          ja: 'url と credential のどちらか一方だけを指定してください。',
        },
      })),
    });
  }
  if (url !== undefined) return { kind: 'url', input: url.trim(), sourceUrl: url.trim() };
  if (credential === undefined) throw missing('');
  if (typeof credential === 'string') {
    if (credential.trim() === '') throw missing('/credential');
    return { kind: 'text', input: credential };
  }
  return { kind: 'object', input: credential };
};

/**
 * The compact JWT / JWS the credential came as, if it came as one: the text itself, the
 * payload baked into an image, or the text embedded in a PDF.
 */
export const compactJwtOf = (source: ImportSource): string | null => {
  let text: string | undefined;
  if (typeof source.input === 'string') text = source.input.trim();
  else if (source.kind === 'png' || source.kind === 'svg') {
    try {
      text = extractBaked(source.original?.bytes ?? new Uint8Array()).payload.trim();
    } catch {
      text = undefined;
    }
  }
  return text !== undefined && JWS_PATTERN.test(text) ? text : null;
};
