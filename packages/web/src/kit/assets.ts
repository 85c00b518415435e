/**
 * The app's static files (`packages/web/assets/`: one style sheet, small progressive-enhancement
 * scripts), read once at start, served from memory under `/assets/` with a content hash in the
 * link so browsers may keep them for a year.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import './fastify-augment.js';
import { FONT_CSS, registerFonts } from './fonts.js';

interface Asset {
  readonly body: Buffer;
  readonly type: string;
  readonly hash: string;
}

const TYPES: Readonly<Record<string, string>> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export const ASSET_DIRECTORY = fileURLToPath(new URL('../../assets/', import.meta.url));

const loadAssets = (): ReadonlyMap<string, Asset> => {
  const assets = new Map<string, Asset>();
  for (const name of readdirSync(ASSET_DIRECTORY)) {
    const type = TYPES[extname(name)];
    if (type === undefined) continue;
    const body = readFileSync(join(ASSET_DIRECTORY, name));
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
    assets.set(name, { body, type, hash });
  }
  return assets;
};

const ASSETS = loadAssets();
{
  // The web font's @font-face rules are served as one more style sheet (kit/fonts.ts).
  const body = Buffer.from(FONT_CSS, 'utf8');
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  (ASSETS as Map<string, Asset>).set('fonts.css', { body, type: TYPES['.css'] ?? '', hash });
}

/** The link to an asset, with its content hash. */
export const assetHref = (name: string): string => {
  const asset = ASSETS.get(name);
  if (asset === undefined) throw new Error(`No such asset: ${name}`);
  return `/assets/${name}?v=${asset.hash}`;
};

export const registerAssets = (app: FastifyInstance): void => {
  registerFonts(app);
  app.get<{ Params: { name: string } }>(
    '/assets/:name',
    { schema: { hide: true } },
    (request, reply) => {
      const asset = ASSETS.get(request.params.name);
      if (asset === undefined) return reply.code(404).type('text/plain').send('Not found');
      return reply
        .header('content-type', asset.type)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('cross-origin-resource-policy', 'same-origin')
        .send(asset.body);
    },
  );
};
