/** `@akashi/web`: the web app's pages as one Fastify plugin, and the kit they are built with. */
export {
  registerWebApp,
  PAGE_CONTENT_SECURITY_POLICY,
  type WebAppOptions,
} from './register-web-app.js';
export { sendNotFoundPage } from './kit/not-found.js';
export { pickLanguage, pickPageLanguage, type Language } from './kit/language.js';
export { formatDate, formatDateTime, formatWareki, type CalendarPreference } from './kit/dates.js';
export { html, raw, escapeHtml, SafeHtml, type HtmlValue } from './kit/html.js';
export { renderLayout, type LayoutOptions } from './kit/layout.js';
export { openPage, sendHtml, type Page, type WebContext } from './kit/page.js';
export { assetHref } from './kit/assets.js';
