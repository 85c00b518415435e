/**
 * HTML built from tagged templates that escape every interpolated value: `html\`<p>${name}</p>\``
 * is safe whatever `name` holds. Only `SafeHtml` (from `html` or `raw`) passes unescaped, so
 * markup can be composed from parts without double escaping. `false`, `null` and `undefined`
 * render as nothing, which makes `${condition && html\`…\`}` work; arrays are joined.
 */

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue =
  SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for element content and quoted attribute values. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const render = (value: HtmlValue): string => {
  if (value instanceof SafeHtml) return value.value;
  if (value === null || value === undefined || value === false || value === true) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return escapeHtml(value);
  return value.map(render).join('');
};

export const html = (strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml => {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
};

/** Markup that is already safe (made by our own code, never from input). */
export const raw = (markup: string): SafeHtml => new SafeHtml(markup);

/** Joins parts with a separator, escaping strings. */
export const join = (parts: readonly HtmlValue[], separator: HtmlValue = ''): SafeHtml =>
  new SafeHtml(parts.map(render).join(render(separator)));
