/**
 * The verification QR code drawn as vector rectangles from `qrcode`'s module matrix: a form
 * XObject in module units (one rectangle per run of dark modules in a row, all filled at once,
 * so no seams) scaled onto the page — sharp at any zoom and a few hundred bytes in the file.
 */
import { deflateSync } from 'node:zlib';
import QRCode from 'qrcode';
import {
  concatTransformationMatrix,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
  type PDFPage,
} from 'pdf-lib';

export interface QrPlacement {
  /** Bottom-left corner in PDF coordinates. */
  readonly x: number;
  readonly y: number;
  /** Side of the square, the 4-module quiet zone included. */
  readonly size: number;
  readonly rgb: readonly [number, number, number];
  readonly errorCorrection: 'L' | 'M' | 'Q' | 'H';
}

const QUIET_ZONE = 4;

/** The content stream of the symbol, in module units with the origin at the bottom left. */
export function qrContent(
  url: string,
  errorCorrection: QrPlacement['errorCorrection'],
  rgb: readonly number[],
): {
  content: string;
  side: number;
} {
  // One byte-mode segment: skips qrcode's segment optimiser, the URL is bytes anyway.
  const qr = QRCode.create([{ data: Buffer.from(url, 'utf8'), mode: 'byte' }], {
    errorCorrectionLevel: errorCorrection,
  });
  const n = qr.modules.size;
  const data = qr.modules.data;
  const side = n + 2 * QUIET_ZONE;
  const parts = [
    `1 1 1 rg 0 0 ${side} ${side} re f`,
    `${rgb.map((c) => +c.toFixed(4)).join(' ')} rg`,
  ];
  for (let row = 0; row < n; row += 1) {
    const y = side - QUIET_ZONE - row - 1;
    let col = 0;
    while (col < n) {
      if (data[row * n + col] === 0) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < n && data[row * n + col] !== 0) col += 1;
      parts.push(`${QUIET_ZONE + start} ${y} ${col - start} 1 re`);
    }
  }
  parts.push('f');
  return { content: parts.join('\n'), side };
}

/** Draws the QR code of `url` on the page. */
export function drawQrCode(page: PDFPage, url: string, at: QrPlacement): void {
  const { content, side } = qrContent(url, at.errorCorrection, at.rgb);
  const context = page.doc.context;
  const form = context.stream(new Uint8Array(deflateSync(Buffer.from(content, 'latin1'))), {
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [0, 0, side, side],
    Filter: 'FlateDecode',
  });
  const name = page.node.newXObject('QR', context.register(form));
  const scale = at.size / side;
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(scale, 0, 0, scale, at.x, at.y),
    drawObject(name),
    popGraphicsState(),
  );
}
