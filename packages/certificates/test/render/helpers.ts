/**
 * Test helpers for rendering: sample credentials, a tiny PNG encoder (no image library needed),
 * poppler tools as oracles, and a PPM (P6) reader to look at rasterised pages.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

export const NAME = '髙橋 﨑子';
export const ACHIEVEMENT = 'データサイエンス基礎（応用基礎レベル）';
export const ISSUER = '国立髙﨑大学 数理・データサイエンス教育センター';
export const VERIFY_URL =
  'https://badges.example.ac.jp/verify/0f3c2a1b-9d7e-4c55-8a10-2b3c4d5e6f70';

export function sampleCredential(extra: Record<string, unknown> = {}): string {
  return JSON.stringify(
    {
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ],
      id: 'urn:uuid:0f3c2a1b-9d7e-4c55-8a10-2b3c4d5e6f70',
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: 'https://badges.example.ac.jp/issuers/1', type: ['Profile'], name: ISSUER },
      validFrom: '2025-03-31T15:00:00Z',
      validUntil: '2029-03-31',
      credentialSubject: {
        type: ['AchievementSubject'],
        creditsEarned: 2,
        achievement: {
          id: 'https://badges.example.ac.jp/achievements/ds',
          type: ['Achievement'],
          name: ACHIEVEMENT,
          ...extra,
        },
      },
    },
    null,
    2,
  );
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An RGBA PNG: a gold disc with a dark ring on a transparent background. */
export function badgePng(size = 96): Uint8Array {
  const rows: Buffer[] = [];
  const c = (size - 1) / 2;
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x += 1) {
      const d = Math.hypot(x - c, y - c) / c;
      const px = d > 1 ? [0, 0, 0, 0] : d > 0.85 ? [31, 58, 95, 255] : [214, 170, 80, 255];
      row.set(px, 1 + x * 4);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** Runs a poppler tool on the PDF bytes (written to a temp file) and returns stdout. */
export function poppler(tool: string, args: readonly string[], pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'akashi-render-'));
  try {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, pdf);
    return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], {
      encoding: 'utf8',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface Raster {
  readonly width: number;
  readonly height: number;
  readonly rgb: Uint8Array;
}

/** The first page rasterised by `pdftoppm` at `dpi` (as a P6 PPM). */
export function rasterise(pdf: Uint8Array, dpi: number): Raster {
  const dir = mkdtempSync(join(tmpdir(), 'akashi-render-'));
  try {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, pdf);
    execFileSync('pdftoppm', [
      '-r',
      String(dpi),
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      file,
      join(dir, 'page'),
    ]);
    const ppm = readFileSync(join(dir, 'page.ppm'));
    // Header: "P6\n<w> <h>\n<max>\n" (no comments from pdftoppm).
    const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 40).toString('latin1'));
    if (header === null) throw new Error('not a P6 PPM');
    const offset = header[0].length;
    return { width: Number(header[1]), height: Number(header[2]), rgb: ppm.subarray(offset) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function countNonWhite(r: Raster): number {
  let n = 0;
  for (let i = 0; i + 2 < r.rgb.length; i += 3) {
    if ((r.rgb[i] ?? 255) < 200 || (r.rgb[i + 1] ?? 255) < 200 || (r.rgb[i + 2] ?? 255) < 200)
      n += 1;
  }
  return n;
}

/** Is the pixel at (x, y) dark? */
export function isDark(r: Raster, x: number, y: number): boolean {
  const i = (Math.round(y) * r.width + Math.round(x)) * 3;
  return (r.rgb[i] ?? 255) + (r.rgb[i + 1] ?? 255) + (r.rgb[i + 2] ?? 255) < 3 * 128;
}
