/**
 * CSS inside an SVG, cut down to what colours and lays out a drawing. Design tools write their
 * styles as `<style>.cls-1{fill:#e6e6e6}</style>` plus `class` attributes (Illustrator's
 * default), so dropping CSS would turn such badges black; instead every rule is rebuilt from
 * checked parts:
 *
 * - at-rules are dropped (`@import`, `@font-face` load resources; `@media` and the rest are not
 *   needed for a badge);
 * - a selector may use only names, `.class`, `#id`, `*`, combinators and pseudo-classes;
 * - a declaration survives only if its property is on `CSS_PROPERTIES` and its value passes
 *   `isSafeCssValue`: a small character set (no `\` escapes, `:`, `;`, braces, `<`, `@`),
 *   balanced quotes, known functions only, and `url()` only as a same-document `#id`.
 *
 * What comes out is made of those checked parts alone, so nothing that was dropped can be
 * revived by how a browser would have tokenised the input.
 */
import { CSS_PROPERTIES } from './svg-allow-list.js';

export interface SanitizeCssResult {
  readonly css: string;
  /** What was dropped, once each (`css @import`, `css behavior`, `css rule`…). */
  readonly removed: readonly string[];
}

/** Functions a value may call: colours, arithmetic, custom properties, transforms, `url(#id)`. */
const CSS_FUNCTIONS: ReadonlySet<string> = new Set([
  'rgb',
  'rgba',
  'hsl',
  'hsla',
  'hwb',
  'lab',
  'lch',
  'oklab',
  'oklch',
  'color',
  'calc',
  'min',
  'max',
  'clamp',
  'var',
  'url',
  'matrix',
  'translate',
  'translatex',
  'translatey',
  'scale',
  'scalex',
  'scaley',
  'rotate',
  'skew',
  'skewx',
  'skewy',
]);

const SAFE_VALUE_CHARACTERS = /^[\p{L}\p{N}\s#%.,+\-*/()!'"_]*$/u;
const BALANCED_QUOTES = /^(?:[^'"]|"[^"]*"|'[^']*')*$/u;
const FUNCTION_NAME = /([\p{L}\p{N}_-]+)\s*\(/gu;
const URL_CALL = /url\s*\(/giu;
const FRAGMENT_URL =
  /url\s*\(\s*(?:#[\p{L}\p{N}_.-]+|'#[\p{L}\p{N}_.-]+'|"#[\p{L}\p{N}_.-]+")\s*\)/giu;

/** Whether `value` may stand as a CSS value or presentation attribute (see the module notes). */
export const isSafeCssValue = (value: string): boolean => {
  if (!SAFE_VALUE_CHARACTERS.test(value)) return false;
  if (/['"]/.test(value) && !BALANCED_QUOTES.test(value)) return false;
  if (!value.includes('(')) return true;
  for (const [, name = ''] of value.matchAll(FUNCTION_NAME)) {
    if (!CSS_FUNCTIONS.has(name.toLowerCase())) return false;
  }
  return [...value.matchAll(URL_CALL)].length === [...value.matchAll(FRAGMENT_URL)].length;
};

/** Removes comments; an unterminated comment runs to the end (CSS Syntax §4.3.2). */
const stripComments = (css: string): string => css.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, ' ');

const sanitizeDeclarationList = (text: string, removed: Set<string>): string => {
  const kept: string[] = [];
  for (const declaration of text.split(';')) {
    if (declaration.trim() === '') continue;
    const colon = declaration.indexOf(':');
    const property = declaration.slice(0, Math.max(colon, 0)).trim().toLowerCase();
    const value = declaration.slice(colon + 1).trim();
    if (colon > 0 && CSS_PROPERTIES.has(property) && value !== '' && isSafeCssValue(value)) {
      kept.push(`${property}:${value}`);
    } else {
      removed.add(`css ${/^-?[a-z][a-z-]{0,39}$/.test(property) ? property : 'declaration'}`);
    }
  }
  return kept.join(';');
};

/** Sanitises the declarations of a `style` attribute (`fill:red;stroke:blue`). */
export const sanitizeStyleAttribute = (text: string): SanitizeCssResult => {
  const removed = new Set<string>();
  const css = sanitizeDeclarationList(stripComments(text), removed);
  return { css, removed: [...removed] };
};

const SAFE_SELECTOR = /^[\p{L}\p{N}_\s.#,>+~*:()-]+$/u;

/**
 * Sanitises the text of a `<style>` element into plain rules, `selector{declarations}`, one a
 * line. Unbalanced braces drop everything from the fault on.
 */
export const sanitizeStyleSheet = (text: string): SanitizeCssResult => {
  const source = stripComments(text);
  const removed = new Set<string>();
  const rules: string[] = [];
  let depth = 0;
  let start = 0;
  let bodyStart = 0;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '{') {
      if (depth === 0) bodyStart = i + 1;
      depth++;
    } else if (char === '}') {
      depth--;
      if (depth < 0) break;
      if (depth > 0) continue;
      const prelude = source.slice(start, bodyStart - 1).trim();
      const body = source.slice(bodyStart, i);
      start = i + 1;
      if (prelude.startsWith('@')) {
        removed.add(`css ${/^@[\w-]*/.exec(prelude)?.[0] ?? '@'}`);
      } else if (!SAFE_SELECTOR.test(prelude) || body.includes('{')) {
        removed.add('css rule');
      } else {
        const declarations = sanitizeDeclarationList(body, removed);
        if (declarations !== '') rules.push(`${prelude.replace(/\s+/g, ' ')}{${declarations}}`);
      }
    } else if (char === ';' && depth === 0) {
      // A statement at-rule (`@import url(…);`, `@charset`), or stray text: dropped.
      const statement = source.slice(start, i).trim();
      removed.add(`css ${/^@[\w-]*/.exec(statement)?.[0] ?? 'rule'}`);
      start = i + 1;
    }
  }
  if (depth !== 0 || source.slice(start).trim() !== '') removed.add('css rule');
  return { css: rules.join('\n'), removed: [...removed] };
};
