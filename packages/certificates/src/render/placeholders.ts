/**
 * Placeholders in template text (`{recipient.name}`, `{issuedOn:wareki}`, `{field.KEY}`; `{{`
 * and `}}` are literal braces) and the values they take from the render data and the embedded
 * credential (OB 3.0, with the OB 2.0 assertion as a fallback). Names are used exactly as
 * given: no Unicode normalisation, no trimming.
 */
import { formatCertificateDate } from './dates.js';
import type { CertificateData, DateStyle, JsonSource } from './template-types.js';

export const PLACEHOLDER_NAMES: readonly string[] = [
  'recipient.name',
  'recipient.nameKana',
  'recipient.nameRomaji',
  'achievement.name',
  'achievement.description',
  'achievement.humanCode',
  'issuer.name',
  'issuer.url',
  'issuedOn',
  'validUntil',
  'certificateNumber',
  'credits',
  'verificationUrl',
];

const DATE_NAMES = new Set(['issuedOn', 'validUntil']);

export type TextPart =
  { readonly literal: string } | { readonly name: string; readonly style?: string };

/** Splits template text into literals and placeholders; throws on an unbalanced brace. */
export function parseTemplateText(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if ((ch === '{' || ch === '}') && text[i + 1] === ch) {
      literal += ch;
      i += 2;
    } else if (ch === '{') {
      const end = text.indexOf('}', i);
      if (end < 0) throw new Error(`unclosed "{" at character ${i}`);
      const inner = text.slice(i + 1, end);
      const [name = '', style, extra] = inner.split(':');
      if (!/^[A-Za-z][\w.-]*$/.test(name) || extra !== undefined) {
        throw new Error(`malformed placeholder "{${inner}}"`);
      }
      if (literal !== '') parts.push({ literal });
      literal = '';
      parts.push(style === undefined ? { name } : { name, style });
      i = end + 1;
    } else if (ch === '}') {
      throw new Error(`unmatched "}" at character ${i} (write "}}" for a brace)`);
    } else {
      literal += ch ?? '';
      i += 1;
    }
  }
  if (literal !== '') parts.push({ literal });
  return parts;
}

/** The placeholders of a text. */
export function parsePlaceholders(text: string): { name: string; style?: string }[] {
  return parseTemplateText(text).filter((p) => 'name' in p);
}

/** JSON to embed: the exact bytes, and the parsed value. */
export interface JsonDocument {
  readonly bytes: Uint8Array;
  readonly value: unknown;
}

export function jsonDocument(source: JsonSource, label: string): JsonDocument {
  if (source instanceof Uint8Array || typeof source === 'string') {
    const bytes = typeof source === 'string' ? new TextEncoder().encode(source) : source;
    try {
      return { bytes, value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
    } catch (error) {
      throw new Error(`${label} is not valid UTF-8 JSON: ${(error as Error).message}`);
    }
  }
  return { bytes: new TextEncoder().encode(JSON.stringify(source)), value: source };
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A plain string, or the first string of a language-tagged value / array. */
function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) {
    for (const item of v) {
      const s = str(item);
      if (s !== undefined) return s;
    }
  }
  if (isObj(v)) return str(v['@value']);
  return undefined;
}

const get = (v: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((acc, key) => (isObj(acc) ? acc[key] : undefined), v);

/** The raw (unformatted) values of every placeholder. */
export function placeholderValues(
  data: CertificateData,
  credential: unknown,
  assertion: unknown,
): Map<string, string> {
  const subject = get(credential, 'credentialSubject');
  const achievement = get(subject, 'achievement');
  const issuer = get(credential, 'issuer');
  const badge = get(assertion, 'badge');
  const ob2Issuer = get(badge, 'issuer');
  const values: [string, string | undefined][] = [
    ['recipient.name', data.recipient.name],
    ['recipient.nameKana', data.recipient.nameKana],
    ['recipient.nameRomaji', data.recipient.nameRomaji],
    ['achievement.name', str(get(achievement, 'name')) ?? str(get(badge, 'name'))],
    [
      'achievement.description',
      str(get(achievement, 'description')) ?? str(get(badge, 'description')),
    ],
    ['achievement.humanCode', str(get(achievement, 'humanCode'))],
    ['issuer.name', str(get(issuer, 'name')) ?? str(get(ob2Issuer, 'name'))],
    ['issuer.url', str(get(issuer, 'url')) ?? str(get(ob2Issuer, 'url'))],
    [
      'issuedOn',
      data.issuedOn ??
        str(get(credential, 'validFrom')) ??
        str(get(credential, 'issuanceDate')) ??
        str(get(assertion, 'issuedOn')),
    ],
    [
      'validUntil',
      data.validUntil ??
        str(get(credential, 'validUntil')) ??
        str(get(credential, 'expirationDate')) ??
        str(get(assertion, 'expires')),
    ],
    ['certificateNumber', data.certificateNumber],
    [
      'credits',
      data.credits === undefined
        ? (str(get(subject, 'creditsEarned')) ?? str(get(achievement, 'creditsAvailable')))
        : String(data.credits),
    ],
    ['verificationUrl', data.verificationUrl],
  ];
  const map = new Map<string, string>();
  for (const [k, v] of values) if (v !== undefined && v !== '') map.set(k, v);
  for (const [k, v] of Object.entries(data.fields ?? {})) if (v !== '') map.set(`field.${k}`, v);
  return map;
}

/**
 * Fills a text's placeholders; `undefined` when one of them has no value (the field is then
 * left out, so "有効期限 {validUntil}" disappears for a credential that never expires).
 */
export function fillText(
  text: string,
  values: ReadonlyMap<string, string>,
  dateStyle: DateStyle,
  timeZone: string,
): string | undefined {
  let out = '';
  for (const part of parseTemplateText(text)) {
    if ('literal' in part) {
      out += part.literal;
      continue;
    }
    const value = values.get(part.name);
    if (value === undefined) return undefined;
    out += DATE_NAMES.has(part.name)
      ? formatCertificateDate(value, (part.style as DateStyle | undefined) ?? dateStyle, timeZone)
      : value;
  }
  return out;
}
