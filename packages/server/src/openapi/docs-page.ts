/**
 * The API reference page at /api/docs: one static HTML page whose small script reads
 * /api/openapi.json and lists every operation (parameters, request body, responses) and every
 * error code. Nothing is loaded from elsewhere; the inline script and style are allowed by their
 * hashes in the page's Content-Security-Policy, and the script builds the page with textContent
 * only (no HTML from the document is ever interpreted).
 */
import { createHash } from 'node:crypto';

const STYLE = `
body { font: 15px/1.5 system-ui, -apple-system, "Hiragino Sans", "Noto Sans JP", sans-serif;
  margin: 0 auto; max-width: 60rem; padding: 1rem 1.5rem 4rem; color: #1d2330; }
h1 { margin-bottom: 0; } h2 { margin-top: 2.5rem; border-bottom: 1px solid #d8dce4; }
.meta { color: #5b6475; margin-top: .25rem; }
section.op { border: 1px solid #d8dce4; border-radius: 6px; margin: 1rem 0; padding: .5rem 1rem; }
.method { display: inline-block; min-width: 4.5rem; font-weight: 700; text-transform: uppercase; }
.get { color: #1f6feb; } .post { color: #1a7f37; } .put, .patch { color: #9a6700; } .delete { color: #cf222e; }
code, pre { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; }
pre { background: #f5f7fa; padding: .5rem; overflow-x: auto; border-radius: 4px; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .25rem .5rem;
  border-bottom: 1px solid #e5e8ee; vertical-align: top; }
details > summary { cursor: pointer; color: #5b6475; }
`;

const SCRIPT = `
(async () => {
  const main = document.getElementById('main');
  const el = (tag, text, className) => {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  };
  const schemaBlock = (label, schema) => {
    const details = el('details');
    details.append(el('summary', label), el('pre', JSON.stringify(schema, null, 2)));
    return details;
  };
  let doc;
  try {
    const response = await fetch('openapi.json', { headers: { accept: 'application/json' } });
    doc = await response.json();
  } catch (error) {
    main.append(el('p', 'Could not load openapi.json: ' + error));
    return;
  }
  document.title = doc.info.title + ' ' + doc.info.version;
  main.append(el('h1', doc.info.title), el('p', 'Version ' + doc.info.version + ' · OpenAPI ' +
    doc.openapi + ' · ' + (doc.servers || []).map((s) => s.url).join(', '), 'meta'),
    el('p', doc.info.description));
  const raw = el('a', 'openapi.json');
  raw.href = 'openapi.json';
  const rawLine = el('p', 'Machine-readable: ');
  rawLine.append(raw);
  main.append(rawLine);
  const groups = new Map();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const tag = (op.tags && op.tags[0]) || 'other';
      if (!groups.has(tag)) groups.set(tag, []);
      groups.get(tag).push([method, path, op]);
    }
  }
  for (const [tag, ops] of groups) {
    main.append(el('h2', tag));
    for (const [method, path, op] of ops) {
      const section = el('section', undefined, 'op');
      const title = el('h3');
      title.append(el('span', method, 'method ' + method), el('code', path));
      section.append(title);
      if (op.summary) section.append(el('p', op.summary));
      if (op.description) section.append(el('p', op.description));
      if (op.parameters && op.parameters.length) {
        const table = el('table');
        const head = el('tr');
        for (const h of ['parameter', 'in', 'required', 'schema']) head.append(el('th', h));
        table.append(head);
        for (const p of op.parameters) {
          const row = el('tr');
          row.append(el('td', p.name), el('td', p.in), el('td', p.required ? 'yes' : 'no'),
            el('td', JSON.stringify(p.schema)));
          table.append(row);
        }
        section.append(table);
      }
      if (op.requestBody) {
        const content = op.requestBody.content['application/json'];
        section.append(schemaBlock('Request body (application/json)', content && content.schema));
      }
      for (const [status, response] of Object.entries(op.responses || {})) {
        const content = response.content && response.content['application/json'];
        const label = status + ' ' + (response.description || '');
        section.append(content ? schemaBlock(label, content.schema) : el('p', label));
      }
      main.append(section);
    }
  }
  main.append(el('h2', 'Error codes'));
  const table = el('table');
  const head = el('tr');
  for (const h of ['code', 'status', 'message (en)', 'message (ja)']) head.append(el('th', h));
  table.append(head);
  for (const e of doc['x-error-codes'] || []) {
    const row = el('tr');
    row.append(el('td', e.code), el('td', String(e.status)), el('td', e.message.en),
      el('td', e.message.ja));
    table.append(row);
  }
  main.append(table);
  const envelope = doc.components && doc.components.schemas && doc.components.schemas.ErrorEnvelope;
  if (envelope) main.append(schemaBlock('ErrorEnvelope schema', envelope));
})();
`;

const hash = (text: string): string =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export const DOCS_PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Akashi API</title>
<style>${STYLE}</style>
</head>
<body>
<main id="main"><noscript>This page needs JavaScript; the raw document is at <a href="openapi.json">openapi.json</a>.</noscript></main>
<script>${SCRIPT}</script>
</body>
</html>
`;

/** Only the page's own inline script and style, and fetching from this origin. */
export const DOCS_PAGE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `script-src ${hash(SCRIPT)}`,
  `style-src ${hash(STYLE)}`,
  "connect-src 'self'",
  "img-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
