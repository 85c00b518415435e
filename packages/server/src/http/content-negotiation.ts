/**
 * Content negotiation for the public documents (issuer profiles, DID documents, achievements,
 * badges): JSON for `application/json`, `application/ld+json` and `application/vc+ld+json`, an
 * HTML page for browsers. A client that sends no Accept header, or `*\/*`, gets JSON: the
 * documents exist for verifiers first, and browsers always ask for `text/html` by name.
 *
 *   if (prefersHtml(request.headers.accept)) return sendHtml(reply, page);
 *   return sendJsonLd(reply, document, request.headers.accept);
 */
import type { FastifyReply } from 'fastify';

/** The JSON media types a public document is served as, the first being the default. */
export const JSON_MEDIA_TYPES = [
  'application/ld+json',
  'application/json',
  'application/vc+ld+json',
  'application/vc',
] as const;

export type JsonMediaType = (typeof JSON_MEDIA_TYPES)[number];

interface AcceptEntry {
  readonly type: string;
  readonly q: number;
  readonly order: number;
}

/** The media ranges of an Accept header with their q-values (at most 32 are read). */
export const parseAccept = (accept: string | undefined): readonly AcceptEntry[] => {
  if (accept === undefined || accept.trim() === '') return [];
  return accept
    .split(',')
    .slice(0, 32)
    .map((part, order) => {
      const [type = '', ...parameters] = part.trim().toLowerCase().split(';');
      const qParameter = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const q = qParameter === undefined ? 1 : Number(qParameter.slice(2));
      return { type: type.trim(), q: Number.isFinite(q) && q >= 0 && q <= 1 ? q : 0, order };
    })
    .filter((entry) => entry.type !== '');
};

const rank = (entries: readonly AcceptEntry[], type: string): AcceptEntry | undefined => {
  const [major] = type.split('/');
  let best: AcceptEntry | undefined;
  for (const entry of entries) {
    const matches = entry.type === type || entry.type === `${major}/*` || entry.type === '*/*';
    // An exact match outranks a wildcard whatever its position (RFC 9110 §12.5.1).
    const specific = entry.type === type ? 2 : entry.type === '*/*' ? 0 : 1;
    if (!matches) continue;
    const bestSpecific =
      best === undefined ? -1 : best.type === type ? 2 : best.type === '*/*' ? 0 : 1;
    if (specific > bestSpecific) best = entry;
  }
  return best;
};

/** Whether the client ranks HTML above every JSON type we serve (browsers do). */
export const prefersHtml = (accept: string | undefined): boolean => {
  const entries = parseAccept(accept);
  const html = rank(entries, 'text/html');
  if (html === undefined || html.q === 0 || html.type !== 'text/html') return false;
  for (const type of JSON_MEDIA_TYPES) {
    const json = rank(entries, type);
    if (json !== undefined && json.type === type && json.q >= html.q && json.order < html.order)
      return false;
    if (json !== undefined && json.type === type && json.q > html.q) return false;
  }
  return true;
};

/** The JSON media type to answer with: the one the client named first, else `fallback`. */
export const pickJsonMediaType = (
  accept: string | undefined,
  fallback: JsonMediaType = 'application/ld+json',
): JsonMediaType => {
  const entries = parseAccept(accept)
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  for (const entry of entries) {
    const named = JSON_MEDIA_TYPES.find((type) => type === entry.type);
    if (named !== undefined) return named;
  }
  return fallback;
};

/** Headers every public document carries: readable from any origin, briefly cacheable. */
export const PUBLIC_DOCUMENT_CACHE_CONTROL = 'public, max-age=60';

/** Sends a public JSON(-LD) document in the media type the client asked for. */
export const sendPublicJson = (
  reply: FastifyReply,
  document: unknown,
  accept: string | undefined,
  fallback: JsonMediaType = 'application/ld+json',
): FastifyReply =>
  reply
    .type(`${pickJsonMediaType(accept, fallback)}; charset=utf-8`)
    .header('vary', 'accept')
    .header('access-control-allow-origin', '*')
    .header('cross-origin-resource-policy', 'cross-origin')
    .header('cache-control', PUBLIC_DOCUMENT_CACHE_CONTROL)
    .send(JSON.stringify(document));
