/**
 * Renders a certificate PDF from a template and the credential: background, border, rules,
 * images, the badge, text fields with placeholders, the verification QR code, and the credential
 * itself embedded as associated files with XMP metadata. Without a template the built-in
 * bilingual design (`assets/default-template.json`) is used.
 */
import { readFileSync } from 'node:fs';
import {
  PDFDocument,
  rectangle,
  pushGraphicsState,
  popGraphicsState,
  setLineWidth,
  setStrokingRgbColor,
  stroke,
} from 'pdf-lib';
import { attachCredentials, setDocumentInfo } from './attachments.js';
import { drawPreparedImage, imageFromDataUri, prepareImage } from './images.js';
import { fillText, jsonDocument, placeholderValues } from './placeholders.js';
import { deflateContentStreams, useNativeDeflate } from './fast-flate.js';
import { drawQrCode } from './qr.js';
import { PAGE_SIZES, type CertificateTemplate, type RenderInput } from './template-types.js';
import { validateTemplate } from './template-validate.js';
import { color, drawTextField, embedFonts, hexRgb, type FilledField } from './text-layout.js';

let defaultTemplate: CertificateTemplate | undefined;

/** The built-in bilingual (Japanese/English) landscape A4 design. */
export function getDefaultTemplate(): CertificateTemplate {
  defaultTemplate ??= validateTemplate(
    JSON.parse(
      readFileSync(new URL('../../assets/default-template.json', import.meta.url), 'utf8'),
    ) as unknown,
  );
  return defaultTemplate;
}

const validated = new WeakSet<CertificateTemplate>();

function checkedTemplate(template: CertificateTemplate | undefined): CertificateTemplate {
  if (template === undefined) return getDefaultTemplate();
  if (!validated.has(template)) {
    validateTemplate(template);
    validated.add(template);
  }
  return template;
}

function pageSize(template: CertificateTemplate): [number, number] {
  const [a, b] =
    typeof template.page.size === 'string' ? PAGE_SIZES[template.page.size] : template.page.size;
  const landscape = template.page.orientation === 'landscape';
  return landscape === a > b ? [a, b] : [b, a];
}

/** The badge image: given bytes, else the achievement's image when it is a PNG/JPEG data: URI. */
function badgeBytes(
  input: RenderInput,
  credential: unknown,
  warnings: string[],
): Uint8Array | undefined {
  if (input.data.badgeImage !== undefined) return input.data.badgeImage;
  const achievement = (credential as { credentialSubject?: { achievement?: { image?: unknown } } })
    .credentialSubject?.achievement;
  const image = achievement?.image;
  const uri = typeof image === 'string' ? image : (image as { id?: unknown } | undefined)?.id;
  if (typeof uri !== 'string') return undefined;
  const bytes = imageFromDataUri(uri);
  if (bytes === undefined)
    warnings.push('the achievement image is not a PNG/JPEG data: URI; no badge drawn');
  return bytes;
}

export interface BuiltCertificate {
  /** The finished document, not yet saved (a sealer may add to it first). */
  readonly document: PDFDocument;
  /** Things the caller may want to know (badge left out, text overflowing its lines). */
  readonly warnings: readonly string[];
}

