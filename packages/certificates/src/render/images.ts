/**
 * Images (badge, logos, background) for many certificates. pdf-lib decodes a PNG and deflates
 * its pixels again on every embed — milliseconds per image per PDF — so each distinct image is
 * converted once (in a scratch document) and its finished image streams are cached and copied
 * into every certificate. PNG and JPEG are supported; SVG is not (convert badges to PNG).
 */
import { createHash } from 'node:crypto';
import {
  PDFDocument,
  PDFName,
  PDFRawStream,
  PDFRef,
  concatTransformationMatrix,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
  setGraphicsState,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib';

interface PreparedImage {
  readonly width: number;
  readonly height: number;
  readonly stream: PDFRawStream;
  readonly smask?: PDFRawStream;
}

export type ImageKind = 'png' | 'jpeg';

/** The image format from its first bytes; throws a clear error for anything else. */
export function imageKind(bytes: Uint8Array, label: string): ImageKind {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47)
    return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  const head = new TextDecoder().decode(bytes.subarray(0, 256)).trimStart();
  if (head.startsWith('<svg') || head.startsWith('<?xml')) {
    throw new Error(`${label} is SVG, which is not supported: provide a PNG or JPEG`);
  }
  throw new Error(`${label} is neither PNG nor JPEG`);
}

/** The bytes of a `data:image/png;base64,…` or `data:image/jpeg;base64,…` URI, else undefined. */
export function imageFromDataUri(uri: string): Uint8Array | undefined {
  const m = /^data:image\/(png|jpeg|jpg);base64,([A-Za-z0-9+/=\s]+)$/i.exec(uri);
  return m?.[2] === undefined ? undefined : new Uint8Array(Buffer.from(m[2], 'base64'));
}

const byIdentity = new WeakMap<Uint8Array, Promise<PreparedImage>>();
const byHash = new Map<string, Promise<PreparedImage>>();
const CACHE_SIZE = 64;

async function prepare(bytes: Uint8Array, label: string): Promise<PreparedImage> {
  const kind = imageKind(bytes, label);
  const scratch = await PDFDocument.create({ updateMetadata: false });
  const image = kind === 'png' ? await scratch.embedPng(bytes) : await scratch.embedJpg(bytes);
  await image.embed();
  const stream = scratch.context.lookup(image.ref);
  if (!(stream instanceof PDFRawStream)) throw new Error(`${label}: pdf-lib made no image stream`);
  const smaskRef = stream.dict.get(PDFName.of('SMask'));
  const smaskObj = smaskRef instanceof PDFRef ? scratch.context.lookup(smaskRef) : undefined;
  const smask = smaskObj instanceof PDFRawStream ? smaskObj : undefined;
  return {
    width: image.width,
    height: image.height,
    stream,
    ...(smask === undefined ? {} : { smask }),
  };
}

/** The prepared image for these bytes (cached by identity, then by content hash). */
export function prepareImage(bytes: Uint8Array, label: string): Promise<PreparedImage> {
  const known = byIdentity.get(bytes);
  if (known !== undefined) return known;
  const hash = createHash('sha256').update(bytes).digest('hex');
  let prepared = byHash.get(hash);
  if (prepared === undefined) {
    prepared = prepare(bytes, label);
    byHash.set(hash, prepared);
    // A failed image is not cached.
    prepared.catch(() => byHash.delete(hash));
    if (byHash.size > CACHE_SIZE) {
      const oldest = byHash.keys().next().value;
      if (oldest !== undefined) byHash.delete(oldest);
    }
  }
  byIdentity.set(bytes, prepared);
  return prepared;
}

export interface Box {
  /** Bottom-left corner in PDF coordinates. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Copies a prepared image into the page's document and draws it centred in the box, aspect
 * ratio kept (`stretch` fills the box instead).
 */
export function drawPreparedImage(
  page: PDFPage,
  image: PreparedImage,
  box: Box,
  options: { readonly opacity?: number; readonly stretch?: boolean } = {},
): void {
  const context = page.doc.context;
  const stream = image.stream.clone(context);
  if (image.smask !== undefined) {
    stream.dict.set(PDFName.of('SMask'), context.register(image.smask.clone(context)));
  }
  const name = page.node.newXObject('Image', context.register(stream));
  let { width, height } = box;
  if (options.stretch !== true) {
    const scale = Math.min(box.width / image.width, box.height / image.height);
    width = image.width * scale;
    height = image.height * scale;
  }
  const x = box.x + (box.width - width) / 2;
  const y = box.y + (box.height - height) / 2;
  const ops: PDFOperator[] = [pushGraphicsState()];
  if (options.opacity !== undefined && options.opacity < 1) {
    const gs = context.obj({ Type: 'ExtGState', ca: options.opacity, CA: options.opacity });
    ops.push(setGraphicsState(page.node.newExtGState('GS', gs)));
  }
  ops.push(
    concatTransformationMatrix(width, 0, 0, height, x, y),
    drawObject(name),
    popGraphicsState(),
  );
  page.pushOperators(...ops);
}
