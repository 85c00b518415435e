/**
 * What the verify form sent, turned into the call to `POST /api/v1/verify`. Three ways in, each a
 * field of its own: `file` (the multipart file, a Buffer: its name and type are not kept, so the
 * bytes are sniffed — PNG signature, SVG markup, else UTF-8 text: JSON or a JWT), `text` (pasted
 * JSON or JWT) and `url`. The field that was posted is the one an error is shown next to.
 */
import type { ApiCallOptions } from '../kit/api.js';

export type VerifyField = 'file' | 'text' | 'url';

export type VerifyRequest =
  | { readonly kind: 'call'; readonly field: VerifyField; readonly options: ApiCallOptions }
  | {
      readonly kind: 'refused';
      /** Undefined when no field was posted at all. */
      readonly field: VerifyField | undefined;
      readonly reason: 'missing' | 'not-a-badge';
    };

export interface VerifyFormValues {
  readonly text: string;
  readonly url: string;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Markup whose root is an <svg> (after an XML declaration, comments or a doctype). */
const SVG_START = /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/i;

export type SniffedFile =
  | { readonly kind: 'png' | 'svg'; readonly bytes: Buffer }
  | { readonly kind: 'json'; readonly value: Record<string, unknown> }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'binary' };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What kind of badge file the bytes are. */
export const sniffFile = (bytes: Buffer): SniffedFile => {
  if (PNG_SIGNATURE.every((byte, i) => bytes[i] === byte)) return { kind: 'png', bytes };
  let text: string;
  try {
    text = strictUtf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return { kind: 'binary' };
  }
  if (text.includes('\u0000')) return { kind: 'binary' };
  const trimmed = text.trim();
  if (SVG_START.test(trimmed)) return { kind: 'svg', bytes };
  if (trimmed.startsWith('{')) {
    try {
      const value: unknown = JSON.parse(trimmed);
      if (isObject(value)) return { kind: 'json', value };
    } catch {
      // Sent as text: the verifier says what is wrong with it.
    }
  }
  return { kind: 'text', text: trimmed };
};

const fileCall = (file: Buffer): VerifyRequest => {
  const sniffed = sniffFile(file);
  const call = (options: ApiCallOptions): VerifyRequest => ({
    kind: 'call',
    field: 'file',
    options,
  });
  switch (sniffed.kind) {
    case 'png':
      return call({ payload: sniffed.bytes, contentType: 'image/png' });
    case 'svg':
      return call({ payload: sniffed.bytes, contentType: 'image/svg+xml' });
    case 'json':
      return call({ json: { credential: sniffed.value } });
    case 'text':
      return sniffed.text === ''
        ? { kind: 'refused', field: 'file', reason: 'not-a-badge' }
        : call({ json: { credential: sniffed.text } });
    case 'binary':
      return { kind: 'refused', field: 'file', reason: 'not-a-badge' };
  }
};

/** The call to make for the posted form, or why there is none. */
export const readVerifyForm = (body: unknown): VerifyRequest => {
  const fields = isObject(body) ? body : {};
  const file = fields.file;
  if (Buffer.isBuffer(file) && file.length > 0) return fileCall(file);
  const text = typeof fields.text === 'string' ? fields.text.trim() : undefined;
  if (text !== undefined && text !== '') {
    return { kind: 'call', field: 'text', options: { json: { credential: text } } };
  }
  const url = typeof fields.url === 'string' ? fields.url.trim() : undefined;
  if (url !== undefined && url !== '') {
    return { kind: 'call', field: 'url', options: { json: { url } } };
  }
  // Nothing usable: the error goes next to the field of the form that was sent.
  if ('file' in fields) return { kind: 'refused', field: 'file', reason: 'missing' };
  if (text !== undefined) return { kind: 'refused', field: 'text', reason: 'missing' };
  if (url !== undefined) return { kind: 'refused', field: 'url', reason: 'missing' };
  return { kind: 'refused', field: undefined, reason: 'missing' };
};

/** The typed values to show again in the form. */
export const verifyFormValues = (body: unknown): VerifyFormValues => {
  const fields = isObject(body) ? body : {};
  return {
    text: typeof fields.text === 'string' ? fields.text : '',
    url: typeof fields.url === 'string' ? fields.url : '',
  };
};
