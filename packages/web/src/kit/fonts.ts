/**
 * Japanese text that looks right on every machine: Noto Sans JP (variable weight, OFL) from
 * `@fontsource-variable/noto-sans-jp`, served by the platform itself in the package's
 * unicode-range slices (124 WOFF2 files), so a browser downloads only the slices a page's
 * characters need, and only when the visitor has no Japanese system font listed before it
 * (Hiragino on Apple devices). `font-display: swap`: text shows at once in a fallback font.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import './fastify-augment.js';

const require = createRequire(import.meta.url);
const FONT_CSS_PATH = require.resolve('@fontsource-variable/noto-sans-jp/index.css');
const FONT_DIRECTORY = join(dirname(FONT_CSS_PATH), 'files');

/** The package's @font-face rules with their URLs pointing at `/assets/fonts/`. */
export const FONT_CSS = readFileSync(FONT_CSS_PATH, 'utf8').replaceAll(
  'url(./files/',
  'url(/assets/fonts/',
);

const FONT_FILE = /^noto-sans-jp-[\w-]+\.woff2?$/;

/** Each slice read from disk once, then served from memory (at most the 5.5 MB of slices). */
const slices = new Map<string, Promise<Buffer | undefined>>();
const SLICE_NAMES = new Set(readdirSync(FONT_DIRECTORY));
const readFontFile = (file: string): Promise<Buffer | undefined> => {
  if (!SLICE_NAMES.has(file)) return Promise.resolve(undefined);
  let slice = slices.get(file);
  if (slice === undefined) {
    slice = readFile(join(FONT_DIRECTORY, file)).catch(() => undefined);
    slices.set(file, slice);
  }
  return slice;
};

export const registerFonts = (app: FastifyInstance): void => {
  app.get<{ Params: { file: string } }>(
    '/assets/fonts/:file',
    { schema: { hide: true } },
    async (request, reply) => {
      const { file } = request.params;
      if (!FONT_FILE.test(file)) return reply.code(404).type('text/plain').send('Not found');
      const bytes = await readFontFile(file);
      if (bytes === undefined) return reply.code(404).type('text/plain').send('Not found');
      return reply
        .header('content-type', file.endsWith('.woff2') ? 'font/woff2' : 'font/woff')
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('cross-origin-resource-policy', 'same-origin')
        .send(bytes);
    },
  );
};
