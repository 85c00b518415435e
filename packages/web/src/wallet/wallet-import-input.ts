/**
 * What the import form sent, turned into the call to `POST /api/v1/wallet/credentials`: a file
 * (its bytes sniffed — PNG signature, `%PDF-`, SVG markup, else UTF-8 text: JSON or a JWT —
 * since the browser's file name and type are not kept), pasted text, or a URL. The "keep it
 * anyway" form re-sends the same input with `keepUnverified`; a file comes back as `fileData`
 * (base64 in a hidden field) when it fits the form's field limit, else the learner chooses it
 * again.
 */
import type { ApiCallOptions } from '../kit/api.js';

export type ImportField = 'file' | 'text' | 'url';

export interface ImportCall {
  readonly kind: 'call';
  readonly field: ImportField;
  readonly url: string;
  readonly options: ApiCallOptions;
  /** The bytes of a file (to carry into the "keep it anyway" form). */
  readonly bytes?: Buffer;
}

export type ImportRequest =
  | ImportCall
  | {
      readonly kind: 'refused';
      readonly field: ImportField | undefined;
      readonly reason: 'missing' | 'not-a-badge';
    };

export interface ImportFormValues {
  readonly text: string;
  readonly url: string;
}

/**
 * The largest file carried back in a hidden field: its base64 must fit the multipart field
 * limit of the web app (6 MiB), so 4.5 MiB of bytes.
 */
export const MAX_CARRIED_BYTES = 4.5 * 1024 * 1024;

const ENDPOINT = '/api/v1/wallet/credentials';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];
const PDF_SIGNATURE = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const SVG_START = /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/i;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const startsWith = (bytes: Buffer, signature: readonly number[]): boolean =>
  signature.every((byte, i) => bytes[i] === byte);

const call = (field: ImportField, options: ApiCallOptions, bytes?: Buffer): ImportCall => ({
  kind: 'call',
  field,
  url: ENDPOINT,
  options,
  ...(bytes === undefined ? {} : { bytes }),
});

/** A JSON body for the API, with `keepUnverified` when asked. */
const jsonBody = (body: Record<string, unknown>, keep: boolean) =>
  keep ? { ...body, keepUnverified: true } : body;

const fileCall = (bytes: Buffer, keep: boolean): ImportRequest => {
  const raw = (contentType: string): ImportCall => ({
    ...call('file', { payload: bytes, contentType }, bytes),
    url: keep ? `${ENDPOINT}?keepUnverified=true` : ENDPOINT,
  });
  if (startsWith(bytes, PNG_SIGNATURE)) return raw('image/png');
  if (startsWith(bytes, PDF_SIGNATURE)) return raw('application/pdf');
  let text: string;
  try {
    text = strictUtf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return { kind: 'refused', field: 'file', reason: 'not-a-badge' };
  }
  if (text.includes('\u0000')) return { kind: 'refused', field: 'file', reason: 'not-a-badge' };
  const trimmed = text.trim();
  if (SVG_START.test(trimmed)) return raw('image/svg+xml');
  if (trimmed === '') return { kind: 'refused', field: 'file', reason: 'not-a-badge' };
  // JSON text or a JWT, sent as the text it is: the API reads both.
  return call('file', { json: jsonBody({ credential: trimmed }, keep) }, bytes);
};

const decodeCarried = (value: string): Buffer | undefined => {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return undefined;
  const bytes = Buffer.from(value, 'base64');
  return bytes.length === 0 ? undefined : bytes;
};

/** The call to make for the posted form, or why there is none. */
export const readImportForm = (body: unknown): ImportRequest => {
  const fields = isObject(body) ? body : {};
  const keep = fields.keepUnverified === 'true';
  const file = fields.file;
  if (Buffer.isBuffer(file) && file.length > 0) return fileCall(file, keep);
  if (typeof fields.fileData === 'string' && fields.fileData !== '') {
    const bytes = decodeCarried(fields.fileData);
    return bytes === undefined
      ? { kind: 'refused', field: 'file', reason: 'not-a-badge' }
      : fileCall(bytes, keep);
  }
  const text = typeof fields.text === 'string' ? fields.text.trim() : undefined;
  if (text !== undefined && text !== '') {
    return call('text', { json: jsonBody({ credential: text }, keep) });
  }
  const url = typeof fields.url === 'string' ? fields.url.trim() : undefined;
  if (url !== undefined && url !== '') {
    return call('url', { json: jsonBody({ url }, keep) });
  }
  if ('file' in fields) return { kind: 'refused', field: 'file', reason: 'missing' };
  if (text !== undefined) return { kind: 'refused', field: 'text', reason: 'missing' };
  if (url !== undefined) return { kind: 'refused', field: 'url', reason: 'missing' };
  return { kind: 'refused', field: undefined, reason: 'missing' };
};

/** The typed values to show again in the form. */
export const importFormValues = (body: unknown): ImportFormValues => {
  const fields = isObject(body) ? body : {};
  return {
    text: typeof fields.text === 'string' ? fields.text : '',
    url: typeof fields.url === 'string' ? fields.url : '',
  };
};
