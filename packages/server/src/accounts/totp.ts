/**
 * TOTP (RFC 6238) as authenticator apps expect it: SHA-1, 6 digits, 30-second steps, a 160-bit
 * random secret. A code is accepted one step either side of now (clock drift), and only once:
 * the step of the last accepted code is stored (`users.totp_last_step`) and a code of that step
 * or an earlier one is refused (RFC 6238 section 5.2).
 */
import QRCode from 'qrcode';
import { Secret, TOTP } from 'otpauth';
import type { Database } from '../db/open-database.js';

const ALGORITHM = 'SHA1';
const DIGITS = 6;
const PERIOD = 30;
const WINDOW = 1;

/** A fresh secret, base32 (the form authenticator apps take). */
export const createTotpSecret = (): string => new Secret({ size: 20 }).base32;

export interface TotpEnrolment {
  readonly secret: string;
  readonly uri: string;
  /** The otpauth URI as a QR code: an SVG image in a data: URL. */
  readonly qrCode: string;
}

/** What the user scans or types into an authenticator app. */
export const describeTotpEnrolment = async (
  secret: string,
  { email, publicUrl }: { readonly email: string; readonly publicUrl: string },
): Promise<TotpEnrolment> => {
  const totp = new TOTP({
    issuer: `Akashi (${new URL(publicUrl).host})`,
    label: email,
    secret: Secret.fromBase32(secret),
    algorithm: ALGORITHM,
    digits: DIGITS,
    period: PERIOD,
  });
  const uri = totp.toString();
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return {
    secret,
    uri,
    qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
  };
};

/** The time step of `code` if it is good at `now` (within the window), else null. */
export const matchTotpCode = (secret: string, code: string, now: Date): number | null => {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const timestamp = now.getTime();
  const delta = TOTP.validate({
    token,
    secret: Secret.fromBase32(secret),
    algorithm: ALGORITHM,
    digits: DIGITS,
    period: PERIOD,
    timestamp,
    window: WINDOW,
  });
  return delta === null ? null : TOTP.counter({ period: PERIOD, timestamp }) + delta;
};

/**
 * Accepts `code` for the user when it is good now and newer than the last code accepted; records
 * its step. False for a wrong, stale or replayed code.
 */
export const acceptTotpCode = async (
  db: Database,
  user: { readonly id: string; readonly totp_secret: string | null },
  code: string,
  now: Date,
): Promise<boolean> => {
  if (user.totp_secret === null) return false;
  const step = matchTotpCode(user.totp_secret, code, now);
  if (step === null) return false;
  const result = await db.kysely
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', user.id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
};
