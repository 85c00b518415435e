/**
 * Verification of sealed PDF certificates: an implementation of the PAdES checks independent of
 * the sealer (`../pades`), returning a report shaped like `@akashi/core`'s verification report.
 */
export {
  verifyCertificatePdf,
  type CredentialVerifier,
  type VerifyCertificateOptions,
} from './verify-certificate-pdf.js';
export {
  decideCertificateStatus,
  type CertificateCheck,
  type CertificateCheckName,
  type CertificateReport,
  type CertificateStatus,
  type CredentialGeneration,
  type EmbeddedCredential,
  type RevisionInfo,
  type SignatureInfo,
} from './certificate-report.js';
export {
  CERTIFICATE_CODES,
  certificateMessage,
  type CertificateCode,
} from './certificate-messages.js';
