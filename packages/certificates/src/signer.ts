/**
 * What seals a PDF: a signer that is given only a SHA-256 digest (of the CMS signed attributes)
 * and returns the signature value — a local PKCS#12 key (`signers/`) or a remote signing service
 * speaking the Cloud Signature Consortium API v2 (`signers/`), which never sees the document.
 */
export type SignatureAlgorithm = 'rsa-pkcs1-sha256' | 'ecdsa-p256-sha256';

export interface DigestSigner {
  readonly algorithm: SignatureAlgorithm;
  /** The signer's certificate chain, leaf first, as DER. */
  readonly certificates: () => Promise<readonly Uint8Array[]>;
  /**
   * The signature over a SHA-256 digest: RSA PKCS#1 v1.5 (DigestInfo) or ECDSA P-256 as DER
   * `Ecdsa-Sig-Value` — the bytes that go into the CMS SignerInfo's `signature`.
   */
  readonly signDigest: (sha256: Uint8Array) => Promise<Uint8Array>;
}

/** An RFC 3161 time-stamping authority: a token for a SHA-256 digest. */
export interface TimestampAuthority {
  /** The TimeStampToken (a CMS ContentInfo, DER), nonce and imprint already checked. */
  readonly timestamp: (sha256: Uint8Array) => Promise<Uint8Array>;
}
