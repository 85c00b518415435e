/** Pages may load only the app's own style sheet, scripts and images (and data: images). */
export const PAGE_CONTENT_SECURITY_POLICY_VALUE = [
  "default-src 'none'",
  "style-src 'self'",
  "script-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');
