/**
 * Runtime validation of a certificate template (untrusted JSON from a user or a file): every
 * problem is collected with the JSON path of the field it concerns (`texts[2].size: …`), and
 * unknown keys are rejected so that a typo never silently does nothing.
 */
import { PLACEHOLDER_NAMES, parsePlaceholders } from './placeholders.js';
import { PAGE_SIZES, type CertificateTemplate } from './template-types.js';

export interface TemplateIssue {
  readonly path: string;
  readonly message: string;
}

export class TemplateValidationError extends Error {
  constructor(readonly issues: readonly TemplateIssue[]) {
    super(
      `invalid certificate template: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    );
    this.name = 'TemplateValidationError';
  }
}

const BUILTIN_FONTS = [
  'NotoSansJP-Light',
  'NotoSansJP-Regular',
  'NotoSansJP-Medium',
  'NotoSansJP-Bold',
  'NotoSansJP-Black',
];
const DATE_STYLES = ['wareki', 'ja', 'en', 'en-us', 'iso'];
const COLOR = /^#[0-9a-fA-F]{6}$/;
const MAX_COORD = 14_400; // the PDF user-space limit for page sizes

type Obj = Record<string, unknown>;

const at = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);

class Checker {
  readonly issues: TemplateIssue[] = [];

  fail(path: string, message: string): void {
    this.issues.push({ path, message });
  }

  object(value: unknown, path: string, keys: readonly string[]): Obj | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(path === '' ? '(template)' : path, 'must be an object');
      return undefined;
    }
    for (const key of Object.keys(value)) {
      if (!keys.includes(key)) this.fail(at(path, key), 'unknown property');
    }
    return value as Obj;
  }

  number(o: Obj, key: string, path: string, min: number, max: number, required = true): void {
    const v = o[key];
    if (v === undefined) {
      if (required) this.fail(at(path, key), 'is required');
      return;
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) this.fail(at(path, key), 'must be a number');
    else if (v < min || v > max) this.fail(at(path, key), `must be between ${min} and ${max}`);
  }

  string(o: Obj, key: string, path: string, required = true): string | undefined {
    const v = o[key];
    if (v === undefined) {
      if (required) this.fail(at(path, key), 'is required');
      return undefined;
    }
    if (typeof v !== 'string' || v === '') {
      this.fail(at(path, key), 'must be a non-empty string');
      return undefined;
    }
    return v;
  }

  color(o: Obj, key: string, path: string): void {
    const v = o[key];
    if (v !== undefined && (typeof v !== 'string' || !COLOR.test(v))) {
      this.fail(at(path, key), 'must be a colour like "#1a2b3c"');
    }
  }

  oneOf(o: Obj, key: string, path: string, allowed: readonly string[], required = false): void {
    const v = o[key];
    if (v === undefined) {
      if (required) this.fail(at(path, key), 'is required');
    } else if (typeof v !== 'string' || !allowed.includes(v)) {
      this.fail(at(path, key), `must be one of ${allowed.map((a) => `"${a}"`).join(', ')}`);
    }
  }

  array(o: Obj, key: string, path: string): unknown[] {
    const v = o[key];
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      this.fail(at(path, key), 'must be an array');
      return [];
    }
    return v as unknown[];
  }

  box(o: Obj, path: string): void {
    this.number(o, 'x', path, -MAX_COORD, MAX_COORD);
    this.number(o, 'y', path, -MAX_COORD, MAX_COORD);
    this.number(o, 'width', path, 0.1, MAX_COORD);
    this.number(o, 'height', path, 0.1, MAX_COORD);
  }
}

function checkText(c: Checker, value: unknown, path: string, fonts: ReadonlySet<string>): void {
  const t = c.object(value, path, [
    'text',
    'x',
    'y',
    'width',
    'font',
    'size',
    'color',
    'align',
    'lineHeight',
    'maxLines',
    'minSize',
    'letterSpacing',
    'dateStyle',
  ]);
  if (t === undefined) return;
  const text = c.string(t, 'text', path);
  if (text !== undefined) {
    try {
      for (const p of parsePlaceholders(text)) {
        if (!PLACEHOLDER_NAMES.includes(p.name) && !p.name.startsWith('field.')) {
          c.fail(`${path}.text`, `unknown placeholder {${p.name}}`);
        }
        if (p.style !== undefined && !DATE_STYLES.includes(p.style)) {
          c.fail(`${path}.text`, `unknown date style "${p.style}" in {${p.name}:${p.style}}`);
        }
      }
    } catch (error) {
      c.fail(`${path}.text`, (error as Error).message);
    }
  }
  c.number(t, 'x', path, -MAX_COORD, MAX_COORD);
  c.number(t, 'y', path, -MAX_COORD, MAX_COORD);
  c.number(t, 'width', path, 1, MAX_COORD, false);
  c.number(t, 'size', path, 1, 500);
  c.number(t, 'lineHeight', path, 0.5, 5, false);
  c.number(t, 'maxLines', path, 1, 1000, false);
  c.number(t, 'minSize', path, 1, 500, false);
  c.number(t, 'letterSpacing', path, -50, 100, false);
  c.color(t, 'color', path);
  c.oneOf(t, 'align', path, ['left', 'center', 'right']);
  c.oneOf(t, 'dateStyle', path, DATE_STYLES);
  const font = c.string(t, 'font', path, false);
  if (font !== undefined && !fonts.has(font) && !BUILTIN_FONTS.includes(font)) {
    c.fail(`${path}.font`, `"${font}" is neither in template.fonts nor a built-in font`);
  }
}

function checkFonts(c: Checker, value: unknown): Set<string> {
  const names = new Set<string>();
  if (value === undefined) return names;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    c.fail('fonts', 'must be an object of named fonts');
    return names;
  }
  for (const [name, source] of Object.entries(value)) {
    names.add(name);
    const f = c.object(source, `fonts.${name}`, ['builtin', 'asset']);
    if (f === undefined) continue;
    if ((f.builtin === undefined) === (f.asset === undefined)) {
      c.fail(`fonts.${name}`, 'needs exactly one of "builtin" or "asset"');
    } else if (f.builtin !== undefined) c.oneOf(f, 'builtin', `fonts.${name}`, BUILTIN_FONTS);
    else c.string(f, 'asset', `fonts.${name}`);
  }
  return names;
}

function checkPage(c: Checker, value: unknown): void {
  const page = c.object(value, 'page', ['size', 'orientation']);
  if (page === undefined) return;
  const size = page.size;
  if (Array.isArray(size)) {
    const ok =
      size.length === 2 &&
      size.every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 72 && n <= MAX_COORD);
    if (!ok)
      c.fail('page.size', `must be a page name or [width, height] in points (72–${MAX_COORD})`);
  } else c.oneOf(page, 'size', 'page', Object.keys(PAGE_SIZES), true);
  c.oneOf(page, 'orientation', 'page', ['portrait', 'landscape'], true);
}

function checkBackground(c: Checker, value: unknown): void {
  if (value === undefined) return;
  const bg = c.object(value, 'background', ['color', 'image', 'border']);
  if (bg === undefined) return;
  c.color(bg, 'color', 'background');
  c.string(bg, 'image', 'background', false);
  if (bg.border === undefined) return;
  const b = c.object(bg.border, 'background.border', [
    'color',
    'width',
    'inset',
    'innerGap',
    'innerColor',
  ]);
  if (b === undefined) return;
  if (b.color === undefined) c.fail('background.border.color', 'is required');
  c.color(b, 'color', 'background.border');
  c.color(b, 'innerColor', 'background.border');
  c.number(b, 'width', 'background.border', 0.1, 100);
  c.number(b, 'inset', 'background.border', 0, 1000);
  c.number(b, 'innerGap', 'background.border', 0.1, 1000, false);
}

/** Checks untrusted JSON and returns it typed, or throws a {@link TemplateValidationError}. */
export function validateTemplate(json: unknown): CertificateTemplate {
  const c = new Checker();
  const root = c.object(json, '', [
    '$schema',
    'version',
    'name',
    'page',
    'background',
    'dateStyle',
    'timeZone',
    'fonts',
    'rules',
    'images',
    'badge',
    'texts',
    'qr',
  ]);
  if (root === undefined) throw new TemplateValidationError(c.issues);
  if (root.version !== 1) c.fail('version', 'must be 1');
  c.string(root, 'name', '', false);
  checkPage(c, root.page);
  checkBackground(c, root.background);
  c.oneOf(root, 'dateStyle', '', DATE_STYLES);
  const tz = c.string(root, 'timeZone', '', false);
  if (tz !== undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
    } catch {
      c.fail('timeZone', `unknown time zone "${tz}"`);
    }
  }
  const fonts = checkFonts(c, root.fonts);
  c.array(root, 'rules', '').forEach((r, i) => {
    const rule = c.object(r, `rules[${i}]`, ['x1', 'y1', 'x2', 'y2', 'color', 'width']);
    if (rule === undefined) return;
    for (const k of ['x1', 'y1', 'x2', 'y2'])
      c.number(rule, k, `rules[${i}]`, -MAX_COORD, MAX_COORD);
    c.color(rule, 'color', `rules[${i}]`);
    c.number(rule, 'width', `rules[${i}]`, 0.1, 100, false);
  });
  c.array(root, 'images', '').forEach((im, i) => {
    const img = c.object(im, `images[${i}]`, ['asset', 'x', 'y', 'width', 'height', 'opacity']);
    if (img === undefined) return;
    c.string(img, 'asset', `images[${i}]`);
    c.box(img, `images[${i}]`);
    c.number(img, 'opacity', `images[${i}]`, 0, 1, false);
  });
  if (root.badge !== undefined) {
    const badge = c.object(root.badge, 'badge', ['x', 'y', 'width', 'height']);
    if (badge !== undefined) c.box(badge, 'badge');
  }
  if (!Array.isArray(root.texts)) c.fail('texts', 'is required (an array of text fields)');
  else {
    root.texts.forEach((t, i) => {
      checkText(c, t, `texts[${i}]`, fonts);
    });
  }
  if (root.qr !== undefined) {
    const qr = c.object(root.qr, 'qr', ['x', 'y', 'size', 'color', 'errorCorrection']);
    if (qr !== undefined) {
      c.number(qr, 'x', 'qr', -MAX_COORD, MAX_COORD);
      c.number(qr, 'y', 'qr', -MAX_COORD, MAX_COORD);
      c.number(qr, 'size', 'qr', 20, MAX_COORD);
      c.color(qr, 'color', 'qr');
      c.oneOf(qr, 'errorCorrection', 'qr', ['L', 'M', 'Q', 'H']);
    }
  }
  if (c.issues.length > 0) throw new TemplateValidationError(c.issues);
  return json as CertificateTemplate;
}