/** Builds the certificate as a pdf-lib document. */
export async function buildCertificateDocument(input: RenderInput): Promise<BuiltCertificate> {
  const template = checkedTemplate(input.template);
  const assets = input.assets ?? {};
  const now = input.now ?? new Date();
  const warnings: string[] = [];
  const credential = jsonDocument(input.data.credential, 'the credential');
  const assertion =
    input.data.assertion === undefined
      ? undefined
      : jsonDocument(input.data.assertion, 'the assertion');
  const values = placeholderValues(input.data, credential.value, assertion?.value);
  const dateStyle = template.dateStyle ?? 'wareki';
  const timeZone = template.timeZone ?? 'Asia/Tokyo';
  const fields: FilledField[] = [];
  template.texts.forEach((field, index) => {
    const text = fillText(field.text, values, field.dateStyle ?? dateStyle, timeZone);
    if (text !== undefined && text !== '') fields.push({ index, field, text });
  });

  const doc = await PDFDocument.create({ updateMetadata: false });
  useNativeDeflate(doc);
  const [width, height] = pageSize(template);
  const page = doc.addPage([width, height]);
  const fonts = embedFonts(page, template, fields, assets);

  const bg = template.background;
  if (bg?.color !== undefined)
    page.drawRectangle({ x: 0, y: 0, width, height, color: color(bg.color) });
  if (bg?.image !== undefined) {
    const image = await prepareImage(asset(assets, bg.image), `background image "${bg.image}"`);
    drawPreparedImage(page, image, { x: 0, y: 0, width, height }, { stretch: true });
  }
  const border = bg?.border;
  if (border !== undefined) {
    const frame = (inset: number, lineWidth: number, hex: string): void => {
      page.pushOperators(
        pushGraphicsState(),
        setStrokingRgbColor(...hexRgb(hex)),
        setLineWidth(lineWidth),
        rectangle(inset, inset, width - 2 * inset, height - 2 * inset),
        stroke(),
        popGraphicsState(),
      );
    };
    frame(border.inset, border.width, border.color);
    if (border.innerGap !== undefined) {
      frame(
        border.inset + border.innerGap,
        Math.max(0.5, border.width / 3),
        border.innerColor ?? border.color,
      );
    }
  }
  for (const r of template.rules ?? []) {
    page.drawLine({
      start: { x: r.x1, y: height - r.y1 },
      end: { x: r.x2, y: height - r.y2 },
      thickness: r.width ?? 1,
      color: color(r.color),
    });
  }
  for (const [i, im] of (template.images ?? []).entries()) {
    const image = await prepareImage(asset(assets, im.asset), `images[${i}] "${im.asset}"`);
    const box = { x: im.x, y: height - im.y - im.height, width: im.width, height: im.height };
    drawPreparedImage(page, image, box, im.opacity === undefined ? {} : { opacity: im.opacity });
  }
  if (template.badge !== undefined) {
    const bytes = badgeBytes(input, credential.value, warnings);
    if (bytes !== undefined) {
      const b = template.badge;
      const image = await prepareImage(bytes, 'the badge image');
      drawPreparedImage(page, image, {
        x: b.x,
        y: height - b.y - b.height,
        width: b.width,
        height: b.height,
      });
    }
  }
  for (const filled of fields) {
    const font = fonts.get(filled.field.font ?? 'NotoSansJP-Regular');
    if (font === undefined)
      throw new Error(`internal: font for texts[${filled.index}] not embedded`);
    const warning = drawTextField(page, filled, font);
    if (warning !== undefined) warnings.push(warning);
  }
  if (template.qr !== undefined) {
    const q = template.qr;
    drawQrCode(page, input.data.verificationUrl, {
      x: q.x,
      y: height - q.y - q.size,
      size: q.size,
      rgb: hexRgb(q.color ?? '#000000'),
      errorCorrection: q.errorCorrection ?? 'M',
    });
  }

  deflateContentStreams(doc);
  await attachCredentials(doc, credential.bytes, assertion?.bytes, now);
  const achievementName = values.get('achievement.name');
  const issuerName = values.get('issuer.name');
  setDocumentInfo(doc, {
    title: [achievementName, input.data.recipient.name].filter(Boolean).join(' — '),
    ...(issuerName === undefined ? {} : { author: issuerName }),
    subject: `Open Badges certificate${achievementName === undefined ? '' : `: ${achievementName}`}`,
    keywords: ['Open Badges', 'certificate', '証明書', input.data.verificationUrl],
    language: 'ja',
    now,
  });
  return { document: doc, warnings };
}

function asset(assets: Readonly<Record<string, Uint8Array>>, name: string): Uint8Array {
  const bytes = assets[name];
  if (bytes === undefined) throw new Error(`image asset "${name}" was not provided`);
  return bytes;
}

/** Renders a certificate to PDF bytes. */
export async function renderCertificate(input: RenderInput): Promise<Uint8Array> {
  const { document } = await buildCertificateDocument(input);
  return document.save({ useObjectStreams: input.objectStreams ?? false });
}
