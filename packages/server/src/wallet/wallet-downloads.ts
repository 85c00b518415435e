/**
 * The files a wallet badge can be downloaded as (ADR 0010, "Export"): the original bytes as
 * imported (PNG, SVG, PDF), the credential JSON (`application/vc+ld+json` for OB 3.0, JSON for an
 * OB 2.0 assertion), the compact JWT (`application/vc+jwt`; an OB 2.0 signed assertion is a JWS,
 * `application/jose`), and for an award of this platform its baked image, made in process like
 * `GET /badges/:awardId/image` (PNG, or SVG when the achievement's image is one). File names
 * come from the badge's name, with an ASCII fallback and an RFC 5987 `filename*` for Japanese.
 */
import { readAward } from '../awards/award.js';
import { bakeAward } from '../awards/award-documents.js';
import type { AppContext } from '../http/app-context.js';
import { ServerError } from '../http/server-error.js';
import type { WalletDownloadFormat } from './wallet-schemas.js';
import type { WalletCredentialsTable } from './wallet-tables.js';

export interface WalletFile {
  readonly mediaType: string;
  readonly extension: string;
  readonly bytes: Uint8Array;
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/png': 'png',
  'image/svg+xml': 'svg',
  'application/pdf': 'pdf',
};

/** A name safe as a file name on every system: no separators, controls or reserved marks. */
export const safeFileName = (name: string | null, fallback: string): string => {
  const cleaned = (name ?? '')
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/[\\/:*?"<>|]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 80)
    .trim();
  return cleaned === '' ? fallback : cleaned;
};

const encodeRfc5987 = (text: string): string =>
  encodeURIComponent(text).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/** `attachment` with an ASCII `filename` and, when the name is not ASCII, `filename*`. */
export const contentDisposition = (fileName: string, asciiFallback: string): string => {
  const ascii = /^[\x20-\x7e]+$/.test(fileName) ? fileName.replace(/["\\]/g, '_') : asciiFallback;
  return ascii === fileName
    ? `attachment; filename="${ascii}"`
    : `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
};

export const credentialJsonFile = (row: WalletCredentialsTable): WalletFile => ({
  mediaType: row.ob_version === 3 ? 'application/vc+ld+json' : 'application/json',
  extension: 'json',
  bytes: new TextEncoder().encode(
    JSON.stringify(JSON.parse(row.credential) as unknown, null, 2) + '\n',
  ),
});

export const credentialJwtFile = (row: WalletCredentialsTable): WalletFile | undefined =>
  row.credential_jwt === null
    ? undefined
    : {
        mediaType: row.ob_version === 3 ? 'application/vc+jwt' : 'application/jose',
        extension: row.ob_version === 3 ? 'jwt' : 'jws',
        bytes: new TextEncoder().encode(row.credential_jwt),
      };

export const originalFile = (row: WalletCredentialsTable): WalletFile | undefined => {
  if (row.original === null || row.original_media_type === null) return undefined;
  return {
    mediaType: row.original_media_type,
    extension: EXTENSIONS[row.original_media_type] ?? 'bin',
    bytes: new Uint8Array(Buffer.from(row.original, 'base64')),
  };
};

const unavailable = (format: WalletDownloadFormat) =>
  new ServerError('ERR_WALLET_DOWNLOAD_UNAVAILABLE', { params: { format } });

export const readWalletFile = async (
  context: AppContext,
  row: WalletCredentialsTable,
  format: WalletDownloadFormat,
): Promise<WalletFile> => {
  switch (format) {
    case 'original':
      return originalFile(row) ?? Promise.reject(unavailable(format));
    case 'json':
      return credentialJsonFile(row);
    case 'jwt':
      return credentialJwtFile(row) ?? Promise.reject(unavailable(format));
    case 'png': {
      if (row.award_id === null) throw unavailable(format);
      const baked = await bakeAward(context, await readAward(context.db, row.award_id), 'ob3');
      return {
        mediaType: baked.mediaType,
        extension: EXTENSIONS[baked.mediaType] ?? 'png',
        bytes: baked.image,
      };
    }
  }
};
