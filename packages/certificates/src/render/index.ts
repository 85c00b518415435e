/**
 * Certificate rendering: a JSON template (validated at run time) and the credential become a PDF
 * with Japanese text (HarfBuzz-subset fonts), a vector QR code to the verification page, and
 * the credential embedded as associated files.
 */
export {
  buildCertificateDocument,
  getDefaultTemplate,
  renderCertificate,
  type BuiltCertificate,
} from './render.js';
export {
  ASSERTION_FILE_NAME,
  CREDENTIAL_FILE_NAME,
  extractEmbeddedCredentials,
  type EmbeddedAttachment,
} from './attachments.js';
export { formatCertificateDate } from './dates.js';
export { builtinFontPath } from './fonts.js';
export { wrapText } from './line-break.js';
export { PLACEHOLDER_NAMES } from './placeholders.js';
export { MissingGlyphsError } from './text-layout.js';
export {
  TemplateValidationError,
  validateTemplate,
  type TemplateIssue,
} from './template-validate.js';
export {
  PAGE_SIZES,
  type BorderSpec,
  type BuiltinFontName,
  type CertificateData,
  type CertificateTemplate,
  type DateStyle,
  type FontSource,
  type ImageBox,
  type ImageField,
  type JsonSource,
  type PageSizeName,
  type QrSpec,
  type RecipientNames,
  type RenderInput,
  type RuleSpec,
  type TextAlign,
  type TextField,
} from './template-types.js';
