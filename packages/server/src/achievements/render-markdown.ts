/**
 * A small, safe Markdown renderer for criteria narratives and evidence requirements on public
 * pages. It understands a subset (paragraphs and line breaks, `#` headings, `-`/`*`/`+` and
 * numbered lists, `>` quotes, `**strong**`, `*emphasis*`, `` `code` ``, `[text](url)` links and
 * bare https URLs) and nothing else: every character of the source is HTML-escaped before any
 * tag is added, raw HTML is shown as text, and a link is made only for `http:`, `https:` and
 * `mailto:` URLs (with `rel="nofollow noopener noreferrer"`). Headings start at `<h3>`, since
 * the page has its own `<h1>` and `<h2>`.
 */
import { escapeHtml } from '../organisations/render-organisations-page.js';

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** The URL as an attribute value, or undefined when it is not a safe absolute URL. */
const safeHref = (url: string): string | undefined => {
  if (!URL.canParse(url)) return undefined;
  return SAFE_PROTOCOLS.has(new URL(url).protocol) ? escapeHtml(url) : undefined;
};

const link = (href: string, html: string): string =>
  `<a href="${href}" rel="nofollow noopener noreferrer">${html}</a>`;

/** Emphasis on already-escaped text (only the fixed tags are added). */
const emphasise = (escaped: string): string =>
  escaped
    .replace(/\*\*(?=\S)([^*]*?\S)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*])\*(?=\S)([^*]*?\S)\*(?!\*)/g, '$1<em>$2</em>');

const INLINE = /`([^`]+)`|\[([^\]]+)\]\(([^()\s]+)\)|(https?:\/\/[^\s<>()"']+[^\s<>()"'.,;:!?])/g;

/** One line (or several joined) of inline Markdown as HTML. */
export const renderInline = (text: string): string => {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    html += emphasise(escapeHtml(text.slice(last, match.index)));
    const [whole, code, label, url, bare] = match;
    if (code !== undefined) {
      html += `<code>${escapeHtml(code)}</code>`;
    } else if (label !== undefined && url !== undefined) {
      const href = safeHref(url);
      html +=
        href === undefined
          ? emphasise(escapeHtml(whole))
          : link(href, emphasise(escapeHtml(label)));
    } else if (bare !== undefined) {
      const href = safeHref(bare);
      html += href === undefined ? escapeHtml(bare) : link(href, escapeHtml(bare));
    }
    last = match.index + whole.length;
  }
  return html + emphasise(escapeHtml(text.slice(last)));
};

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;

const paragraph = (lines: readonly string[]): string =>
  `<p>${lines.map((line) => renderInline(line.trim())).join('<br>\n')}</p>`;

type LineKind = 'heading' | 'ul' | 'ol' | 'quote' | 'text';

const kindOf = (line: string): LineKind =>
  HEADING.test(line)
    ? 'heading'
    : BULLET.test(line)
      ? 'ul'
      : NUMBERED.test(line)
        ? 'ol'
        : QUOTE.test(line)
          ? 'quote'
          : 'text';

const renderRun = (kind: LineKind, lines: readonly string[]): string => {
  switch (kind) {
    case 'heading': {
      const match = HEADING.exec(lines[0] ?? '');
      const level = String(Math.min(6, (match?.[1]?.length ?? 1) + 2));
      return `<h${level}>${renderInline(match?.[2] ?? '')}</h${level}>`;
    }
    case 'ul':
    case 'ol': {
      const pattern = kind === 'ul' ? BULLET : NUMBERED;
      const items = lines.map((line) => `<li>${renderInline(pattern.exec(line)?.[1] ?? '')}</li>`);
      return `<${kind}>\n${items.join('\n')}\n</${kind}>`;
    }
    case 'quote':
      return `<blockquote>${paragraph(lines.map((line) => QUOTE.exec(line)?.[1] ?? ''))}</blockquote>`;
    case 'text':
      return paragraph(lines);
  }
};

/** One block (lines between blank lines): runs of lines of one kind, each heading alone. */
const renderBlock = (lines: readonly string[]): string => {
  const runs: { kind: LineKind; lines: string[] }[] = [];
  for (const line of lines) {
    const kind = kindOf(line);
    const run = runs.at(-1);
    if (run !== undefined && run.kind === kind && kind !== 'heading') run.lines.push(line);
    else runs.push({ kind, lines: [line] });
  }
  return runs.map((run) => renderRun(run.kind, run.lines)).join('\n');
};

/** Markdown source as safe HTML. */
export const renderMarkdown = (source: string): string => {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks.map(renderBlock).join('\n');
};
