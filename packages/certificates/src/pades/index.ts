/**
 * PAdES sealing: `sealPdf` signs any PDF by incremental update at baseline level B-B, B-T, B-LT
 * or B-LTA; `appendDss` and `appendDocumentTimestamp` are the building blocks for long-term
 * renewal of an already sealed file.
 */
export { sealPdf, appendDocumentTimestamp } from './seal.js';
export type { PadesLevel, SealOptions } from './seal.js';
export { appendDss } from './dss.js';
export type { DssData } from './dss.js';
export { buildCadesSignature, cmsCertificates } from './cms.js';
export type { CadesSignature } from './cms.js';
export { PdfSyntaxError } from './pdf-syntax.js';
