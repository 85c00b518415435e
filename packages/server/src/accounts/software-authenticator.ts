/**
 * Test support: a WebAuthn authenticator in software, written from the specification (WebAuthn
 * Level 3, section 6: authenticator data, 'none' attestation, ES256 assertions) with its own
 * small CBOR encoder, so that the server's verification (@simplewebauthn/server) is checked
 * against an independent implementation rather than against itself. Not for production code.
 *
 *   const authenticator = createSoftwareAuthenticator({ origin, rpId });
 *   const answer = authenticator.register(options);      // to POST /account/passkeys
 *   const assertion = authenticator.assert(options);     // to POST /session/second-factor
 */
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';

type Cbor = number | string | Uint8Array | ReadonlyMap<number | string, Cbor>;

/** CBOR head: major type and argument (RFC 8949 section 3). */
const cborHead = (major: number, value: number): Buffer => {
  if (value < 24) return Buffer.from([(major << 5) | value]);
  if (value < 0x100) return Buffer.from([(major << 5) | 24, value]);
  if (value < 0x10000) return Buffer.from([(major << 5) | 25, value >> 8, value & 0xff]);
  const head = Buffer.alloc(5);
  head[0] = (major << 5) | 26;
  head.writeUInt32BE(value, 1);
  return head;
};

/** Just the CBOR that attestation objects and COSE keys use. */
export const encodeCbor = (value: Cbor): Buffer => {
  if (typeof value === 'number') {
    return value >= 0 ? cborHead(0, value) : cborHead(1, -1 - value);
  }
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    return Buffer.concat([cborHead(3, bytes.length), bytes]);
  }
  if (value instanceof Uint8Array) return Buffer.concat([cborHead(2, value.length), value]);
  const parts = [cborHead(5, value.size)];
  for (const [key, item] of value) parts.push(encodeCbor(key), encodeCbor(item));
  return Buffer.concat(parts);
};

const sha256 = (data: Buffer | string): Buffer => createHash('sha256').update(data).digest();
const b64url = (data: Buffer): string => data.toString('base64url');

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

export interface SoftwareAuthenticatorOptions {
  readonly origin: string;
  readonly rpId: string;
}

export interface CeremonyOptions {
  /** Ask for user verification (default true). */
  readonly userVerified?: boolean;
  /** Pretend to be on another origin (a phishing site). */
  readonly origin?: string;
  /** Corrupt the signature. */
  readonly badSignature?: boolean;
}

export interface SoftwareAuthenticator {
  /** The credential id, base64url. */
  readonly credentialId: string;
  register(
    options: { challenge: string; user: { id: string } },
    ceremony?: CeremonyOptions,
  ): {
    id: string;
    rawId: string;
    type: 'public-key';
    response: { clientDataJSON: string; attestationObject: string; transports: string[] };
    clientExtensionResults: Record<string, never>;
    authenticatorAttachment: 'platform';
  };
  assert(
    options: { challenge: string },
    ceremony?: CeremonyOptions,
  ): {
    id: string;
    rawId: string;
    type: 'public-key';
    response: {
      clientDataJSON: string;
      authenticatorData: string;
      signature: string;
      userHandle: string;
    };
    clientExtensionResults: Record<string, never>;
    authenticatorAttachment: 'platform';
  };
}

export const createSoftwareAuthenticator = ({
  origin,
  rpId,
}: SoftwareAuthenticatorOptions): SoftwareAuthenticator => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' });
  const credentialId = randomBytes(32);
  // COSE_Key (RFC 9053): kty EC2 (2), alg ES256 (-7), crv P-256 (1), x, y.
  const coseKey = encodeCbor(
    new Map<number, Cbor>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, Buffer.from(jwk.x as string, 'base64url')],
      [-3, Buffer.from(jwk.y as string, 'base64url')],
    ]),
  );
  let counter = 0;
  let userHandle = '';
  const clientData = (type: string, challenge: string, ceremony: CeremonyOptions): Buffer =>
    Buffer.from(
      JSON.stringify({ type, challenge, origin: ceremony.origin ?? origin, crossOrigin: false }),
    );
  const flags = (ceremony: CeremonyOptions, extra = 0): number =>
    FLAG_UP | (ceremony.userVerified === false ? 0 : FLAG_UV) | extra;
  const count = (): Buffer => {
    const bytes = Buffer.alloc(4);
    bytes.writeUInt32BE(counter);
    return bytes;
  };
  const id = b64url(credentialId);

  return {
    credentialId: id,
    register: (options, ceremony = {}) => {
      userHandle = options.user.id;
      const idLength = Buffer.alloc(2);
      idLength.writeUInt16BE(credentialId.length);
      const authData = Buffer.concat([
        sha256(rpId),
        Buffer.from([flags(ceremony, FLAG_AT)]),
        count(),
        Buffer.alloc(16), // AAGUID: none
        idLength,
        credentialId,
        coseKey,
      ]);
      const attestationObject = encodeCbor(
        new Map<string, Cbor>([
          ['fmt', 'none'],
          ['attStmt', new Map()],
          ['authData', authData],
        ]),
      );
      return {
        id,
        rawId: id,
        type: 'public-key',
        response: {
          clientDataJSON: b64url(clientData('webauthn.create', options.challenge, ceremony)),
          attestationObject: b64url(attestationObject),
          transports: ['internal'],
        },
        clientExtensionResults: {},
        authenticatorAttachment: 'platform',
      };
    },
    assert: (options, ceremony = {}) => {
      counter += 1;
      const authenticatorData = Buffer.concat([
        sha256(rpId),
        Buffer.from([flags(ceremony)]),
        count(),
      ]);
      const clientDataJSON = clientData('webauthn.get', options.challenge, ceremony);
      const signature = sign(
        'sha256',
        Buffer.concat([authenticatorData, sha256(clientDataJSON)]),
        privateKey,
      );
      if (ceremony.badSignature === true) signature.writeUInt8(signature.readUInt8(20) ^ 0xff, 20);
      return {
        id,
        rawId: id,
        type: 'public-key',
        response: {
          clientDataJSON: b64url(clientDataJSON),
          authenticatorData: b64url(authenticatorData),
          signature: b64url(signature),
          userHandle,
        },
        clientExtensionResults: {},
        authenticatorAttachment: 'platform',
      };
    },
  };
};
