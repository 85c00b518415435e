/**
 * The badge page's one style sheet, inline and allowed by its hash, and the page's
 * Content-Security-Policy: no script at all, images only from the platform itself (and data:
 * URLs), forms only to the platform itself, nothing may frame the page.
 */
import { createHash } from 'node:crypto';

export const BADGE_PAGE_STYLE = `
:root { color-scheme: light; }
body { font: 16px/1.7 system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Noto Sans JP Variable", "Noto Sans JP", sans-serif;
  margin: 0; color: #1d2330; background: #f6f7f9; }
a { color: #1a56b0; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; }
header, main, footer { max-width: 52rem; margin: 0 auto; padding: 0 1.25rem; }
header { display: flex; justify-content: space-between; align-items: center; padding-top: 1rem; font-size: 14px; }
.card { background: #fff; border: 1px solid #e1e5ec; border-radius: 12px; padding: 1.25rem 1.5rem; margin: 1rem 0; }
.hero { display: flex; gap: 1.5rem; align-items: flex-start; flex-wrap: wrap; }
.hero img { width: 180px; height: 180px; object-fit: contain; flex: none; }
.hero div { flex: 1 1 16rem; min-width: 0; }
h1 { font-size: 1.6rem; line-height: 1.35; margin: 0 0 .5rem; overflow-wrap: anywhere; }
h2 { font-size: 1.15rem; margin: 0 0 .75rem; }
h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
p { margin: .25rem 0 .75rem; overflow-wrap: anywhere; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .35rem 1rem; margin: 0; }
dt { font-weight: 600; color: #4a5364; } dd { margin: 0; overflow-wrap: anywhere; }
.status { display: inline-block; font-weight: 700; padding: .15rem .7rem; border-radius: 999px; }
.s-active, .o-passed, .v-valid { background: #e3f4e8; color: #17652f; }
.s-revoked, .o-failed, .v-invalid, .v-revoked, .v-unreadable { background: #fde8e8; color: #a11b1b; }
.s-suspended, .s-expired, .s-not-yet-valid, .v-suspended, .v-expired, .v-not-yet-valid,
.o-error, .v-indeterminate { background: #fff3d6; color: #7a4b00; }
.o-skipped { background: #eef0f4; color: #4a5364; }
.notice { border-left: 4px solid #d08a00; background: #fffaf0; padding: .75rem 1rem; margin: 1rem 0; }
.vetting { font-size: 14px; color: #3a4354; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: .45rem .5rem; border-bottom: 1px solid #e5e8ee; vertical-align: top; }
td:last-child { overflow-wrap: anywhere; }
ul.downloads { padding-left: 1.2rem; margin: .5rem 0 0; }
form { display: flex; flex-wrap: wrap; gap: .5rem; align-items: flex-end; }
label { display: block; font-weight: 600; width: 100%; }
input[type=email] { font: inherit; padding: .4rem .6rem; border: 1px solid #b9c0cc; border-radius: 6px; flex: 1 1 16rem; }
button { font: inherit; padding: .4rem 1rem; border: 0; border-radius: 6px; background: #1a56b0; color: #fff; }
.result { font-weight: 600; margin-top: .75rem; }
footer { font-size: 13px; color: #5b6475; padding-bottom: 3rem; }
@media (max-width: 36rem) {
  .hero img { width: 128px; height: 128px; }
  dl { grid-template-columns: 1fr; } dt { margin-top: .4rem; }
  th, td { padding: .35rem .3rem; }
}
`;

const styleHash = createHash('sha256').update(BADGE_PAGE_STYLE, 'utf8').digest('base64');

export const BADGE_PAGE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  // The inline sheet by its hash, and the web font's @font-face sheet from the platform.
  `style-src 'self' 'sha256-${styleHash}'`,
  "font-src 'self'",
  "img-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');
