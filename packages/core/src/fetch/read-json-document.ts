/**
 * Turns a fetched document into parsed JSON, or an `ERR_FETCH_FAILED` that says why not:
 * a status outside 2xx (`http-status`), a media type that is not JSON (`content-type`), a body
 * that is not UTF-8 JSON (`invalid-json`).
 */
import { createFetchError } from './create-fetch-error.js';
import type { FetchedDocument } from './fetch-document.js';

/** `application/json` and every `…/…+json` (ld+json, did+json, did+ld+json, vc+ld+json, …). */
export const isJsonMediaType = (contentType: string | undefined): boolean => {
  const essence = contentType?.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  return essence === 'application/json' || /^[\w.!#$&^-]+\/[\w.!#$&^+-]+\+json$/.test(essence);
};

export const readJsonDocument = (document: FetchedDocument): unknown => {
  const { url, status, contentType } = document;
  if (status < 200 || status > 299) throw createFetchError('http-status', { url, status });
  if (!isJsonMediaType(contentType)) throw createFetchError('content-type', { url, contentType });
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(document.body));
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw createFetchError('invalid-json', { url, detail }, cause);
  }
};
