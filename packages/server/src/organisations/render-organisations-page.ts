/**
 * HTML escaping for the server's few self-contained HTML pages (badge, achievement and issuer
 * pages). The public list of organisations that this module once rendered is now the web app's
 * page at `/organisations` (@akashi/web).
 */

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe in HTML element content and quoted attribute values. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
